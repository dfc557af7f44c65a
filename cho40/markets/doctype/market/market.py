# Copyright (c) 2026, cho40 developers
# License: MIT

import re

import frappe
from frappe import _
from frappe.model.document import Document

from cho40 import validators
from cho40.validation import throw_invalid


class Market(Document):
	def before_insert(self):
		self.normalise_code()

	def validate(self):
		self.normalise_code()
		if not self.override_class:
			try:
				points = validators.market_class(self.business_points or 0, bool(self.permanent_building))
			except validators.InvalidValue as error:
				throw_invalid(self, "business_points", error)
			self.market_class = str(points)
		self.validate_coordinates()
		self.validate_collection_account()
		self.validate_board_members()

	def on_update(self):
		from cho40.markets.access import sync_board_access

		sync_board_access(self)

	def normalise_code(self):
		self.market_code = re.sub(r"\s+", "", self.market_code or "").upper()

	def validate_coordinates(self):
		if self.latitude and not -90 <= self.latitude <= 90:
			frappe.throw(_("Latitude {0} must be between -90 and 90").format(self.latitude))
		if self.longitude and not -180 <= self.longitude <= 180:
			frappe.throw(_("Longitude {0} must be between -180 and 180").format(self.longitude))

	def validate_collection_account(self):
		if not self.collection_bank_account:
			return
		account = frappe.db.get_value(
			"Bank Account",
			self.collection_bank_account,
			["is_company_account", "company", "bank", "bank_account_no", "account"],
			as_dict=True,
		)
		if not account.is_company_account or account.company != self.company:
			frappe.throw(
				_("Collection Bank Account {0} must be a bank account of company {1}").format(
					frappe.bold(self.collection_bank_account), frappe.bold(self.company)
				)
			)
		if not frappe.db.get_value("Bank", account.bank, "cho40_bin"):
			frappe.throw(
				_("Bank {0} of the collection account has no NAPAS BIN, so no VietQR can be made").format(
					frappe.bold(account.bank)
				)
			)
		if not account.bank_account_no or not account.account:
			frappe.throw(
				_("Collection Bank Account {0} needs an account number and a ledger account").format(
					frappe.bold(self.collection_bank_account)
				)
			)

	def validate_board_members(self):
		seen = set()
		for member in self.board_members:
			if member.user in seen:
				frappe.throw(
					_("Row {0}: user {1} is listed twice").format(member.idx, frappe.bold(member.user))
				)
			seen.add(member.user)

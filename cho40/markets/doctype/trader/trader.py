# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from cho40 import validators
from cho40.validation import clean, throw_invalid


class Trader(Document):
	def validate(self):
		self.trader_name = " ".join((self.trader_name or "").split())
		clean(self, "citizen_id", validators.citizen_id)
		clean(self, "mobile_no", validators.mobile_number)
		clean(self, "tax_code", validators.tax_code)
		self.validate_unique_citizen_id()
		self.validate_bank_accounts()
		self.validate_stalls()
		self.qr_ready = int(bool(self.bank_accounts))

	def on_update(self):
		from cho40.markets.access import sync_trader_access
		from cho40.markets.customer_sync import sync_customer

		sync_customer(self)
		self.update_stall_occupancy()
		previous = self.get_doc_before_save()
		sync_trader_access(self, previous.user if previous else None)

	def on_trash(self):
		self.stalls = []
		self.update_stall_occupancy()

	def validate_unique_citizen_id(self):
		if not self.citizen_id:
			return
		other = frappe.db.get_value(
			"Trader", {"citizen_id": self.citizen_id, "name": ("!=", self.name)}, ["name", "trader_name"]
		)
		if other:
			frappe.throw(
				_("Citizen ID {0} is already registered for trader {1} ({2})").format(
					frappe.bold(self.citizen_id), other[1], other[0]
				),
				title=_("Invalid {0}").format(_(self.meta.get_label("citizen_id"))),
			)

	def validate_bank_accounts(self):
		for row in self.bank_accounts:
			row_label = _("Bank Accounts row {0}").format(row.idx)
			try:
				row.account_number = validators.bank_account_number(row.account_number)
			except validators.InvalidValue as error:
				throw_invalid(row, "account_number", error, row_label)
			row.bank_bin = frappe.db.get_value("Bank", row.bank, "cho40_bin")
			if not row.bank_bin:
				frappe.throw(
					_("{0}: bank {1} has no NAPAS BIN, so no VietQR can be made for it").format(
						row_label, frappe.bold(row.bank)
					),
					title=_("Invalid {0}").format(_("Bank")),
				)
		if self.bank_accounts and not any(row.is_default for row in self.bank_accounts):
			self.bank_accounts[0].is_default = 1

	def validate_stalls(self):
		seen = set()
		for row in self.stalls:
			label = _("Stalls row {0}").format(row.idx)
			if row.stall in seen:
				frappe.throw(_("{0}: stall {1} is listed twice").format(label, frappe.bold(row.stall)))
			seen.add(row.stall)
			# getdate(None) is today, so an open end stays None here.
			from_date = getdate(row.from_date) if row.from_date else None
			to_date = getdate(row.to_date) if row.to_date else None
			if from_date and to_date and to_date < from_date:
				frappe.throw(_("{0}: To Date is before From Date").format(label))
			stall_market = frappe.db.get_value("Market Stall", row.stall, "market")
			if stall_market != self.market:
				frappe.throw(
					_("{0}: stall {1} belongs to market {2}, not {3}").format(
						label, frappe.bold(row.stall), stall_market, self.market
					)
				)
			if other := self.rented_by_other_trader(row.stall, from_date, to_date):
				frappe.throw(
					_("{0}: stall {1} is rented by trader {2} in the same period").format(
						label, frappe.bold(row.stall), other
					)
				)

	def rented_by_other_trader(self, stall: str, from_date, to_date) -> str | None:
		"""Another active trader whose rental of the stall overlaps this one: a stall is billed once."""
		other = frappe.db.sql(
			"""
			select held.parent from `tabTrader Stall` held
			join `tabTrader` trader on trader.name = held.parent
			where held.parenttype = 'Trader' and held.stall = %(stall)s and held.parent != %(trader)s
				and trader.status = 'Active'
				and ifnull(held.from_date, '1900-01-01') <= %(to_date)s
				and ifnull(held.to_date, '2999-12-31') >= %(from_date)s
			limit 1
			""",
			{
				"stall": stall,
				"trader": self.name or "",
				"from_date": from_date or "1900-01-01",
				"to_date": to_date or "2999-12-31",
			},
		)
		return other[0][0] if other else None

	def update_stall_occupancy(self):
		today = getdate()
		held = {row.stall for row in self.stalls if not row.to_date or getdate(row.to_date) >= today}
		for stall in frappe.get_all("Market Stall", {"current_trader": self.name}, pluck="name"):
			if stall not in held:
				frappe.db.set_value("Market Stall", stall, {"current_trader": None, "status": "Vacant"})
		for stall in held:
			frappe.db.set_value("Market Stall", stall, {"current_trader": self.name, "status": "Occupied"})

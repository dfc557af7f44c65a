"""cho40's reactions to ERPNext Sales Invoice events."""

import frappe
from frappe.utils import getdate

from cho40 import payment_code
from cho40.billing_period import billing_key

BILLING_FIELDS = ("cho40_trader", "cho40_billing_period", "cho40_billing_run")


def before_insert(invoice, method=None):
	carry_billing_into_amendment(invoice)
	assign_payment_code(invoice)


def carry_billing_into_amendment(invoice):
	"""An amendment replaces the cancelled month's bill, so it takes over its billing key;
	a later billing run then finds the month billed instead of billing the trader again."""
	if not invoice.amended_from:
		return
	original = frappe.db.get_value(
		"Sales Invoice", invoice.amended_from, ["market", *BILLING_FIELDS], as_dict=True
	)
	if not (original and original.cho40_billing_period and original.cho40_trader):
		return
	for fieldname in BILLING_FIELDS:
		invoice.set(fieldname, original.get(fieldname))
	invoice.cho40_billing_key = billing_key(
		original.market, original.cho40_trader, getdate(f"{original.cho40_billing_period}-01")
	)


def assign_payment_code(invoice):
	"""Market invoices get a short code for the VietQR purpose, unique across all invoices."""
	if invoice.cho40_payment_code or not (invoice.get("market") or invoice.cho40_trader):
		return
	while True:
		code = payment_code.new_code()
		if not frappe.db.exists("Sales Invoice", {"cho40_payment_code": code}):
			invoice.cho40_payment_code = code
			return


def release_billing_key(invoice, method=None):
	"""A cancelled invoice no longer counts as the month's bill, so a later run may bill again."""
	if invoice.cho40_billing_key:
		invoice.db_set("cho40_billing_key", None, update_modified=False)

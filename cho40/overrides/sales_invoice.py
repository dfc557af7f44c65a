"""cho40's reactions to ERPNext Sales Invoice events."""

import frappe

from cho40 import payment_code


def assign_payment_code(invoice, method=None):
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

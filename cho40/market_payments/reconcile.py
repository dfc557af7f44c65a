"""Match bank credits to market invoices by the payment code in the transfer description.

A credit may name several invoices (one transfer for several months) or pay part of one; the
amount is allocated oldest invoice first and any excess stays on the Payment Entry as an advance.
Only unreconciled credits are looked at, so running this again never pays an invoice twice.
"""

import json

import frappe
from erpnext.accounts.doctype.bank_reconciliation_tool.bank_reconciliation_tool import reconcile_vouchers
from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry
from frappe.utils import flt

from cho40.payment_code import find_codes


def reconcile_bank_account(bank_account: str) -> dict:
	"""Pay what the codes name; failures are returned (and logged) for a person to look at."""
	stats = {"matched": 0, "amount": 0, "failures": []}
	for transaction in _open_credits(bank_account):
		invoices = _invoices_for(find_codes(transaction.description or ""))
		if not invoices:
			continue
		try:
			payment = _pay_invoices(transaction, invoices)
			frappe.db.commit()
		except Exception as error:
			frappe.db.rollback()
			frappe.log_error(title=f"cho40: could not reconcile {transaction.name}")
			stats["failures"].append((transaction.name, str(error) or type(error).__name__))
			continue
		stats["matched"] += 1
		stats["amount"] += payment.paid_amount
	return stats


def _open_credits(bank_account: str):
	return frappe.get_all(
		"Bank Transaction",
		filters={
			"bank_account": bank_account,
			"docstatus": 1,
			"deposit": (">", 0),
			"unallocated_amount": (">", 0),
		},
		fields=[
			"name",
			"date",
			"deposit",
			"unallocated_amount",
			"description",
			"reference_number",
			"bank_account",
		],
		order_by="date, name",
	)


def _invoices_for(codes: list[str]) -> list:
	if not codes:
		return []
	invoices = frappe.get_all(
		"Sales Invoice",
		filters={"cho40_payment_code": ("in", codes), "docstatus": 1, "outstanding_amount": (">", 0)},
		fields=["name", "customer", "outstanding_amount", "posting_date"],
		order_by="posting_date, name",
	)
	# One Payment Entry has one party: a transfer naming several traders' bills is left to a person.
	if len({invoice.customer for invoice in invoices}) > 1:
		return []
	return invoices


def _pay_invoices(transaction, invoices):
	amount = flt(transaction.unallocated_amount)
	gl_account = frappe.db.get_value("Bank Account", transaction.bank_account, "account")
	payment = get_payment_entry(
		"Sales Invoice",
		invoices[0].name,
		party_amount=amount,
		bank_account=gl_account,
		reference_date=transaction.date,
		ignore_permissions=True,
	)
	payment.references = []
	remaining = amount
	for invoice in invoices:
		allocated = min(remaining, flt(invoice.outstanding_amount))
		if allocated <= 0:
			break
		payment.append(
			"references",
			{
				"reference_doctype": "Sales Invoice",
				"reference_name": invoice.name,
				"allocated_amount": allocated,
			},
		)
		remaining -= allocated
	payment.paid_amount = payment.received_amount = amount
	payment.base_paid_amount = payment.base_received_amount = amount
	payment.posting_date = transaction.date
	payment.reference_no = transaction.reference_number or transaction.name
	payment.reference_date = transaction.date
	payment.bank_account = transaction.bank_account
	payment.flags.ignore_permissions = True
	payment.insert()
	payment.submit()
	reconcile_vouchers(
		transaction.name,
		json.dumps([{"payment_doctype": "Payment Entry", "payment_name": payment.name, "amount": amount}]),
	)
	return payment

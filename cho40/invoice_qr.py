"""VietQR for a market invoice: the market's collection account, the amount still due, the payment code."""

import base64
import io

import frappe
from frappe.utils import getdate

from cho40.billing_period import purpose_label
from cho40.payment_code import purpose_for
from cho40.vietqr import build_payload


def invoice_vietqr_payload(invoice) -> str | None:
	if isinstance(invoice, str):
		invoice = frappe.get_doc("Sales Invoice", invoice)
	amount = round(
		invoice.outstanding_amount if invoice.docstatus == 1 else invoice.rounded_total or invoice.grand_total
	)
	account = _collection_account(invoice.get("market"))
	if not (account and invoice.cho40_payment_code and amount > 0):
		return None
	period_day = (
		getdate(f"{invoice.cho40_billing_period}-01")
		if invoice.cho40_billing_period
		else getdate(invoice.posting_date)
	)
	return build_payload(
		bin=account.bin,
		account=account.bank_account_no,
		amount=amount,
		purpose=purpose_for(invoice.cho40_payment_code, purpose_label(period_day)),
	)


def invoice_vietqr_data_uri(invoice) -> str | None:
	"""PNG data URI, because wkhtmltopdf and mail clients render it where SVG fails."""
	payload = invoice_vietqr_payload(invoice)
	if not payload:
		return None
	import pyqrcode

	buffer = io.BytesIO()
	pyqrcode.create(payload, error="M", mode="binary").png(buffer, scale=5, quiet_zone=4)
	return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _collection_account(market: str | None):
	if not market:
		return None
	bank_account = frappe.db.get_value("Market", market, "collection_bank_account")
	if not bank_account:
		return None
	account = frappe.db.get_value("Bank Account", bank_account, ["bank", "bank_account_no"], as_dict=True)
	account.bin = frappe.db.get_value("Bank", account.bank, "cho40_bin")
	return account if account.bin and account.bank_account_no else None

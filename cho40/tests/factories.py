"""Small, real records for integration tests: a market with its collection account, stalls, traders."""

import random

import frappe
from frappe.utils import get_first_day, today

from cho40.setup import ensure_company

COLLECTION_BIN = "970415"  # VietinBank
COLLECTION_ACCOUNT_NO = "113000777888"


def citizen_id() -> str:
	"""Valid by hand: province 006 (Bắc Kạn), digit 1 = a woman born in the 1900s, year 75."""
	while True:
		candidate = f"006175{random.randint(0, 999_999):06d}"
		if not frappe.db.exists("Trader", {"citizen_id": candidate}):
			return candidate


def unique(prefix: str) -> str:
	return f"{prefix}-{frappe.generate_hash(length=6).upper()}"


def company() -> str:
	return ensure_company()


def collection_account(company_name: str) -> str:
	existing = frappe.db.get_value(
		"Bank Account", {"bank_account_no": COLLECTION_ACCOUNT_NO, "company": company_name}
	)
	if existing:
		return existing
	parent = frappe.db.get_value("Account", {"company": company_name, "is_group": 1, "account_type": "Bank"})
	gl_account = frappe.get_doc(
		{
			"doctype": "Account",
			"account_name": "Tiền gửi thu phí (test)",
			"company": company_name,
			"parent_account": parent,
			"account_type": "Bank",
		}
	).insert(ignore_permissions=True, ignore_if_duplicate=True)
	return (
		frappe.get_doc(
			{
				"doctype": "Bank Account",
				"account_name": "Thu phí chợ (test)",
				"bank": frappe.db.get_value("Bank", {"cho40_bin": COLLECTION_BIN}),
				"account": gl_account.name,
				"is_company_account": 1,
				"company": company_name,
				"bank_account_no": COLLECTION_ACCOUNT_NO,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def market(**values) -> "frappe.Document":
	company_name = company()
	return frappe.get_doc(
		{
			"doctype": "Market",
			"market_code": unique("TM"),
			"market_name": "Chợ thử nghiệm",
			"commune": "01840",
			"company": company_name,
			"collection_bank_account": collection_account(company_name),
			**values,
		}
	).insert(ignore_permissions=True)


def stall(market_name: str, monthly_charge: int, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Market Stall",
			"market": market_name,
			"stall_code": unique("S"),
			"stall_type": "Fixed Stall",
			"area_m2": 6,
			"monthly_charge": monthly_charge,
			**values,
		}
	).insert(ignore_permissions=True)


def trader(market_name: str, stalls=(), bank: bool = True, **values) -> "frappe.Document":
	return frappe.get_doc(
		{
			"doctype": "Trader",
			"trader_name": "Nguyễn Thị Hoa",
			"market": market_name,
			"citizen_id": citizen_id(),
			"mobile_no": "0912345678",
			"bank_accounts": [
				{
					"bank": frappe.db.get_value("Bank", {"cho40_bin": "970405"}),
					"account_number": "8600205123456",
				}
			]
			if bank
			else [],
			"stalls": [{"stall": name, "from_date": "2025-01-01"} for name in stalls],
			**values,
		}
	).insert(ignore_permissions=True)


def billing_run(market_name: str, month=None) -> "frappe.Document":
	month = month or get_first_day(today())
	return frappe.get_doc(
		{"doctype": "Billing Run", "market": market_name, "billing_month": month, "posting_date": month}
	).insert(ignore_permissions=True)


def user(email_prefix: str, roles=()) -> str:
	email = f"{unique(email_prefix).lower()}@cho40.test"
	doc = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": email_prefix,
			"send_welcome_email": 0,
			"language": "vi",
			"new_password": "Cho40-test-password!",
		}
	).insert(ignore_permissions=True)
	if roles:
		doc.add_roles(*roles)
	return email

"""A market-board company in VND, made with ERPNext's own setup wizard when the site has none."""

import frappe
from frappe.utils import now_datetime

from cho40.billing.defaults import ensure_billing_defaults

BOARD_COMPANY = "Ban Quản lý chợ Bắc Kạn"
BOARD_ABBR = "BQLC"


def ensure_company(company_name: str = BOARD_COMPANY, abbr: str = BOARD_ABBR) -> str:
	if not frappe.db.a_row_exists("Company"):
		_run_setup_wizard(company_name, abbr)
	elif not frappe.db.exists("Company", company_name):
		vnd_company = frappe.db.get_value("Company", {"default_currency": "VND"})
		if vnd_company:
			return vnd_company
		_create_company(company_name, abbr)
	ensure_billing_defaults()
	frappe.db.commit()
	return company_name


def _run_setup_wizard(company_name: str, abbr: str) -> None:
	from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

	year = now_datetime().year
	setup_complete(
		{
			"currency": "VND",
			"full_name": "Administrator",
			"company_name": company_name,
			"company_abbr": abbr,
			"timezone": "Asia/Ho_Chi_Minh",
			"country": "Vietnam",
			"industry": "Services",
			"fy_start_date": f"{year}-01-01",
			"fy_end_date": f"{year}-12-31",
			"language": "English",
			"company_tagline": "Chợ 4.0",
			"email": "admin@cho40.local",
			"password": "admin",
			"chart_of_accounts": "Standard",
		}
	)
	frappe.db.set_single_value("System Settings", "language", "vi")


def _create_company(company_name: str, abbr: str) -> None:
	frappe.get_doc(
		{
			"doctype": "Company",
			"company_name": company_name,
			"abbr": abbr,
			"default_currency": "VND",
			"country": "Vietnam",
			"chart_of_accounts": "Standard",
			"create_chart_of_accounts_based_on": "Standard Template",
		}
	).insert(ignore_permissions=True)


def before_tests():
	frappe.clear_cache()
	ensure_company()
	frappe.db.commit()

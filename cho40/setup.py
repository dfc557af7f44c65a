"""A market-board company in VND, made with ERPNext's own setup wizard when the site has none."""

import datetime

import frappe
from frappe.utils import getdate, now_datetime, today

from cho40.billing.defaults import ensure_billing_defaults
from cho40.install import apply_whole_dong_precision

BOARD_COMPANY = "Ban Quản lý chợ Bắc Kạn"
BOARD_ABBR = "BQLC"


def ensure_company(company_name: str = BOARD_COMPANY, abbr: str = BOARD_ABBR) -> str:
	if not frappe.db.a_row_exists("Company"):
		_run_setup_wizard(company_name, abbr)
		_use_vietnamese_defaults()
	company = (
		frappe.db.exists("Company", company_name)
		or frappe.db.get_value("Company", {"default_currency": "VND"})
		or _create_company(company_name, abbr)
	)
	_ensure_fiscal_year(getdate(today()).year)
	apply_whole_dong_precision()
	ensure_billing_defaults()
	frappe.db.commit()
	return company


def _ensure_fiscal_year(year: int) -> None:
	start = datetime.date(year, 1, 1)
	if frappe.db.exists("Fiscal Year", {"year_start_date": ("<=", start), "year_end_date": (">=", start)}):
		return
	frappe.get_doc(
		{
			"doctype": "Fiscal Year",
			"year": str(year),
			"year_start_date": start,
			"year_end_date": datetime.date(year, 12, 31),
		}
	).insert(ignore_permissions=True)


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


def _use_vietnamese_defaults() -> None:
	"""A VND-only deployment: Vietnamese UI, dd/mm/yyyy dates, money rounded to whole đồng."""
	settings = frappe.get_single("System Settings")
	settings.language = "vi"
	settings.date_format = "dd/mm/yyyy"
	settings.number_format = "#.###,##"
	settings.currency_precision = "0"
	settings.flags.ignore_permissions = True
	settings.save()


def _create_company(company_name: str, abbr: str) -> str:
	return (
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
		)
		.insert(ignore_permissions=True)
		.name
	)


def before_tests():
	frappe.clear_cache()
	ensure_company()
	frappe.db.commit()

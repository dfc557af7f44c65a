"""Every trader is an ERPNext Customer, so invoices, payments and statements are ERPNext's own."""

import frappe

from cho40.billing.defaults import get_settings


def sync_customer(trader) -> None:
	values = {
		"customer_name": trader.trader_name,
		"tax_id": trader.tax_code,
		"cho40_trader": trader.name,
		"cho40_market": trader.market,
	}
	if trader.customer and frappe.db.exists("Customer", trader.customer):
		customer = frappe.get_doc("Customer", trader.customer)
		if any(customer.get(key) != value for key, value in values.items()):
			customer.update(values)
			customer.save(ignore_permissions=True)
		return

	settings = get_settings()
	# Named after the trader: names repeat (ERPNext would rename "Nguyễn Thị Hoa" to "… - 2" and
	# tell the user in English), the trader's code does not.
	customer = frappe.get_doc(
		{
			"doctype": "Customer",
			"customer_type": "Individual",
			"customer_group": settings.customer_group,
			"territory": settings.territory,
			**values,
		}
	).insert(ignore_permissions=True, set_name=trader.name)
	trader.db_set("customer", customer.name, update_modified=False)

"""Records billing needs that only make sense once ERPNext's setup wizard has run."""

import frappe
from frappe import _

STALL_CHARGE_ITEM = "CHO40-STALL"
TRADER_CUSTOMER_GROUP = "Tiểu thương"


def get_settings():
	settings = frappe.get_cached_doc("Cho40 Settings")
	if not (settings.stall_charge_item and settings.customer_group and settings.territory):
		ensure_billing_defaults()
		settings = frappe.get_cached_doc("Cho40 Settings")
	return settings


def ensure_billing_defaults() -> None:
	settings = frappe.get_doc("Cho40 Settings")
	if settings.stall_charge_item and settings.customer_group and settings.territory:
		return
	settings.stall_charge_item = settings.stall_charge_item or _ensure_stall_item()
	settings.customer_group = settings.customer_group or _ensure_customer_group()
	settings.territory = settings.territory or _root("Territory")
	settings.invoice_due_days = settings.invoice_due_days or 10
	settings.save(ignore_permissions=True)


def _ensure_stall_item() -> str:
	if not frappe.db.exists("Item", STALL_CHARGE_ITEM):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": STALL_CHARGE_ITEM,
				"item_name": "Giá dịch vụ sử dụng diện tích bán hàng",
				"description": "Giá dịch vụ sử dụng diện tích bán hàng tại chợ (theo tháng)",
				"item_group": frappe.db.exists("Item Group", "Services") or _root("Item Group"),
				"stock_uom": _ensure_uom("Tháng"),
				"is_stock_item": 0,
				"include_item_in_manufacturing": 0,
			}
		).insert(ignore_permissions=True)
	return STALL_CHARGE_ITEM


def _ensure_uom(name: str) -> str:
	if not frappe.db.exists("UOM", name):
		frappe.get_doc({"doctype": "UOM", "uom_name": name, "must_be_whole_number": 1}).insert(
			ignore_permissions=True
		)
	return name


def _ensure_customer_group() -> str:
	if not frappe.db.exists("Customer Group", TRADER_CUSTOMER_GROUP):
		frappe.get_doc(
			{
				"doctype": "Customer Group",
				"customer_group_name": TRADER_CUSTOMER_GROUP,
				"parent_customer_group": _root("Customer Group"),
				"is_group": 0,
			}
		).insert(ignore_permissions=True)
	return TRADER_CUSTOMER_GROUP


def _root(doctype: str) -> str:
	root = frappe.db.get_value(doctype, {"lft": 1, "is_group": 1})
	if not root:
		frappe.throw(_("No root {0} found: complete the ERPNext setup wizard first").format(_(doctype)))
	return root

"""Install, migrate and uninstall steps. Every step is idempotent: migrate runs them all again."""

import json
from pathlib import Path

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

from cho40.custom_fields import CUSTOM_FIELDS

DATA_DIR = Path(__file__).parent / "data"

ROLES = {
	"Department Staff": 1,
	"Market Board Manager": 1,
	"Market Board Staff": 1,
	"Market Accountant": 1,
	"Digital Team Member": 1,
	"Trader": 0,
}

BOARD_ROLES = ["Market Board Manager", "Market Board Staff", "Market Accountant"]

# (doctype, role, rights): what cho40 roles may do on ERPNext documents they work with.
ERPNEXT_PERMISSIONS = [
	*[("Sales Invoice", role, ("read", "print", "report")) for role in BOARD_ROLES],
	("Sales Invoice", "Department Staff", ("read", "print", "report", "export")),
	("Sales Invoice", "Trader", ("read", "print")),
	*[("Customer", role, ("read",)) for role in [*BOARD_ROLES, "Department Staff"]],
	("Payment Entry", "Market Accountant", ("read", "print", "report")),
	("Payment Entry", "Department Staff", ("read", "report")),
	("Bank Transaction", "Market Accountant", ("read", "write", "create", "submit", "report")),
	("Bank Account", "Market Accountant", ("read",)),
	# ERPNext reads the bank ledger's balance while it builds a Payment Entry.
	("Account", "Market Accountant", ("read",)),
	*[("Bank", role, ("read",)) for role in [*BOARD_ROLES, "Department Staff", "Trader"]],
]

MARKET_DIMENSION = "Market"


def after_install():
	after_migrate()


def after_migrate():
	create_roles()
	create_custom_fields(CUSTOM_FIELDS, update=True)
	load_banks()
	load_administrative_units()
	create_market_dimension()
	grant_erpnext_permissions()
	configure_vnd()
	apply_whole_dong_precision()
	frappe.db.commit()


def configure_vnd():
	"""Whole đồng everywhere: the đồng has no minor unit in use."""
	if frappe.db.exists("Currency", "VND"):
		frappe.db.set_value(
			"Currency",
			"VND",
			{
				"enabled": 1,
				"symbol": "₫",
				"symbol_on_right": 1,
				"number_format": "#.###",
				"smallest_currency_fraction_value": 1,
			},
		)


def create_roles():
	for role, desk_access in ROLES.items():
		if not frappe.db.exists("Role", role):
			frappe.get_doc({"doctype": "Role", "role_name": role, "desk_access": desk_access}).insert(
				ignore_permissions=True
			)


def load_banks():
	for bank in json.loads((DATA_DIR / "banks.json").read_text()):
		name = frappe.db.get_value("Bank", {"cho40_bin": bank["bin"]}) or frappe.db.exists(
			"Bank", bank["short"]
		)
		if name:
			frappe.db.set_value(
				"Bank", name, {"cho40_bin": bank["bin"], "cho40_short_code": bank.get("code")}
			)
			continue
		frappe.get_doc(
			{
				"doctype": "Bank",
				"bank_name": bank["short"],
				"cho40_bin": bank["bin"],
				"cho40_short_code": bank.get("code"),
			}
		).insert(ignore_permissions=True)


def load_administrative_units():
	from cho40.markets.doctype.administrative_unit.administrative_unit import import_units

	import_units(json.loads((DATA_DIR / "admin_units.json").read_text()))


def create_market_dimension():
	if frappe.db.exists("Accounting Dimension", {"document_type": "Market"}):
		return
	dimension = frappe.get_doc(
		{"doctype": "Accounting Dimension", "document_type": "Market", "label": MARKET_DIMENSION}
	)
	# ERPNext queues the dimension's custom fields for a worker unless in a test; an install may
	# run with no worker, so take the synchronous path.
	frappe.flags.in_test, in_test = True, frappe.flags.in_test
	try:
		dimension.insert(ignore_permissions=True)
	finally:
		frappe.flags.in_test = in_test


# Money doctypes market boards and traders see. Frappe treats a currency precision of 0 in System
# Settings as unset and falls back to the number format's 2 decimals (erpnext#58392), so a VND
# site sets the precision on the fields themselves.
WHOLE_DONG_DOCTYPES = (
	"Sales Invoice",
	"Sales Invoice Item",
	"Sales Taxes and Charges",
	"Payment Entry",
	"Payment Entry Reference",
	"Payment Entry Deduction",
	"Bank Transaction",
	"Bank Transaction Payments",
	"Journal Entry",
	"Journal Entry Account",
)


def apply_whole_dong_precision():
	if frappe.db.get_default("currency") != "VND":
		return
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	for doctype in WHOLE_DONG_DOCTYPES:
		for field in frappe.get_meta(doctype).get("fields", {"fieldtype": "Currency"}):
			if field.precision != "0":
				make_property_setter(
					doctype, field.fieldname, "precision", "0", "Select", validate_fields_for_doctype=False
				)
		frappe.clear_cache(doctype=doctype)


def grant_erpnext_permissions():
	from frappe.permissions import add_permission, update_permission_property

	for doctype, role, rights in ERPNEXT_PERMISSIONS:
		if not frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0}):
			add_permission(doctype, role, 0)
		for right in rights:
			update_permission_property(doctype, role, 0, right, 1, validate=False)


def before_uninstall():
	remove_access_records()
	remove_market_dimension()
	frappe.db.delete(
		"Property Setter",
		{"doc_type": ("in", WHOLE_DONG_DOCTYPES), "property": "precision", "value": "0"},
	)
	revoke_erpnext_permissions()
	for role in ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		frappe.delete_doc("Role", role, ignore_missing=True, force=True, ignore_permissions=True)


def remove_access_records():
	"""User Permissions on Market and Trader would point at doctypes that no longer exist and stop
	those users from logging in."""
	trader_customers = frappe.get_all("Customer", {"cho40_trader": ("is", "set")}, pluck="name")
	frappe.db.delete("User Permission", {"allow": ("in", ["Market", "Trader"])})
	if trader_customers:
		frappe.db.delete("User Permission", {"allow": "Customer", "for_value": ("in", trader_customers)})


def remove_market_dimension():
	from erpnext.accounts.doctype.accounting_dimension.accounting_dimension import (
		delete_accounting_dimension,
	)

	for name in frappe.get_all("Accounting Dimension", {"document_type": "Market"}, pluck="name"):
		dimension = frappe.get_doc("Accounting Dimension", name)
		delete_accounting_dimension(dimension)
		frappe.db.delete("Accounting Dimension Detail", {"parent": name})
		frappe.db.delete("Accounting Dimension", {"name": name})


def revoke_erpnext_permissions():
	for doctype in {doctype for doctype, _role, _rights in ERPNEXT_PERMISSIONS}:
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": ("in", list(ROLES))})
		frappe.clear_cache(doctype=doctype)

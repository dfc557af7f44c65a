"""Who sees which market's records.

Board users get a User Permission on their Market; Frappe then filters every doctype that links
to Market (stalls, traders, billing runs, invoices through the Market dimension) in the desk, in
reports and over REST. Traders get one on their own Trader and Customer.

A user with no User Permission at all is unrestricted in Frappe, so a board or trader role without
its market or trader record would see every market: the hooks below deny that case outright.
"""

import frappe
from frappe.permissions import get_user_permissions

BOARD_ROLES = ("Market Board Manager", "Market Board Staff", "Market Accountant")
UNRESTRICTED_ROLES = ("Administrator", "System Manager", "Department Staff")


def is_unscoped(user: str | None = None) -> bool:
	"""A board member without a market, or a trader without a trader record."""
	user = user or frappe.session.user
	roles = set(frappe.get_roles(user))
	if roles.intersection(UNRESTRICTED_ROLES):
		return False
	scopes = get_user_permissions(user)
	if roles.intersection(BOARD_ROLES) and "Market" not in scopes:
		return True
	return "Trader" in roles and "Trader" not in scopes and not roles.intersection(BOARD_ROLES)


def query_conditions(user: str | None = None) -> str:
	return "1 = 0" if is_unscoped(user) else ""


def has_permission(doc, ptype=None, user=None) -> bool | None:
	return False if is_unscoped(user) else None


def sync_board_access(market) -> None:
	members = {m.user: m.board_role for m in market.board_members}
	for user, role in members.items():
		_ensure_role(user, role)
		_ensure_user_permission(user, "Market", market.name)
	for stale in frappe.get_all(
		"User Permission",
		filters={"allow": "Market", "for_value": market.name, "user": ("not in", list(members) or [""])},
		fields=["name", "user"],
	):
		frappe.delete_doc("User Permission", stale.name, ignore_permissions=True)
		_drop_board_roles_without_market(stale.user)


def grant_trader_access(trader) -> None:
	if not trader.user:
		return
	_ensure_role(trader.user, "Trader")
	_ensure_user_permission(trader.user, "Trader", trader.name)
	if trader.customer:
		_ensure_user_permission(trader.user, "Customer", trader.customer)


def _drop_board_roles_without_market(user: str) -> None:
	if frappe.db.exists("User Permission", {"user": user, "allow": "Market"}):
		return
	user_doc = frappe.get_doc("User", user)
	user_doc.flags.ignore_permissions = True
	user_doc.remove_roles(*BOARD_ROLES)


def _ensure_role(user: str, role: str) -> None:
	if not frappe.db.exists("Has Role", {"parent": user, "parenttype": "User", "role": role}):
		user_doc = frappe.get_doc("User", user)
		user_doc.flags.ignore_permissions = True
		user_doc.add_roles(role)


def _ensure_user_permission(user: str, allow: str, value: str) -> None:
	if frappe.db.exists("User Permission", {"user": user, "allow": allow, "for_value": value}):
		return
	frappe.get_doc(
		{
			"doctype": "User Permission",
			"user": user,
			"allow": allow,
			"for_value": value,
			"apply_to_all_doctypes": 1,
		}
	).insert(ignore_permissions=True)

"""Who sees which market's records.

Board users get a User Permission on their Market; Frappe then filters every doctype that links
to Market (stalls, traders, billing runs, invoices through the Market dimension) in the desk, in
reports and over REST. Traders get one on their own Trader and Customer.
"""

import frappe


def sync_board_access(market) -> None:
	members = {m.user: m.board_role for m in market.board_members}
	for user, role in members.items():
		_ensure_role(user, role)
		_ensure_user_permission(user, "Market", market.name)
	for stale in frappe.get_all(
		"User Permission",
		filters={"allow": "Market", "for_value": market.name, "user": ("not in", list(members) or [""])},
		pluck="name",
	):
		frappe.delete_doc("User Permission", stale, ignore_permissions=True)


def grant_trader_access(trader) -> None:
	if not trader.user:
		return
	_ensure_role(trader.user, "Trader")
	_ensure_user_permission(trader.user, "Trader", trader.name)
	if trader.customer:
		_ensure_user_permission(trader.user, "Customer", trader.customer)


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

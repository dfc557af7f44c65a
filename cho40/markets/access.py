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


def _scope(user: str, doctype: str) -> list[str] | None:
	"""The records of `doctype` the user is limited to, or None when not limited by it."""
	permissions = get_user_permissions(user).get(doctype)
	return [permission.get("doc") for permission in permissions] if permissions else None


def _sql_list(values: list[str]) -> str:
	return ", ".join(frappe.db.escape(value) for value in values)


# Records that carry no Market link of their own, scoped through the record they belong to.
# Frappe applies User Permissions to link fields only, so child rows read directly
# (frappe.client.get_list with a parent) and bank records would otherwise show every market.
_SCOPED_SQL = {
	"Trader Bank Account": (
		"`tabTrader Bank Account`.parent in ({traders})",
		"`tabTrader Bank Account`.parent in (select name from `tabTrader` where market in ({markets}))",
	),
	"Trader Stall": (
		"`tabTrader Stall`.parent in ({traders})",
		"`tabTrader Stall`.parent in (select name from `tabTrader` where market in ({markets}))",
	),
	"Sales Invoice Item": (
		"`tabSales Invoice Item`.parent in (select name from `tabSales Invoice` where cho40_trader in ({traders}))",
		"`tabSales Invoice Item`.parent in (select name from `tabSales Invoice` where market in ({markets}))",
	),
	"Bank Account": (
		"1 = 0",
		"`tabBank Account`.name in (select collection_bank_account from `tabMarket` where name in ({markets}))",
	),
	"Bank Transaction": (
		"1 = 0",
		"`tabBank Transaction`.bank_account in (select collection_bank_account from `tabMarket` where name in ({markets}))",
	),
	"Market Bank Statement": (
		"1 = 0",
		"`tabMarket Bank Statement`.bank_account in (select collection_bank_account from `tabMarket` where name in ({markets}))",
	),
}


def scoped_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if is_unscoped(user):
		return "1 = 0"
	by_trader, by_market = _SCOPED_SQL[doctype]
	traders, markets = _scope(user, "Trader"), _scope(user, "Market")
	if markets:
		return by_market.format(markets=_sql_list(markets))
	if traders:
		return by_trader.format(traders=_sql_list(traders))
	return ""


def scoped_has_permission(doc, ptype=None, user=None) -> bool | None:
	user = user or frappe.session.user
	condition = scoped_query_conditions(user, doc.doctype)
	if not condition:
		return None
	table = f"`tab{doc.doctype}`"
	found = frappe.db.sql(f"select 1 from {table} where {table}.name = %s and {condition}", doc.name)
	return None if found or doc.is_new() else False


def sync_board_access(market) -> None:
	members = {member.user for member in market.board_members}
	for user in members:
		_ensure_user_permission(user, "Market", market.name)
		_sync_board_roles(user)
	for stale in frappe.get_all(
		"User Permission",
		filters={"allow": "Market", "for_value": market.name, "user": ("not in", list(members) or [""])},
		fields=["name", "user"],
	):
		frappe.delete_doc("User Permission", stale.name, ignore_permissions=True)
		_sync_board_roles(stale.user)


def sync_trader_access(trader, previous_user: str | None = None) -> None:
	if previous_user and previous_user != trader.user:
		for allow, value in (("Trader", trader.name), ("Customer", trader.customer)):
			frappe.db.delete("User Permission", {"user": previous_user, "allow": allow, "for_value": value})
		if not frappe.db.exists("User Permission", {"user": previous_user, "allow": "Trader"}):
			_user(previous_user).remove_roles("Trader")
	if not trader.user:
		return
	_ensure_role(trader.user, "Trader")
	_ensure_user_permission(trader.user, "Trader", trader.name)
	if trader.customer:
		_ensure_user_permission(trader.user, "Customer", trader.customer)


def _sync_board_roles(user: str) -> None:
	"""A user holds exactly the board roles of the boards that list them, so a demotion sticks."""
	held = set(
		frappe.get_all(
			"Market Board Member",
			filters={"user": user, "parenttype": "Market"},
			pluck="board_role",
		)
	)
	user_doc = _user(user)
	current = set(frappe.get_roles(user))
	if stale := [role for role in BOARD_ROLES if role in current and role not in held]:
		user_doc.remove_roles(*stale)
	if missing := [role for role in held if role not in current]:
		user_doc.add_roles(*missing)


def _user(user: str):
	user_doc = frappe.get_doc("User", user)
	user_doc.flags.ignore_permissions = True
	return user_doc


def _ensure_role(user: str, role: str) -> None:
	if not frappe.db.exists("Has Role", {"parent": user, "parenttype": "User", "role": role}):
		_user(user).add_roles(role)


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

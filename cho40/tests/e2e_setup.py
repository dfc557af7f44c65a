"""Records the browser tests need: two markets, a board manager of the first, a billed invoice.

`bench --site S execute cho40.tests.e2e_setup.prepare` prints them as one JSON line; it is
idempotent so a developer can run the browser tests again on the same site.
"""

import json

import frappe

from cho40.billing.run import execute
from cho40.tests import factories

PASSWORD = "Cho40-e2e-Password!"


def prepare() -> None:
	factories.company()
	own = _market("E2E-A", "Chợ Đức Xuân (thử nghiệm)")
	other = _market("E2E-B", "Chợ Bằng Lũng (thử nghiệm)")
	manager = _board_manager(own)
	foreign = _trader(other.name, "Hoàng Văn Lục")
	billed = _trader(own.name, "Lý Thị Mai", charge=250_000)
	run = frappe.db.get_value("Billing Run", {"market": own.name}) or factories.billing_run(own.name).name
	execute(run)
	invoice = frappe.db.get_value("Sales Invoice", {"cho40_trader": billed, "docstatus": 1})
	free_stall = (
		frappe.db.get_value("Market Stall", {"market": own.name, "status": "Vacant"})
		or factories.stall(own.name, 180_000).name
	)
	frappe.db.commit()
	print(
		json.dumps(
			{
				"user": manager,
				"password": PASSWORD,
				"market": own.name,
				"foreign_trader": foreign,
				"foreign_trader_name": frappe.db.get_value("Trader", foreign, "trader_name"),
				"invoice": invoice,
				"free_stall": free_stall,
			}
		)
	)


def _market(code: str, name: str):
	if frappe.db.exists("Market", code):
		return frappe.get_doc("Market", code)
	return factories.market(market_code=code, market_name=name)


def _board_manager(market) -> str:
	email = f"bqlc.{market.name.lower()}@cho40.test"
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": "Trưởng ban",
				"last_name": market.name,
				"language": "vi",
				"send_welcome_email": 0,
				"new_password": PASSWORD,
			}
		).insert(ignore_permissions=True)
	if not any(member.user == email for member in market.board_members):
		market.append("board_members", {"user": email, "board_role": "Market Board Manager"})
		market.save(ignore_permissions=True)
	return email


def _trader(market: str, name: str, charge: int | None = None) -> str:
	existing = frappe.db.get_value("Trader", {"market": market, "trader_name": name})
	if existing:
		return existing
	stalls = [factories.stall(market, charge).name] if charge else []
	return factories.trader(market, stalls=stalls, trader_name=name).name

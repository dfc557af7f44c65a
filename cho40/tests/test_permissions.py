"""Market isolation, checked through Frappe's permission API and over real REST requests."""

import json

import frappe
from frappe.tests.test_api import make_request
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_test_client

from cho40.billing.run import execute
from cho40.tests import factories


def api_user(email: str) -> dict:
	user = frappe.get_doc("User", email)
	user.api_key = frappe.generate_hash(length=15)
	secret = frappe.generate_hash(length=15)
	user.api_secret = secret
	user.save(ignore_permissions=True)
	return {"Authorization": f"token {user.api_key}:{secret}"}


class TestMarketIsolation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.own = factories.market()
		cls.other = factories.market()
		cls.own_trader = factories.trader(cls.own.name, stalls=[factories.stall(cls.own.name, 100_000).name])
		cls.other_trader = factories.trader(
			cls.other.name, stalls=[factories.stall(cls.other.name, 100_000).name]
		)
		for market in (cls.own, cls.other):
			execute(factories.billing_run(market.name).name)

		cls.board_user = factories.user("board")
		cls.own.append("board_members", {"user": cls.board_user, "board_role": "Market Board Manager"})
		cls.own.save(ignore_permissions=True)
		cls.department_user = factories.user("dept", roles=["Department Staff"])
		cls.trader_user = factories.user("trader")
		cls.own_trader.user = cls.trader_user
		cls.own_trader.save(ignore_permissions=True)
		cls.neighbour = factories.trader(cls.own.name)
		cls.headers = {
			"board": api_user(cls.board_user),
			"department": api_user(cls.department_user),
			"trader": api_user(cls.trader_user),
		}
		frappe.db.commit()
		cls.client = get_test_client()

	def request(self, who: str, method: str, path: str, **kwargs):
		target = getattr(self.client, method)
		return make_request(target=target, args=(path,), kwargs={"headers": self.headers[who], **kwargs})

	def listed(self, who: str, doctype: str, fields: list[str]) -> list[dict]:
		query = f"fields={json.dumps(fields)}&limit_page_length=0"
		response = self.request(who, "get", f"/api/resource/{doctype}?{query}")
		self.assertEqual(response.status_code, 200, response.text)
		return response.json["data"]

	def test_board_member_gets_the_market_role_and_permission(self):
		self.assertIn("Market Board Manager", frappe.get_roles(self.board_user))
		self.assertTrue(frappe.has_permission("Trader", doc=self.own_trader.name, user=self.board_user))
		self.assertFalse(frappe.has_permission("Trader", doc=self.other_trader.name, user=self.board_user))

	def test_board_reads_its_own_trader_over_rest(self):
		response = self.request("board", "get", f"/api/resource/Trader/{self.own_trader.name}")
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.json["data"]["market"], self.own.name)

	def test_board_cannot_read_or_change_another_markets_trader_over_rest(self):
		self.assertEqual(
			self.request("board", "get", f"/api/resource/Trader/{self.other_trader.name}").status_code, 403
		)
		response = self.request(
			"board", "put", f"/api/resource/Trader/{self.other_trader.name}", json={"trader_name": "Đổi tên"}
		)
		self.assertEqual(response.status_code, 403)
		self.assertNotEqual(frappe.db.get_value("Trader", self.other_trader.name, "trader_name"), "Đổi tên")

	def test_board_lists_only_its_own_market(self):
		for doctype in ("Trader", "Market Stall", "Billing Run", "Sales Invoice"):
			rows = self.listed("board", doctype, ["name", "market"])
			self.assertTrue(rows, doctype)
			self.assertEqual({row["market"] for row in rows}, {self.own.name}, doctype)
		markets = self.listed("board", "Market", ["name"])
		self.assertEqual([row["name"] for row in markets], [self.own.name])

	def test_board_cannot_create_a_trader_in_another_market(self):
		response = self.request(
			"board",
			"post",
			"/api/resource/Trader",
			json={"trader_name": "Người lạ", "market": self.other.name, "citizen_id": factories.citizen_id()},
		)
		self.assertEqual(response.status_code, 403)

	def test_department_staff_see_every_market(self):
		markets = {row["market"] for row in self.listed("department", "Trader", ["name", "market"])}
		self.assertTrue({self.own.name, self.other.name} <= markets)

	def test_trader_sees_only_themself_and_their_invoices(self):
		rows = self.listed("trader", "Trader", ["name"])
		self.assertEqual([row["name"] for row in rows], [self.own_trader.name])
		self.assertEqual(
			self.request("trader", "get", f"/api/resource/Trader/{self.neighbour.name}").status_code, 403
		)
		invoices = self.listed("trader", "Sales Invoice", ["name", "cho40_trader"])
		self.assertEqual({row["cho40_trader"] for row in invoices}, {self.own_trader.name})

	def test_removing_a_board_member_revokes_access(self):
		market = factories.market()
		user = factories.user("gone")
		market.append("board_members", {"user": user, "board_role": "Market Board Staff"})
		market.save(ignore_permissions=True)
		self.assertTrue(frappe.has_permission("Market", doc=market.name, user=user))
		market.board_members = []
		market.save(ignore_permissions=True)
		self.assertFalse(
			frappe.db.exists("User Permission", {"user": user, "allow": "Market", "for_value": market.name})
		)
		self.assertNotIn("Market Board Staff", frappe.get_roles(user))
		self.assertFalse(frappe.has_permission("Market", doc=market.name, user=user))

	def test_only_the_department_appoints_board_members(self):
		intruder = factories.user("intruder")
		market = frappe.get_doc("Market", self.own.name)
		frappe.set_user(self.board_user)
		try:
			market.append("board_members", {"user": intruder, "board_role": "Market Board Manager"})
			market.save()
		finally:
			frappe.set_user("Administrator")
		saved = [member.user for member in frappe.get_doc("Market", self.own.name).board_members]
		self.assertIn(self.board_user, saved)
		self.assertNotIn(intruder, saved)
		self.assertFalse(frappe.db.exists("User Permission", {"user": intruder, "allow": "Market"}))

	def test_child_rows_and_bank_records_of_other_markets_stay_hidden(self):
		for doctype in ("Trader Bank Account", "Trader Stall"):
			response = self.request(
				"board",
				"get",
				f'/api/method/frappe.client.get_list?doctype={doctype}&parent=Trader&fields=["parent"]&limit_page_length=0',
			)
			self.assertEqual(response.status_code, 200, response.text)
			parents = {row["parent"] for row in response.json["message"]}
			self.assertIn(self.own_trader.name, parents, doctype)
			self.assertNotIn(self.other_trader.name, parents, doctype)
		other_market_accounts = {self.other.collection_bank_account} - {self.own.collection_bank_account}
		accountant = factories.user("books")
		market = frappe.get_doc("Market", self.own.name)
		market.append("board_members", {"user": accountant, "board_role": "Market Accountant"})
		market.save(ignore_permissions=True)
		frappe.set_user(accountant)
		try:
			visible_accounts = set(frappe.get_list("Bank Account", pluck="name"))
			statements = frappe.get_list("Market Bank Statement", fields=["bank_account"])
		finally:
			frappe.set_user("Administrator")
		self.assertFalse(visible_accounts & other_market_accounts)
		self.assertTrue({row.bank_account for row in statements} <= {self.own.collection_bank_account})

	def test_board_manager_cannot_change_department_fields_or_portal_users(self):
		other_user = factories.user("victim", roles=["Department Staff"])
		market = frappe.get_doc("Market", self.own.name)
		trader = frappe.get_doc("Trader", self.neighbour.name)
		frappe.set_user(self.board_user)
		try:
			market.is_pilot = 0 if market.is_pilot else 1
			market.is_active = 0
			market.save()
			trader.user = other_user
			trader.save()
		finally:
			frappe.set_user("Administrator")
		saved = frappe.db.get_value("Market", self.own.name, ["is_active", "is_pilot"], as_dict=True)
		self.assertEqual((saved.is_active, saved.is_pilot), (self.own.is_active, self.own.is_pilot))
		self.assertFalse(frappe.db.get_value("Trader", self.neighbour.name, "user"))
		self.assertNotIn("Trader", frappe.get_roles(other_user))

	def test_demotion_takes_the_old_role_away(self):
		market = factories.market()
		user = factories.user("demoted")
		market.append("board_members", {"user": user, "board_role": "Market Board Manager"})
		market.save(ignore_permissions=True)
		market.board_members[0].board_role = "Market Board Staff"
		market.save(ignore_permissions=True)
		roles = frappe.get_roles(user)
		self.assertIn("Market Board Staff", roles)
		self.assertNotIn("Market Board Manager", roles)

	def test_board_role_without_a_market_sees_nothing(self):
		# A user with no User Permission is unrestricted in Frappe; cho40 must not let that leak.
		user = factories.user("nomarket", roles=["Market Board Manager"])
		frappe.db.commit()
		headers = api_user(user)
		frappe.db.commit()
		response = make_request(
			target=self.client.get,
			args=("/api/resource/Trader?limit_page_length=0",),
			kwargs={"headers": headers},
		)
		self.assertEqual(response.status_code, 200)
		self.assertEqual(response.json["data"], [])
		self.assertFalse(frappe.has_permission("Trader", doc=self.own_trader.name, user=user))

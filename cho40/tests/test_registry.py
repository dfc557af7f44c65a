import frappe
from frappe.tests.utils import FrappeTestCase

from cho40.tests import factories


class TestInstall(FrappeTestCase):
	def test_roles_dimension_and_custom_fields_exist(self):
		for role in (
			"Department Staff",
			"Market Board Manager",
			"Market Board Staff",
			"Market Accountant",
			"Trader",
			"Digital Team Member",
		):
			self.assertTrue(frappe.db.exists("Role", role), role)
		self.assertTrue(frappe.db.exists("Accounting Dimension", {"document_type": "Market"}))
		for doctype in ("Sales Invoice", "Sales Invoice Item", "GL Entry", "Payment Entry"):
			self.assertTrue(frappe.get_meta(doctype).has_field("market"), doctype)
		self.assertTrue(frappe.get_meta("Sales Invoice").has_field("cho40_payment_code"))

	def test_banks_carry_napas_bins(self):
		self.assertEqual(frappe.db.get_value("Bank", {"cho40_bin": "970436"}, "cho40_short_code"), "VCB")
		self.assertEqual(frappe.db.get_value("Bank", {"cho40_bin": "970405"}), "Agribank")

	def test_administrative_units_keep_former_units(self):
		ward = frappe.get_doc("Administrative Unit", "01840")
		self.assertEqual(ward.unit_name, "Phường Đức Xuân")
		self.assertEqual(ward.parent_administrative_unit, "19")
		former = {row.former_code: row for row in ward.former_units}
		# From the official table: Nguyễn Thị Minh Khai (01834) merged into Đức Xuân.
		self.assertEqual(former["01834"].former_name, "Phường Nguyễn Thị Minh Khai")
		self.assertEqual(former["01834"].former_district, "Thành phố Bắc Kạn")
		self.assertEqual(former["01834"].former_province, "Tỉnh Bắc Kạn")
		# 37 communes/wards were formed from the 108 of former Bắc Kạn (Resolution 202/2025/QH15).
		from_bac_kan = frappe.db.sql(
			"""select count(distinct parent) from `tabAdministrative Unit Former Unit`
			where former_province_code = '06'"""
		)[0][0]
		self.assertEqual(from_bac_kan, 37)


class TestMarket(FrappeTestCase):
	def test_class_follows_decree_60_unless_overridden(self):
		# Decree 60/2024: class 1 > 400 points (permanent), class 2 200–400, class 3 < 200 or not permanent.
		for points, permanent, expected in (
			(401, 1, "1"),
			(400, 1, "2"),
			(200, 1, "2"),
			(199, 1, "3"),
			(500, 0, "3"),
		):
			market = factories.market(business_points=points, permanent_building=permanent)
			self.assertEqual(market.market_class, expected, (points, permanent))
		overridden = factories.market(
			business_points=50, permanent_building=1, override_class=1, market_class="1"
		)
		self.assertEqual(overridden.market_class, "1")

	def test_code_is_normalised(self):
		market = factories.market(market_code=" tm dx " + frappe.generate_hash(length=4))
		self.assertEqual(market.name, market.market_code)
		self.assertNotIn(" ", market.name)
		self.assertEqual(market.name, market.name.upper())


class TestTraderValidation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.market = factories.market().name
		frappe.local.lang = "vi"

	@classmethod
	def tearDownClass(cls):
		frappe.local.lang = "en"
		super().tearDownClass()

	def assert_rejected(self, words: tuple[str, ...], **values):
		before = frappe.db.count("Trader")
		with self.assertRaises(frappe.ValidationError) as caught:
			factories.trader(self.market, **values)
		message = str(caught.exception)
		for word in words:
			self.assertIn(word.lower(), message.lower())
		self.assertEqual(frappe.db.count("Trader"), before)
		return message

	def test_invalid_citizen_id_is_rejected_in_vietnamese(self):
		self.assert_rejected(("CCCD", "12345"), citizen_id="12345")
		# 999 is no province-of-birth code.
		self.assert_rejected(("CCCD", "999175012345"), citizen_id="999175012345")

	def test_invalid_mobile_is_rejected_in_vietnamese(self):
		# 024… is a Hà Nội landline, not a mobile number.
		self.assert_rejected(("điện thoại", "02438251234"), mobile_no="02438251234")

	def test_invalid_tax_code_is_rejected_in_vietnamese(self):
		# 0100112437 is Vietcombank's real tax code; changing the check digit breaks it.
		self.assert_rejected(("mã số thuế", "0100112438"), tax_code="0100112438")

	def test_invalid_bank_account_is_rejected_in_vietnamese(self):
		bank = frappe.db.get_value("Bank", {"cho40_bin": "970405"})
		self.assert_rejected(
			("số tài khoản", "12#4"), bank_accounts=[{"bank": bank, "account_number": "12#4"}]
		)

	def test_valid_values_are_normalised(self):
		trader = factories.trader(self.market, mobile_no="+84 912 345 678", tax_code="0100112437")
		self.assertEqual(trader.mobile_no, "0912345678")
		self.assertEqual(trader.tax_code, "0100112437")
		self.assertTrue(trader.qr_ready)


class TestTraderCustomer(FrappeTestCase):
	def test_customer_created_and_kept_in_sync(self):
		market = factories.market().name
		stall = factories.stall(market, 200_000).name
		trader = factories.trader(market, stalls=[stall], tax_code="0100109106")
		customer = frappe.get_doc("Customer", trader.customer)
		self.assertEqual(customer.customer_name, "Nguyễn Thị Hoa")
		self.assertEqual(customer.tax_id, "0100109106")
		self.assertEqual(customer.cho40_market, market)
		self.assertEqual(
			frappe.db.get_value("Market Stall", stall, ["current_trader", "status"]),
			(trader.name, "Occupied"),
		)

		trader.trader_name = "Nguyễn  Thị   Hoà"
		trader.save()
		self.assertEqual(frappe.db.get_value("Customer", trader.customer, "customer_name"), "Nguyễn Thị Hoà")

	def test_stall_of_another_market_or_trader_is_refused(self):
		market = factories.market().name
		other_market = factories.market().name
		foreign = factories.stall(other_market, 100_000).name
		with self.assertRaises(frappe.ValidationError):
			factories.trader(market, stalls=[foreign])
		taken = factories.stall(market, 100_000).name
		factories.trader(market, stalls=[taken])
		with self.assertRaises(frappe.ValidationError):
			factories.trader(market, stalls=[taken])


class TestStallRentals(FrappeTestCase):
	def test_a_stall_is_rented_once_per_period(self):
		market = factories.market().name
		stall = factories.stall(market, 100_000).name
		with self.assertRaises(frappe.ValidationError):
			factories.trader(market, stalls=[stall, stall])
		factories.trader(market, stalls=[stall])
		with self.assertRaises(frappe.ValidationError):  # overlapping, although it has an end date
			frappe.get_doc(
				{
					"doctype": "Trader",
					"trader_name": "Trần Văn Bình",
					"market": market,
					"stalls": [{"stall": stall, "from_date": "2025-06-01", "to_date": "2025-12-31"}],
				}
			).insert(ignore_permissions=True)

	def test_rows_with_an_end_date_save_again(self):
		market = factories.market().name
		trader = factories.trader(market, stalls=[])
		trader.append(
			"stalls",
			{
				"stall": factories.stall(market, 100_000).name,
				"from_date": "2025-01-01",
				"to_date": "2025-03-31",
			},
		)
		trader.save()
		frappe.get_doc("Trader", trader.name).save()  # dates come back from the database as strings or dates
		self.assertEqual(len(frappe.get_doc("Trader", trader.name).stalls), 1)

	def test_negative_business_points_are_refused_in_vietnamese(self):
		frappe.local.lang = "vi"
		try:
			with self.assertRaises(frappe.ValidationError):
				factories.market(business_points=-5)
		finally:
			frappe.local.lang = "en"

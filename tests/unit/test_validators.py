import datetime
import unittest

from cho40 import validators
from cho40.validators import (
	MESSAGES,
	InvalidValue,
	bank_account_number,
	citizen_id,
	market_class,
	mobile_number,
	tax_code,
)

TODAY = datetime.date(2026, 11, 15)


class InvalidValueTest(unittest.TestCase):
	def test_attributes_and_text(self):
		with self.assertRaises(InvalidValue) as caught:
			citizen_id("12345")
		error = caught.exception
		self.assertIsInstance(error, ValueError)
		self.assertEqual(error.field, "citizen_id")
		self.assertEqual(error.value, "12345")
		self.assertEqual(error.message, "Citizen ID {0} must have exactly 12 digits")
		self.assertEqual(str(error), "Citizen ID 12345 must have exactly 12 digits")

	def test_every_message_is_an_english_template(self):
		for key, message in MESSAGES.items():
			with self.subTest(key=key):
				self.assertIn("{0}", message)
				self.assertTrue(message.isascii())


class CitizenIdTest(unittest.TestCase):
	def test_there_are_63_province_codes(self):
		self.assertEqual(len(validators.CITIZEN_ID_PROVINCE_CODES), 63)

	def test_valid(self):
		# 001 Hà Nội, digit 0 = male born 19xx, 99 -> 1999.
		self.assertEqual(citizen_id("001099012345", today=TODAY), "001099012345")
		# 079 Hồ Chí Minh City, digit 3 = female born 20xx, 03 -> 2003; spaces stripped.
		self.assertEqual(citizen_id("079 303 001 234", today=TODAY), "079303001234")
		# 096 Cà Mau, digit 8 = 18xx: 1899 is in the past, accepted.
		self.assertEqual(citizen_id("096899000001", today=TODAY), "096899000001")

	def test_typed_separators_are_removed(self):
		# 006 Bắc Kạn, digit 1 = female born 19xx, 75 -> 1975.
		for value in ["006.175.012.345", "006 175 012 345", "006-175-012-345", " 006.175-012 345 "]:
			with self.subTest(value=value):
				self.assertEqual(citizen_id(value, today=TODAY), "006175012345")

	def test_full_width_digits_are_normalised(self):
		self.assertEqual(citizen_id("００６１７５０１２３４５", today=TODAY), "006175012345")
		self.assertEqual(citizen_id("００６．１７５．０１２．３４５", today=TODAY), "006175012345")

	def test_other_scripts_digits_are_rejected(self):
		# Arabic-Indic and Devanagari digits are Unicode digits but not what the ID card shows.
		self.assert_invalid("٠٠٦١٧٥٠١٢٣٤٥", "citizen_id_format")
		self.assert_invalid("००६१७५०१२३४५", "citizen_id_format")

	def test_other_separators_are_rejected(self):
		self.assert_invalid("006/175/012/345", "citizen_id_format")
		self.assert_invalid("006,175,012,345", "citizen_id_format")

	def test_error_keeps_the_value_as_typed(self):
		with self.assertRaises(InvalidValue) as caught:
			citizen_id("003.099.012.345", today=TODAY)
		self.assertEqual(caught.exception.value, "003.099.012.345")
		self.assertEqual(caught.exception.message, MESSAGES["citizen_id_province"])

	def assert_invalid(self, value, key, today=TODAY):
		with self.assertRaises(InvalidValue) as caught:
			citizen_id(value, today=today)
		self.assertEqual(caught.exception.message, MESSAGES[key])
		self.assertEqual(caught.exception.field, "citizen_id")

	def test_length_and_digits(self):
		self.assert_invalid("00109901234", "citizen_id_format")
		self.assert_invalid("0010990123456", "citizen_id_format")
		self.assert_invalid("00109901234A", "citizen_id_format")
		self.assert_invalid("", "citizen_id_format")
		self.assert_invalid(None, "citizen_id_format")

	def test_province_code(self):
		# 003, 005, 000 and 097 are not among the 63 codes.
		for value in ["003099012345", "005099012345", "000099012345", "097099012345"]:
			self.assert_invalid(value, "citizen_id_province")

	def test_future_birth_year(self):
		# digit 2 = 20xx, 27 -> 2027 > 2026.
		self.assert_invalid("001227012345", "citizen_id_future")
		# digit 4 = 21xx.
		self.assert_invalid("001400012345", "citizen_id_future")
		# 2026 itself is not in the future.
		self.assertEqual(citizen_id("001226012345", today=TODAY), "001226012345")
		self.assert_invalid("001226012345", "citizen_id_future", today=datetime.date(2025, 12, 31))


class MobileNumberTest(unittest.TestCase):
	def test_accepted_forms(self):
		for value in [
			"0912 345 678",
			"+84 912345678",
			"84912345678",
			"(+84) 912.345.678",
			"+84 0912345678",
			"0912-345-678",
			"0084 912 345 678",
			"84-912-345-678",
			"0084-912-345-678",
			"(0084) 0912 345 678",
			"０９１２ ３４５ ６７８",
			"＋８４ ９１２ ３４５ ６７８",
		]:
			with self.subTest(value=value):
				self.assertEqual(mobile_number(value), "0912345678")

	def test_every_network_prefix(self):
		valid = [
			"032",
			"039",
			"052",
			"055",
			"056",
			"058",
			"059",
			"070",
			"076",
			"079",
			"081",
			"089",
			"090",
			"099",
		]
		for prefix in valid:
			with self.subTest(prefix=prefix):
				self.assertEqual(mobile_number(prefix + "1234567"), prefix + "1234567")

	def assert_invalid(self, value, key):
		with self.assertRaises(InvalidValue) as caught:
			mobile_number(value)
		self.assertEqual(caught.exception.message, MESSAGES[key], value)

	def test_other_countries_after_00(self):
		# 0044 is the UK and 001 North America: international, but not Vietnamese.
		for value in ["0044 20 7946 0958", "001 912 345 6789", "00 912 345 678"]:
			with self.subTest(value=value):
				self.assert_invalid(value, "mobile_format")

	def test_other_scripts_digits_are_rejected(self):
		self.assert_invalid("٠٩١٢٣٤٥٦٧٨", "mobile_format")

	def test_landlines(self):
		# Hà Nội 024 + 8 digits, Bắc Kạn 0209 + 7 digits.
		self.assert_invalid("024 3123 4567", "mobile_landline")
		self.assert_invalid("+84 24 3123 4567", "mobile_landline")
		self.assert_invalid("0209 387 0000", "mobile_landline")
		self.assert_invalid("0084 24 3123 4567", "mobile_landline")

	def test_unknown_prefixes(self):
		for value in ["0312345678", "0512345678", "0712345678", "0801234567", "0612345678", "0123456789"]:
			self.assert_invalid(value, "mobile_prefix")

	def test_bad_format(self):
		for value in ["", "abc", "09123456", "091234567890", "+1 912345678", "0912 345 67x"]:
			self.assert_invalid(value, "mobile_format")


class TaxCodeTest(unittest.TestCase):
	def test_published_enterprise_codes(self):
		# Check digits worked by hand in validators.tax_code_check_digit's docstring.
		for value in ["0100112437", "0100109106", "0101248141"]:
			with self.subTest(value=value):
				self.assertEqual(tax_code(value, today=TODAY), value)

	def test_full_width_digits_are_normalised(self):
		# Vietcombank's code typed in full-width digits; the check digit 7 is worked out below.
		self.assertEqual(tax_code("０１００１１２４３７", today=TODAY), "0100112437")
		self.assertEqual(tax_code("０１００１１２４３７－００１", today=TODAY), "0100112437-001")
		self.assertEqual(tax_code("００１０９９０１２３４５", today=TODAY), "001099012345")

	def test_other_scripts_digits_are_rejected(self):
		self.assert_invalid("٠١٠٠١١٢٤٣٧", "tax_code_format")
		self.assert_invalid("٠٠١٠٩٩٠١٢٣٤٥", "tax_code_format")

	def test_check_digit_by_hand(self):
		# 0,1,0,0,1,1,2,4,3 weighted 31,29,23,19,17,13,7,5,3 = 102; 102 mod 11 = 3; 10 - 3 = 7.
		self.assertEqual(validators.tax_code_check_digit("010011243"), 7)
		# All zeros: sum 0 -> 10 - 0 = 10, which no digit can be.
		self.assertIsNone(validators.tax_code_check_digit("000000000"))

	def assert_invalid(self, value, key, today=TODAY):
		with self.assertRaises(InvalidValue) as caught:
			tax_code(value, today=today)
		self.assertEqual(caught.exception.message, MESSAGES[key], value)
		self.assertEqual(caught.exception.field, "tax_code")

	def test_wrong_check_digit(self):
		self.assert_invalid("0100112438", "tax_code_check_digit")
		self.assert_invalid("0100109160", "tax_code_check_digit")
		self.assert_invalid("0000000000", "tax_code_check_digit")

	def test_branch_codes(self):
		self.assertEqual(tax_code("0100112437-001", today=TODAY), "0100112437-001")
		self.assertEqual(tax_code("0100112437001", today=TODAY), "0100112437-001")
		self.assertEqual(tax_code(" 0101248141 - 999 ", today=TODAY), "0101248141-999")
		self.assert_invalid("0100112437-000", "tax_code_branch")
		self.assert_invalid("0100112438-001", "tax_code_check_digit")

	def test_citizen_id_as_personal_tax_code(self):
		self.assertEqual(tax_code("001099012345", today=TODAY), "001099012345")
		self.assertEqual(tax_code("001099012345", today=datetime.date(2025, 7, 1)), "001099012345")
		self.assert_invalid("001099012345", "tax_code_personal_too_early", today=datetime.date(2025, 6, 30))
		self.assert_invalid("003099012345", "citizen_id_province")

	def test_bad_format(self):
		for value in ["", "010011243", "01001124370", "0100112437-01", "01001124370012", "MST0100112437"]:
			self.assert_invalid(value, "tax_code_format")


class BankAccountNumberTest(unittest.TestCase):
	def test_normalises(self):
		self.assertEqual(bank_account_number("0011 0098 76543"), "0011009876543")
		self.assertEqual(bank_account_number("1234.5678-90"), "1234567890")
		self.assertEqual(bank_account_number("CT1111"), "CT1111")
		self.assertEqual(bank_account_number("vqr-0012345"), "VQR0012345")
		self.assertEqual(bank_account_number("0" * 19), "0" * 19)
		self.assertEqual(bank_account_number("１２３４ ５６７８ ９０"), "1234567890")
		self.assertEqual(bank_account_number("ｖｑｒ－００１２３４５"), "VQR0012345")

	def test_rejects(self):
		for value in ["", "12345", "1" * 20, "0011_009876", "0011/0098", "tài khoản 1", "١٢٣٤٥٦٧٨٩٠"]:
			with self.subTest(value=value):
				with self.assertRaises(InvalidValue) as caught:
					bank_account_number(value)
				self.assertEqual(caught.exception.message, MESSAGES["bank_account_format"])


class MarketClassTest(unittest.TestCase):
	def test_classes(self):
		cases = [
			(401, True, 1),
			(1200, True, 1),
			(400, True, 2),
			(200, True, 2),
			(199, True, 3),
			(0, True, 3),
			(401, False, 3),
			(300, False, 3),
			(50, False, 3),
		]
		for points, permanent, expected in cases:
			with self.subTest(points=points, permanent=permanent):
				self.assertEqual(market_class(points, permanent), expected)

	def test_rejects_non_counts(self):
		for points in [-1, 3.5, "300", None, True]:
			with self.subTest(points=points):
				with self.assertRaises(InvalidValue) as caught:
					market_class(points, True)
				self.assertEqual(caught.exception.field, "business_points")


if __name__ == "__main__":
	unittest.main()

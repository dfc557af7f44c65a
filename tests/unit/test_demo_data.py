"""Tests for cho40.demo_data (pure Python, no Frappe)."""

import json
import random
import re
import tempfile
import unittest
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook

from cho40 import demo_data

SHIPPED_BANKS = Path(__file__).resolve().parents[2] / "cho40" / "data" / "banks.json"
PURPOSE = "Thanh toán tiền thuê ki-ốt tháng 07/2025 HĐ BK-DUCXUAN-A1-03 số 0012345678901"
ACCOUNT_LENGTHS = {  # BIN -> allowed lengths (LPBank's is unverified)
	"970405": {13},
	"970418": {12, 13, 14},
	"970415": {12},
	"970436": {10, 11, 12, 13},
	"970422": {9, 10, 11, 12, 13},
	"970449": {12},
}
LAYOUT_HEADERS = {  # bank -> (credit header, description header)
	"Vietcombank": ("Số tiền ghi có/\nCredit", "Nội dung chi tiết/\nTransactions in detail"),
	"VietinBank": ("Có / Credit", "Mô tả giao dịch/ Transaction description"),
	"MB Bank": ("PHÁT SINH CÓ", "NỘI DUNG"),
}


def sample_bundle(seed: int) -> list:
	rng = random.Random(seed)
	return [
		[demo_data.vietnamese_person_name(rng) for _ in range(20)],
		[demo_data.citizen_id(rng, 1960 + index) for index in range(20)],
		[demo_data.mobile_number(rng) for _ in range(20)],
		[demo_data.bank_account(rng) for _ in range(20)],
		[demo_data.goods_category(rng) for _ in range(20)],
		demo_data.stall_layout(rng, 30),
		[demo_data.mangle_description(rng, PURPOSE, bank) for bank in ("VCB", "BIDV", "MB Bank") * 5],
	]


def squeeze(text: str) -> str:
	return re.sub(r"\s", "", text).casefold()


def statement_rows(rng: random.Random, bank: str, count: int = 8) -> list[dict]:
	moment, rows = datetime(2025, 8, 1, 7, 0), []
	for index in range(count):
		moment += timedelta(hours=rng.randint(1, 20), seconds=rng.randint(0, 3599))
		credit = 0 if index == 3 else rng.choice((95_000, 432_000, 1_250_000))
		rows.append(
			{
				"date": moment,
				"description": demo_data.mangle_description(rng, f"Thu phi cho HD {index:05d}", bank, moment),
				"credit": credit,
				"debit": 0 if credit else 55_000,
				"reference": demo_data.statement_reference(rng, bank, moment),
			}
		)
	return rows


def find_header(sheet, marker: str) -> tuple[int, list]:
	for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
		if marker in values:
			return number, list(values)
	raise AssertionError(f"header {marker!r} not found")


class TestDeterminism(unittest.TestCase):
	def test_same_seed_gives_same_data(self):
		self.assertEqual(sample_bundle(42), sample_bundle(42))

	def test_other_seed_gives_other_data(self):
		self.assertNotEqual(sample_bundle(42), sample_bundle(43))


class TestPeople(unittest.TestCase):
	def test_names_have_family_middle_and_given_name(self):
		rng = random.Random(1)
		for _ in range(200):
			parts = demo_data.vietnamese_person_name(rng).split()
			self.assertIn(len(parts), (3, 4))
			self.assertIn(parts[0], demo_data.FAMILY_NAMES)

	def test_female_names_use_female_given_names(self):
		rng = random.Random(2)
		for _ in range(100):
			name = demo_data.vietnamese_person_name(rng, female=True)
			self.assertIn(name.split()[-1], demo_data.FEMALE_GIVEN_NAMES)

	def test_citizen_ids_are_valid(self):
		rng = random.Random(3)
		for _ in range(500):
			birth_year = rng.randint(1930, 2010)
			female = rng.random() < 0.5
			number = demo_data.citizen_id(rng, birth_year, female=female)
			self.assertRegex(number, r"^\d{12}$")
			self.assertIn(number[:3], demo_data.CCCD_PROVINCE_CODES)
			self.assertEqual(int(number[3]), demo_data.century_gender_digit(birth_year, female))
			self.assertEqual(number[4:6], f"{birth_year % 100:02d}")

	def test_citizen_id_gender_century_digit(self):
		rng = random.Random(4)
		self.assertEqual(demo_data.citizen_id(rng, 1985, female=False)[3], "0")
		self.assertEqual(demo_data.citizen_id(rng, 1985, female=True)[3], "1")
		self.assertEqual(demo_data.citizen_id(rng, 2003, female=False)[3], "2")
		self.assertEqual(demo_data.citizen_id(rng, 2003, female=True)[3], "3")
		with self.assertRaises(ValueError):
			demo_data.citizen_id(rng, 1899)

	def test_citizen_ids_mostly_from_bac_kan_or_thai_nguyen(self):
		rng = random.Random(5)
		codes = [demo_data.citizen_id(rng, 1980)[:3] for _ in range(1000)]
		local = sum(1 for code in codes if code in ("006", "019"))
		self.assertGreater(local, 750)

	def test_mobile_numbers_use_known_prefixes(self):
		rng = random.Random(6)
		prefixes = {prefix for group in demo_data.MOBILE_PREFIXES.values() for prefix in group}
		for _ in range(500):
			number = demo_data.mobile_number(rng)
			self.assertRegex(number, r"^0\d{9}$")
			self.assertRegex(number, demo_data.MOBILE_NUMBER_PATTERN)
			self.assertIn(number[:3], prefixes)


class TestBankAccounts(unittest.TestCase):
	def test_area_banks_match_shipped_bank_list(self):
		shipped = {
			bank["bin"]: bank["short"] for bank in json.loads(SHIPPED_BANKS.read_text(encoding="utf-8"))
		}
		for bank in demo_data.AREA_BANKS:
			self.assertEqual(shipped.get(bank.bin), bank.short)

	def test_account_numbers_have_bank_lengths(self):
		rng = random.Random(7)
		for _ in range(500):
			bin_, account = demo_data.bank_account(rng)
			self.assertIsInstance(account, str)
			self.assertTrue(account.isdigit())
			self.assertIn(len(account), ACCOUNT_LENGTHS[bin_])


class TestGoodsAndStalls(unittest.TestCase):
	def test_goods_category_is_a_known_key(self):
		rng = random.Random(8)
		self.assertTrue(all(demo_data.goods_category(rng) in demo_data.GOODS_CATEGORIES for _ in range(100)))

	def test_stall_layout_shape(self):
		stalls = demo_data.stall_layout(random.Random(9), 120)
		self.assertEqual(len(stalls), 120)
		self.assertEqual(len({stall["code"] for stall in stalls}), 120)
		for stall in stalls:
			self.assertIn(stall["stall_type"], ["Kiosk", "Fixed Stall", "Lot", "Itinerant Spot"])
			self.assertTrue(stall["code"].startswith(f"{stall['zone']}{stall['row']}-"))
			self.assertEqual(stall["monthly_charge"] % 1000, 0)
			expected = demo_data.monthly_charge(stall["stall_type"], stall["area_m2"], stall["open_sides"])
			self.assertEqual(stall["monthly_charge"], expected)

	def test_kiosk_rates_stay_in_the_published_range(self):
		for stall in demo_data.stall_layout(random.Random(10), 300):
			if stall["stall_type"] == "Kiosk":
				rate = stall["monthly_charge"] / stall["area_m2"]
				self.assertTrue(36_000 - 1000 <= rate <= 45_000 + 1000, stall)

	def test_monthly_charge_rounds_half_up_to_thousands(self):
		self.assertEqual(demo_data.monthly_charge("Fixed Stall", 3.5, 2), 95_000)  # 94,500
		self.assertEqual(demo_data.monthly_charge("Kiosk", 12.0, 1), 432_000)


class TestMangleDescription(unittest.TestCase):
	def test_purpose_characters_are_never_lost(self):
		wanted = squeeze(demo_data.fold_to_ascii(PURPOSE))
		for seed in range(300):
			for bank in ("Vietcombank", "VietinBank", "BIDV", "MB Bank", "Agribank", "LPBank"):
				text = demo_data.mangle_description(random.Random(seed), PURPOSE, bank)
				self.assertIn(wanted, squeeze(text), text)
				self.assertTrue(text.isascii(), text)

	def test_real_patterns_appear(self):
		texts = {bank: self.mangled(bank) for bank in ("VCB", "VietinBank", "BIDV", "MB Bank")}
		everything = " ".join(" ".join(items) for items in texts.values())
		for marker in ("MBVCB.", "IBFT ", "; thoi gian GD:", "-CRE-002", "Ma giao dich/ Trace"):
			self.assertIn(marker, everything)
		self.assertTrue(any(re.search(r" FT\d{14}", text) for text in texts["VCB"]))
		self.assertTrue(any(re.search(r"-\d{6}-\d\d:\d\d:\d\d \d{6}", text) for text in texts["VCB"]))
		self.assertTrue(any(text.startswith("CT nhanh 247 den: ") for text in texts["VietinBank"]))
		self.assertTrue(any(" TKThe :" in text for text in texts["BIDV"]))

	def test_mb_inserts_spaces_every_35_characters(self):
		for text in self.mangled("MB Bank"):
			self.assertTrue(all(len(word) <= 36 for word in text.split(" ")), text)

	def test_uses_the_given_time(self):
		moment = datetime(2025, 9, 14, 8, 5, 9)
		texts = [
			demo_data.mangle_description(random.Random(seed), "abc", "VietinBank", moment)
			for seed in range(60)
		]
		self.assertIn("abc; thoi gian GD:14/09/2025 08:05:09", texts)

	def mangled(self, bank: str) -> list[str]:
		return [demo_data.mangle_description(random.Random(seed), PURPOSE, bank) for seed in range(200)]


class TestStatementXlsx(unittest.TestCase):
	def test_statement_has_header_and_rows(self):
		for bank, headers in LAYOUT_HEADERS.items():
			with self.subTest(bank=bank), tempfile.TemporaryDirectory() as folder:
				rows = statement_rows(random.Random(11), bank)
				path = demo_data.write_statement_xlsx(Path(folder) / "s.xlsx", rows, "0011001234567", bank)
				self.check_statement(load_workbook(path).active, headers, rows)

	def check_statement(self, sheet, headers: tuple[str, str], rows: list[dict]) -> None:
		credit_header, description_header = headers
		header_row, header = find_header(sheet, credit_header)
		data = list(sheet.iter_rows(min_row=header_row + 1, max_row=header_row + len(rows), values_only=True))
		descriptions = {values[header.index(description_header)] for values in data}
		self.assertEqual(descriptions, {row["description"] for row in rows})
		credits = {values[header.index(credit_header)] for values in data} - {None, "", "0"}
		self.assertEqual(credits, {f"{row['credit']:,}" for row in rows if row["credit"]})
		self.assertTrue(all(isinstance(value, str) for value in credits))

	def test_vcb_layout_header_at_row_13_and_newest_first(self):
		rows = statement_rows(random.Random(12), "Vietcombank")
		with tempfile.TemporaryDirectory() as folder:
			path = demo_data.write_statement_xlsx(
				Path(folder) / "vcb.xlsx", rows, "1012345678", "Vietcombank"
			)
			sheet = load_workbook(path).active
		header_row, _ = find_header(sheet, "Số tiền ghi có/\nCredit")
		self.assertEqual(header_row, 13)
		newest = max(rows, key=lambda row: row["date"])
		self.assertEqual(sheet["C14"].value, f"{newest['date']:%d/%m/%Y}\n{newest['reference']}")
		self.assertTrue(sheet.column_dimensions["A"].hidden)

	def test_mb_layout_dates_and_totals(self):
		rows = statement_rows(random.Random(13), "MB Bank")
		with tempfile.TemporaryDirectory() as folder:
			path = demo_data.write_statement_xlsx(Path(folder) / "mb.xlsx", rows, "0912345678", "MB Bank")
			sheet = load_workbook(path).active
		self.assertRegex(sheet["D8"].value, r"^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d$")
		total_row = 7 + len(rows) + 1
		self.assertEqual(sheet[f"G{total_row}"].value, "TỔNG TIỀN")
		self.assertEqual(sheet[f"I{total_row}"].value, f"{sum(row['credit'] for row in rows):,}")

	def test_unknown_bank_layout_is_refused(self):
		with tempfile.TemporaryDirectory() as folder, self.assertRaises(ValueError):
			demo_data.write_statement_xlsx(Path(folder) / "x.xlsx", [], "1", "Agribank")


if __name__ == "__main__":
	unittest.main()

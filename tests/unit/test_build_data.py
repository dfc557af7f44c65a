"""Tests for tools/build_data.py and the data files it ships in cho40/data (no Frappe).

These tests read the shared research folder; they fail (never skip) when it is missing.
"""

import importlib.util
import json
import re
import tempfile
import unittest
from pathlib import Path

from tests.unit.support import REPO_ROOT, SHARED_DATA

SHIPPED_DATA = REPO_ROOT / "cho40" / "data"
DATA_FILES = ("admin_units.json", "banks.json", "pilot_markets.json")


def load_builder():
	spec = importlib.util.spec_from_file_location("build_data", REPO_ROOT / "tools" / "build_data.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


class TestBuildData(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.builder = load_builder()
		cls.folder = tempfile.TemporaryDirectory()
		cls.out = Path(cls.folder.name) / "first"
		cls.counts = cls.builder.build(SHARED_DATA, cls.out) if SHARED_DATA.exists() else None

	@classmethod
	def tearDownClass(cls):
		cls.folder.cleanup()

	def setUp(self):
		self.assertTrue(SHARED_DATA.exists(), f"shared data folder missing: {SHARED_DATA.resolve()}")

	def built(self, file_name: str):
		return json.loads((self.out / file_name).read_text(encoding="utf-8"))

	def communes_by_code(self) -> dict:
		return {commune["code"]: commune for commune in self.built("admin_units.json")["communes"]}

	def test_shipped_files_equal_a_fresh_build(self):
		for file_name in DATA_FILES:
			with self.subTest(file=file_name):
				shipped = (SHIPPED_DATA / file_name).read_bytes()
				self.assertEqual(
					shipped, (self.out / file_name).read_bytes(), "run python3 tools/build_data.py"
				)

	def test_build_is_deterministic(self):
		second = Path(self.folder.name) / "second"
		self.builder.build(SHARED_DATA, second)
		for file_name in DATA_FILES:
			self.assertEqual((self.out / file_name).read_bytes(), (second / file_name).read_bytes())

	def test_province_and_former_provinces(self):
		document = self.built("admin_units.json")
		self.assertEqual(document["valid_from"], "2025-07-01")
		province = document["provinces"][0]
		self.assertEqual(
			(province["code"], province["name"], province["unit_type"]), ("19", "Tỉnh Thái Nguyên", "Tỉnh")
		)
		self.assertEqual(
			province["former"],
			[{"code": "06", "name": "Tỉnh Bắc Kạn"}, {"code": "19", "name": "Tỉnh Thái Nguyên"}],
		)

	def test_bac_kan_108_communes_became_37(self):
		# markets.md's claim checks out against the CSV: 108 former Bắc Kạn units -> 37 new units.
		communes = self.communes_by_code().values()
		from_bac_kan = [c for c in communes if any(u["province_code"] == "06" for u in c["former_units"])]
		former = {u["code"] for c in communes for u in c["former_units"] if u["province_code"] == "06"}
		self.assertEqual(len(from_bac_kan), 37)
		self.assertEqual(len(former), 108)
		self.assertEqual((self.counts["units_from_bac_kan"], self.counts["bac_kan_former_units"]), (37, 108))
		self.assertTrue(self.counts["markets_md_check"].startswith("OK"), self.counts["markets_md_check"])

	def test_duc_xuan_keeps_its_former_wards(self):
		commune = self.communes_by_code()["01840"]
		self.assertEqual((commune["name"], commune["unit_type"]), ("Phường Đức Xuân", "Phường"))
		former = {unit["name"]: unit for unit in commune["former_units"]}
		self.assertEqual(set(former), {"Phường Đức Xuân", "Phường Nguyễn Thị Minh Khai", "Phường Huyền Tụng"})
		self.assertEqual(former["Phường Nguyễn Thị Minh Khai"]["code"], "01834")
		self.assertEqual(former["Phường Đức Xuân"]["district"], "Thành phố Bắc Kạn")
		self.assertEqual(former["Phường Đức Xuân"]["district_code"], "058")
		self.assertEqual(former["Phường Đức Xuân"]["note"], "Nhập toàn bộ")

	def test_codes_are_zero_padded_strings_and_names_trimmed(self):
		for commune in self.communes_by_code().values():
			self.assertRegex(commune["code"], r"^\d{5}$")
			self.assertIn(commune["unit_type"], ("Phường", "Xã", "Đặc khu"))
			self.assertTrue(commune["name"].startswith(commune["unit_type"] + " "))
			for unit in commune["former_units"]:
				self.assertRegex(unit["code"], r"^\d{5}$")
				self.assertRegex(unit["district_code"], r"^\d{3}$")
				self.assertEqual(unit["name"], unit["name"].strip())

	def test_communes_sorted_and_unique(self):
		codes = [commune["code"] for commune in self.built("admin_units.json")["communes"]]
		self.assertEqual(codes, sorted(set(codes)))
		self.assertEqual((self.counts["communes"], self.counts["wards"]), (77, 15))

	def test_pilot_market_communes_exist(self):
		communes = self.communes_by_code()
		for market in self.built("pilot_markets.json"):
			if market["commune_code"] is not None:
				self.assertIn(market["commune_code"], communes, market["code"])
				self.assertEqual(market["commune_name"], communes[market["commune_code"]]["name"])

	def test_pilot_market_codes_and_missing_rows(self):
		markets = self.built("pilot_markets.json")
		codes = [market["code"] for market in markets]
		self.assertEqual(len(markets), 12)
		self.assertEqual(len(set(codes)), len(codes))
		self.assertTrue(all(re.fullmatch(r"BK-[A-Z0-9-]+", code) for code in codes), codes)
		self.assertIn("BK-DUCXUAN", codes)
		self.assertIn("BK-CITY-5", codes)
		missing = [market for market in markets if market["missing"]]
		self.assertEqual({market["code"] for market in missing}, {"BK-QUANGSON", "BK-CITY-5"})
		self.assertTrue(all(market["note"] and market["commune_code"] is None for market in missing))

	def test_banks_are_sorted_with_string_bins(self):
		banks = self.built("banks.json")
		self.assertEqual(
			[bank["short"].casefold() for bank in banks], sorted(bank["short"].casefold() for bank in banks)
		)
		by_bin = {bank["bin"]: bank for bank in banks}
		self.assertEqual(by_bin["970405"]["short"], "Agribank")
		self.assertEqual(by_bin["971025"]["kind"], "ewallet")
		self.assertTrue(all(re.fullmatch(r"\d{6}", bank["bin"]) for bank in banks))


if __name__ == "__main__":
	unittest.main()

import json
import random
import re
import unittest

from cho40 import payment_code
from cho40.payment_code import ALPHABET, compact, find_codes, is_valid_code, new_code, purpose_for
from tests.unit.support import SHARED_DATA

LAYOUTS_FILE = SHARED_DATA / "vn_bank_statement_layouts.json"

# Worked by hand in GF(32) = GF(2)[x]/(x^5+x^2+1), body weights 2, 4, 8, 16, 5, 10:
# 7=29 -> 2*29 = 31; K=9 -> 4*9 = 1; M=11 -> 8*11 = 18; 2=24 -> 16*24 = 25; Q=14 -> 5*14 = 19;
# P=13 -> 10*13 = 29; 31^1^18^25^19^29 = 27 = "5".
CODE = "CHO7KM2QP5"
# "BAAAAA": only B=1 at weight 2 -> 2 = "C"; "AAAAAB": 1 at weight 10 -> 10 = "L".
OTHER_CODE = "CHOBAAAAAC"


def load_layouts() -> dict:
	if not LAYOUTS_FILE.exists():
		raise AssertionError(f"Shared test data missing: {LAYOUTS_FILE}")
	return json.loads(LAYOUTS_FILE.read_text(encoding="utf-8"))


def render(style: str) -> str:
	"""The code as a payer or a bank may write it."""
	return {
		"plain": "CHO7KM2QP5",
		"spaced": "CHO 7KM2 QP5",
		"lower": "cho7km2qp5",
		"hyphen": "CHO-7KM2-QP5",
		"dotted": "CHO.7KM2.QP5",
	}[style]


def hard_wrap(text: str, width: int = 35) -> str:
	"""MB's core system inserts a space every ~35 characters, even inside numbers."""
	return " ".join(text[index : index + width] for index in range(0, len(text), width))


# (bank, list in sample_descriptions, index) -> (content part to replace, replacement, style, wrap)
# The replacement puts the purpose into the content part the way the sending app would; "{code}"
# is rendered per style. Every sample in the json must appear here (checked below).
EMBEDDINGS = {
	("VCB", "as_receiving_bank", 0): ("NGUYEN VAN AN chuyen tien.CT", "{code} T11.2026.CT", "plain", False),
	("VCB", "as_receiving_bank", 1): ("QUACH VAN TUAN chuyen tien.CT", "QUACH VAN TUAN chuyen tien {code}.CT", "lower", False),
	("VCB", "as_receiving_bank", 2): ("Ung ho dong bao bao lu MB", "{code} T11.2026", "spaced", False),
	("VCB", "as_receiving_bank", 3): ("ung ho khac phuc hau qua bao so 3", "{code} T11.2026", "plain", False),
	("VCB", "as_receiving_bank", 4): ("DO THU HANG chuyen tien", "{code} DO THU HANG chuyen tien", "hyphen", False),
	("VCB", "as_receiving_bank", 5): ("Mong moi dieu tot dep", "{code} T11.2026", "dotted", False),
	("VCB", "as_receiving_bank", 6): ("Quyen gop ung ho", "{code}", "lower", False),
	("VCB", "business_and_system", 0): ("vat tu Hoa Binh 0508 0608", "{code} T11.2026", "plain", False),
	("VCB", "business_and_system", 1): ("chuyen tien noi bo tu VCB63 sang VCB21", "{code}", "spaced", False),
	("VCB", "business_and_system", 2): ("chuyen tien noi bo tu TCB sang VCB63", "{code}", "plain", False),
	("VCB", "business_and_system", 3): ("FACEBK *73DRRVZD42", "{code}", "plain", False),
	("VCB", "business_and_system", 4): ("INTEREST PAYMENT", "INTEREST PAYMENT {code}", "lower", False),
	("VCB", "business_and_system", 5): ("THANG 07/2017.", "THANG 07/2017 {code}.", "hyphen", False),
	("VCB", "business_and_system", 6): ("GD:ZALOPAY", "GD:ZALOPAY {code}", "dotted", False),
	("VietinBank", "samples", 0): ("ung ho nguoi dan vung bao lu", "{code} T11.2026", "plain", False),
	("VietinBank", "samples", 1): ("cuu tro dong bao lu lut", "{code}", "spaced", False),
	("VietinBank", "samples", 2): ("mong dong bao vuot qua thien tai", "{code} T11.2026", "lower", False),
	("VietinBank", "samples", 3): ("chuyen tien ung ho dong bao sau bao yagi", "{code} T11.2026", "plain", False),
	("VietinBank", "samples", 4): ("Ung ho mua lu", "{code}", "hyphen", False),
	("VietinBank", "samples", 5): ("CHUYEN TIEN (CT1111)", "{code} (CT1111)", "plain", False),
	("VietinBank", "samples", 6): ("HOA DON SO 967", "HOA DON SO 967 {code}", "spaced", False),
	("VietinBank", "samples", 7): ("TT tien in", "TT {code} T11.2026", "lower", False),
	("VietinBank", "samples", 8): ("Tra lai tai khoan DDA", "Tra lai tai khoan DDA {code}", "plain", False),
	("VietinBank", "samples", 9): ("Service Fees", "Service Fees {code}", "dotted", False),
	("BIDV", "samples", 0): ("ung ho khac phuc bao Yagi", "{code} T11.2026", "lower", False),
	("BIDV", "samples", 1): ("VU QUANG MINH chuyen FT", "VU QUANG MINH {code} FT", "plain", False),
	("BIDV", "samples", 2): ("UNG HO BA CON LU LUT", "{code} T11.2026", "spaced", False),
	("BIDV", "samples", 3): ("Chuyen tien;", "{code};", "hyphen", False),
	("BIDV", "samples", 4): ("chuyen tien qua MoMo", "{code} T11.2026", "lower", False),
	("BIDV", "samples", 5): ("chuyen tien ung ho", "{code}", "plain", False),
	("Agribank", "samples", 0): ("chuyen tien ung ho dan vung lu", "{code} T11.2026", "dotted", False),
	("Agribank", "samples", 1): ("ung ho cac tinh bao lu.CT", "{code} T11.2026.CT", "plain", False),
	("Agribank", "samples", 2): ("Ung ho cac tinh bi bao lu", "{code} T11.2026", "spaced", False),
	("Agribank", "samples", 3): ("chuyen tien", "chuyen tien {code}", "lower", False),
	("MB", "samples", 0): ("tien hang HD2524611", "{code} T11.2026", "plain", True),
	("MB", "samples", 1): ("BG 6PCS LAN1 50PT", "{code}", "plain", True),
	("MB", "samples", 2): ("MST0101234567+C754+", "MST0101234567+C754+{code}+", "plain", True),
	("MB", "samples", 3): ("Thu goc khe uoc", "Thu goc khe uoc {code}", "lower", True),
	("MB", "samples", 4): ("eTTR 202505220134230535", "eTTR 202505220134230535 {code}", "plain", True),
	("Techcombank", "samples", 0): ("PAYABC123", "{code}", "plain", False),
	("Techcombank", "samples", 1): ("chuyen tien FT", "{code} T11.2026 FT", "spaced", False),
	("Techcombank", "samples", 2): ("Tra lai so du", "{code} Tra lai so du", "lower", False),
	("Techcombank", "samples", 3): ("T.TOAN QR", "T.TOAN QR {code}", "dotted", False),
	("ACB", "samples_as_sender_seen_at_other_banks", 0): ("chuyen khoan-", "{code} T11.2026-", "plain", False),
	("ACB", "samples_as_sender_seen_at_other_banks", 1): ("UNG HO BA CON BI LU LUT-", "{code}-", "hyphen", False),
	("ACB", "samples_as_sender_seen_at_other_banks", 2): ("HO TRO SAU BAO YAGI-", "{code} T11.2026-", "spaced", False),
	("TPBank", "samples_as_sender_seen_at_other_banks", 0): ("chuyen tien -CTLNHIDI", "{code} -CTLNHIDI", "lower", False),
	("TPBank", "samples_as_sender_seen_at_other_banks", 1): ("chuyen tien (by", "{code} T11.2026 (by", "plain", False),
}  # fmt: skip


def sample_descriptions(layouts: dict) -> dict[tuple[str, str, int], str]:
	samples = {}
	for bank, groups in layouts["sample_descriptions"].items():
		for group, values in groups.items():
			if group == "sources" or not isinstance(values, list):
				continue
			for index, text in enumerate(values):
				samples[bank, group, index] = text
	return samples


def embed(sample: str, spec: tuple) -> str:
	old, new, style, wrap = spec
	if old not in sample:
		raise AssertionError(f"{old!r} is not in sample {sample!r}")
	mangled = sample.replace(old, new.format(code=render(style)), 1)
	return hard_wrap(mangled) if wrap else mangled


class CheckCharacterTest(unittest.TestCase):
	def test_alphabet_has_32_unambiguous_characters(self):
		self.assertEqual(len(ALPHABET), 32)
		self.assertEqual(len(set(ALPHABET)), 32)
		for confusable in "0O1I":
			self.assertNotIn(confusable, ALPHABET)

	def test_hand_computed_codes_are_valid(self):
		self.assertTrue(is_valid_code(CODE))
		self.assertTrue(is_valid_code(OTHER_CODE))
		self.assertTrue(is_valid_code("CHOAAAAABL"))
		self.assertTrue(is_valid_code("CHOAAAAAAA"))

	def test_brief_example_with_other_check_char_is_invalid(self):
		self.assertFalse(is_valid_code("CHO7KM2QPX"))

	def test_rejects_malformed(self):
		for bad in [
			"",
			"CHO7KM2QP",
			"CHO7KM2QP55",
			"cho7km2qp5",
			"XHO7KM2QP5",
			"CHO7KM2QO5",
			"CHO 7KM2QP5",
			None,
			42,
		]:
			with self.subTest(bad=bad):
				self.assertFalse(is_valid_code(bad))

	def test_every_single_substitution_is_detected(self):
		codes = [CODE, OTHER_CODE, *(new_code(random.Random(seed)) for seed in range(20))]
		for code in codes:
			for position in range(3, 10):
				for replacement in ALPHABET:
					if replacement == code[position]:
						continue
					changed = code[:position] + replacement + code[position + 1 :]
					self.assertFalse(is_valid_code(changed), changed)

	def test_every_adjacent_transposition_is_detected(self):
		# The change a swap makes doesn't depend on the other characters, so trying every pair
		# of characters at every adjacent pair of positions (check char included) is exhaustive.
		for position in range(3, 9):
			for first in ALPHABET:
				for second in ALPHABET:
					if first == second:
						continue
					code = list(CODE)
					code[position], code[position + 1] = first, second
					body = "".join(code[3:9])
					valid = "CHO" + body + payment_code.check_char(body)
					if valid[position] == valid[position + 1]:
						continue  # the check char happened to equal its neighbour: nothing to swap
					swapped = list(valid)
					swapped[position], swapped[position + 1] = swapped[position + 1], swapped[position]
					self.assertFalse(is_valid_code("".join(swapped)), "".join(swapped))


class NewCodeTest(unittest.TestCase):
	def test_new_codes_are_valid_and_well_formed(self):
		rng = random.Random(40)
		codes = [new_code(rng) for _ in range(2000)]
		self.assertEqual(len(set(codes)), 2000)
		for code in codes:
			self.assertRegex(code, r"^CHO[A-HJ-NP-Z2-9]{7}$")
			self.assertTrue(is_valid_code(code))

	def test_default_rng_is_secrets(self):
		self.assertTrue(is_valid_code(new_code()))

	def test_seeded_rng_is_reproducible(self):
		self.assertEqual(new_code(random.Random(7)), new_code(random.Random(7)))


class CompactTest(unittest.TestCase):
	def test_compact(self):
		self.assertEqual(compact("Chợ Đồng Xuân, tháng 11/2026"), "CHODONGXUANTHANG112026")
		self.assertEqual(compact("đ-Đ.ă â ê ô ơ ư"), "DDAAEOOU")
		self.assertEqual(compact(" cho 7km2\nqp5 "), "CHO7KM2QP5")
		self.assertEqual(compact(""), "")


class FindCodesTest(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.samples = sample_descriptions(load_layouts())

	def test_every_sample_description_is_covered(self):
		self.assertEqual(len(self.samples), 48)
		self.assertEqual(set(self.samples), set(EMBEDDINGS))

	def test_samples_alone_contain_no_code(self):
		for key, sample in self.samples.items():
			with self.subTest(key=key):
				self.assertEqual(find_codes(sample), [])

	def test_code_survives_every_sample_wrapper(self):
		for key, sample in self.samples.items():
			mangled = embed(sample, EMBEDDINGS[key])
			with self.subTest(key=key, mangled=mangled):
				self.assertEqual(find_codes(mangled), [CODE])

	def test_mb_hard_wrap_can_split_the_code(self):
		mangled = embed(self.samples["MB", "samples", 2], EMBEDDINGS["MB", "samples", 2])
		self.assertNotIn(CODE, mangled)
		self.assertIn("CHO7KM2 QP5", mangled)
		self.assertEqual(find_codes(mangled), [CODE])

	def test_diacritics_and_word_cho_before_the_code(self):
		self.assertEqual(find_codes("Thanh toán tiền chợ CHỢ7KM2QP5 tháng 11"), [CODE])
		self.assertEqual(find_codes("chuyen tien cho CHO 7KM2QP5"), [CODE])
		self.assertEqual(find_codes("IBFTCHO7KM2QP5"), [CODE])
		self.assertEqual(find_codes("CT nhanh 247 den: NGUYEN VAN A chuyen tien cho me"), [])

	def test_several_codes_in_order_without_duplicates(self):
		text = f"{OTHER_CODE} va {CODE}; lan 2 {OTHER_CODE.lower()}"
		self.assertEqual(find_codes(text), [OTHER_CODE, CODE])

	def test_prefix_typed_with_digit_zero(self):
		# The body alphabet has no 0 or O, so "CH0" can only be the prefix typed with a zero.
		self.assertEqual(find_codes("CH07KM2QP5"), [CODE])
		self.assertEqual(find_codes("ch0 7km2-qp5"), [CODE])
		self.assertEqual(find_codes("IBFTCH07KM2QP5"), [CODE])
		self.assertEqual(find_codes("chuyen tien cho CH0.7KM2.QP5 T11"), [CODE])
		self.assertEqual(find_codes("CH0BAAAAAC va CHO7KM2QP5"), [OTHER_CODE, CODE])

	def test_zero_and_letter_prefix_give_one_code(self):
		self.assertEqual(find_codes("CH07KM2QP5 lan 2 CHO7KM2QP5"), [CODE])

	def test_zero_prefix_keeps_the_check(self):
		# Check char 4 instead of 5, and P/Q swapped: both fail the GF(32) check as with "CHO".
		self.assertEqual(find_codes("CH07KM2QP4"), [])
		self.assertEqual(find_codes("CH07KM2PQ5"), [])
		self.assertEqual(find_codes("CH07KM2QP"), [])

	def test_zero_is_accepted_only_in_the_prefix(self):
		# An O or 0 in the body is a different, invalid code, never silently read as something else.
		self.assertEqual(find_codes("CHO7KM20P5"), [])
		self.assertEqual(find_codes("CH07KMOQP5"), [])
		self.assertEqual(find_codes("C0O7KM2QP5"), [])

	def test_canonical_form_is_still_strict(self):
		# Only the search is lenient; a stored code must use the letter O.
		self.assertFalse(is_valid_code("CH07KM2QP5"))

	def test_zero_prefix_survives_every_sample_wrapper(self):
		for key, sample in self.samples.items():
			mangled = embed(sample, EMBEDDINGS[key])
			zeroed = re.sub(r"(?i)(ch)o(?=[ .\-]?7km2)", r"\g<1>0", mangled)
			with self.subTest(key=key, zeroed=zeroed):
				self.assertNotEqual(zeroed, mangled)
				self.assertEqual(find_codes(zeroed), [CODE])

	def test_cut_or_altered_code_is_not_found(self):
		self.assertEqual(find_codes("ND: CHO7KM2QP"), [])
		self.assertEqual(find_codes("ND: CHO7KM2PQ5"), [])
		self.assertEqual(find_codes(""), [])


class PurposeTest(unittest.TestCase):
	def test_purpose(self):
		self.assertEqual(purpose_for(CODE, "T11.2026"), "CHO7KM2QP5 T11.2026")

	def test_purpose_is_ascii_short_and_findable(self):
		purpose = purpose_for(CODE, "Tháng 11/2026 tiền điện chợ Đồng")
		self.assertEqual(purpose, "CHO7KM2QP5 Thang 11 2026")
		self.assertTrue(purpose.isascii())
		self.assertLessEqual(len(purpose), 25)
		self.assertEqual(find_codes(purpose), [CODE])

	def test_purpose_without_label(self):
		self.assertEqual(purpose_for(CODE, ""), CODE)

	def test_purpose_rejects_invalid_code(self):
		with self.assertRaises(ValueError):
			purpose_for("CHO7KM2QPX", "T11.2026")


if __name__ == "__main__":
	unittest.main()

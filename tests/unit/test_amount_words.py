"""Tests for cho40.amount_words against shared/data/amount_in_words_vi.json; no Frappe needed.

The json's examples come from several issuers and registers ("ngàn"/"lẻ"/"tỉ", with or without
"đồng", "chẵn"). They are brought to the module's variant (nghìn, linh, tư after mươi, tỷ) by
spelling alone before comparing, so every word of the reading is still checked.
"""

import subprocess
import unittest
from decimal import Decimal

from cho40.amount_words import amount_in_words, number_in_words
from tests.unit.support import load_shared_json, run_module

OTHER_VARIANT_SPELLINGS = {"ngàn": "nghìn", "lẻ": "linh", "tỉ": "tỷ"}

# Worked examples quoted inside the json's "rules" and "library_check_2026" text, as written
# there (alternatives allowed); the last few are read by hand with the same rules.
RULE_EXAMPLES = {
	5: "năm",
	10: "mười",
	11: "mười một",
	14: "mười bốn",
	15: "mười lăm",
	20: "hai mươi",
	21: "hai mươi mốt",
	24: "hai mươi tư",
	25: "hai mươi lăm",
	50: "năm mươi",
	90: "chín mươi",
	101: "một trăm linh một",
	105: "một trăm linh năm",
	305: "ba trăm lẻ năm",
	500: "năm trăm",
	1001: "một nghìn không trăm linh một",
	1010: "một nghìn không trăm mười",
	4065: "bốn nghìn không trăm sáu mươi lăm",
	1_005_000: "một triệu không trăm linh năm nghìn",
	1_200_000: "một triệu hai trăm nghìn",
	2_050_000: "hai triệu không trăm năm mươi nghìn",
	2_030_000_305: "hai tỉ không trăm ba mươi triệu ba trăm lẻ năm",
	# Hand-read: num2words drops "không trăm linh" here (its issue #69).
	145_001_000: "một trăm bốn mươi lăm triệu không trăm linh một nghìn",
	44: "bốn mươi tư",
	94: "chín mươi tư",
	104: "một trăm linh bốn",
	114: "một trăm mười bốn",
	1_000_010: "một triệu không trăm mười",
}

NINE_NINES = "chín trăm chín mươi chín"
BIG_NUMBERS = {
	10**9: "Một tỷ đồng",
	1_000_000_001: "Một tỷ không trăm linh một đồng",
	10**12: "Một nghìn tỷ đồng",
	10**15: "Một triệu tỷ đồng",
	10**18: "Một tỷ tỷ đồng",
	10**18 + 5: "Một tỷ tỷ không trăm linh năm đồng",
	5 * 10**18: "Năm tỷ tỷ đồng",
	# 2.000.005 tỷ: "tỷ" is said once, after the whole block.
	2_000_005_000_000_000: "Hai triệu không trăm linh năm tỷ đồng",
	1_234_567_890_123: "Một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu"
	" tám trăm chín mươi nghìn một trăm hai mươi ba đồng",
	10**18 - 1: "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
	f"{NINE_NINES} triệu {NINE_NINES} nghìn {NINE_NINES} đồng",
}


def in_module_variant(words: str) -> str:
	"""Full amount text in the module's variant, from any accepted spelling in the json."""
	tokens = words.strip().rstrip(".").split()
	if tokens[-1] == "chẵn":
		tokens.pop()
	if tokens[-1] == "đồng":
		tokens.pop()
	tokens = [token.lower() for token in tokens]
	tokens = [OTHER_VARIANT_SPELLINGS.get(token, token) for token in tokens]
	for index in range(1, len(tokens)):
		if tokens[index] == "bốn" and tokens[index - 1] == "mươi":
			tokens[index] = "tư"
	reading = " ".join(tokens)
	return f"{reading[0].upper()}{reading[1:]} đồng"


def run_cli(*args: str) -> subprocess.CompletedProcess:
	return run_module("cho40.amount_words", *args)


class TestJsonExamples(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.examples = load_shared_json("amount_in_words_vi.json")["examples"]

	def test_examples_are_present(self):
		self.assertGreaterEqual(len(self.examples), 10)

	def test_every_example(self):
		for example in self.examples:
			with self.subTest(amount=example["amount"], words=example["words"]):
				self.assertEqual(amount_in_words(example["amount"]), in_module_variant(example["words"]))

	def test_example_already_in_module_variant_matches_verbatim(self):
		self.assertEqual(amount_in_words(1250000), "Một triệu hai trăm năm mươi nghìn đồng")

	def test_rule_examples(self):
		for amount, words in RULE_EXAMPLES.items():
			with self.subTest(amount=amount):
				self.assertEqual(amount_in_words(amount), in_module_variant(words))


class TestAmountInWords(unittest.TestCase):
	def test_zero(self):
		self.assertEqual(amount_in_words(0), "Không đồng")
		self.assertEqual(number_in_words(0), "không")

	def test_negative_amounts(self):
		self.assertEqual(amount_in_words(-100), "Âm một trăm đồng")
		# num2words reads -1 as "mười chín"; the json warns about it.
		self.assertEqual(amount_in_words(-1), "Âm một đồng")
		self.assertEqual(amount_in_words(-1001), "Âm một nghìn không trăm linh một đồng")
		self.assertEqual(number_in_words(-15), "âm mười lăm")

	def test_big_numbers(self):
		for amount, words in BIG_NUMBERS.items():
			with self.subTest(amount=amount):
				self.assertEqual(amount_in_words(amount), words)

	def test_one_variant_throughout(self):
		amounts = [*range(0, 2100), *range(10**6, 10**6 + 1100), 4_444_444_444, 10**18 + 104]
		for amount in amounts:
			words = amount_in_words(amount)
			tokens = words.split()
			with self.subTest(amount=amount):
				self.assertTrue(words[0].isupper())
				self.assertEqual(tokens[-1], "đồng")
				self.assertEqual(words, " ".join(tokens))
				self.assertFalse({"ngàn", "lẻ", "tỉ", "chẵn"} & set(tokens))
				for wrong in ("mươi bốn", "mươi một", "mươi năm", "mười năm"):
					self.assertNotIn(wrong, words)

	def test_only_int_is_accepted(self):
		for value in (True, False, 1.5, 100.0, "100", Decimal("100"), None):
			with self.subTest(value=value):
				with self.assertRaises((TypeError, ValueError)):
					amount_in_words(value)


class TestCommandLine(unittest.TestCase):
	def test_prints_words(self):
		result = run_cli("1250000")
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(result.stdout, "Một triệu hai trăm năm mươi nghìn đồng\n")

	def test_negative_amount(self):
		result = run_cli("-100")
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(result.stdout.strip(), "Âm một trăm đồng")

	def test_bad_amount_exits_2(self):
		for argument in ("1.5", "abc", "1,000", ""):
			with self.subTest(argument=argument):
				result = run_cli(argument)
				self.assertEqual(result.returncode, 2)
				self.assertEqual(result.stdout, "")
				self.assertIn("not a whole number", result.stderr)


if __name__ == "__main__":
	unittest.main()

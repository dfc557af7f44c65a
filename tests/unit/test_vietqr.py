"""Tests for cho40.vietqr, checked against the shared VietQR vectors; no Frappe needed.

Expected payloads and CRCs come from the vectors (collected from specs, libraries and real codes)
or from binascii.crc_hqx, an implementation independent of the module under test.
"""

import binascii
import json
import re
import subprocess
import unittest

from cho40.vietqr import (
	VietQRError,
	build_payload,
	crc16_ccitt_false,
	decode_payload,
	is_valid,
	sanitize_purpose,
)
from tests.unit.support import SHARED_DATA, load_shared_json, run_module

DECODED_KEYS = [
	"bin",
	"account",
	"service",
	"amount",
	"purpose",
	"initiation",
	"crc_ok",
	"errors",
	"payload_format",
	"guid",
	"currency",
	"country",
	"mcc",
	"name",
	"city",
	"additional",
	"warnings",
]
# Decoded key -> field name in vietqr_vectors.json, for every recorded field the decoder exposes.
RECORDED_FIELDS = {
	"bin": "bin",
	"account": "account",
	"service": "service",
	"purpose": "purpose",
	"initiation": "poi",
	"crc_ok": "crc_ok",
	"payload_format": "payload_format",
	"guid": "guid",
	"currency": "currency",
	"country": "country",
	"mcc": "mcc",
	"name": "name",
	"city": "city",
	"additional": "additional",
}


def reference_crc(text: str) -> str:
	# binascii.crc_hqx with init 0xFFFF is CRC-16/CCITT-FALSE, written independently of cho40.
	return f"{binascii.crc_hqx(text.encode('utf-8'), 0xFFFF):04X}"


def tlv(tag: str, value: str) -> str:
	# Counts characters: every value given to it in these tests is ASCII unless said otherwise.
	return f"{tag}{len(value):02d}{value}"


def with_crc(body: str) -> str:
	body += "6304"
	return body + reference_crc(body)


def merchant_info(bin: str = "970436", account: str = "1234567890", service: str | None = "QRIBFTTA") -> str:
	beneficiary = tlv("00", bin) + tlv("01", account)
	service_field = "" if service is None else tlv("02", service)
	return tlv("38", tlv("00", "A000000727") + tlv("01", beneficiary) + service_field)


MERCHANT_INFO = merchant_info()
VALID_FIELDS = [
	tlv("00", "01"),
	tlv("01", "12"),
	MERCHANT_INFO,
	tlv("53", "704"),
	tlv("54", "150000"),
	tlv("58", "VN"),
]


def payload_of(fields: list[str]) -> str:
	return with_crc("".join(fields))


def run_cli(*args: str) -> subprocess.CompletedProcess:
	return run_module("cho40.vietqr", *args)


class VectorTestCase(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		cls.vectors = {vector["id"]: vector for vector in load_shared_json("vietqr_vectors.json")["vectors"]}

	def vector(self, vector_id: str) -> dict:
		return self.vectors[vector_id]


class TestSharedData(unittest.TestCase):
	def test_shared_data_folder_is_present(self):
		self.assertTrue(SHARED_DATA.is_dir(), f"missing {SHARED_DATA.resolve()}")
		self.assertGreater(len(load_shared_json("vietqr_vectors.json")["vectors"]), 0)


class TestCrc(VectorTestCase):
	def test_check_value(self):
		self.assertEqual(crc16_ccitt_false(b"123456789"), 0x29B1)

	def test_empty_input_is_the_initial_value(self):
		self.assertEqual(crc16_ccitt_false(b""), 0xFFFF)

	def test_every_vector_crc_matches_its_recorded_calculation(self):
		for vector_id, vector in self.vectors.items():
			with self.subTest(vector_id):
				covered = vector["payload"][:-4].encode("utf-8")
				self.assertEqual(f"{crc16_ccitt_false(covered):04X}", vector["crc_calc"])
				self.assertEqual(vector["crc_calc"] == vector["crc_given"], vector["crc_ok"])

	def test_agrees_with_an_independent_implementation(self):
		for sample in [b"", b"A", b"VietQR", "Thanh toán".encode(), bytes(range(256))]:
			with self.subTest(sample=sample[:10]):
				self.assertEqual(crc16_ccitt_false(sample), binascii.crc_hqx(sample, 0xFFFF))

	def test_leading_zero_crcs_are_padded(self):
		# 073C and 00C0 are recorded vectors; an unpadded CRC would print "73C" and "C0".
		self.assertTrue(self.vector("vqp_zalopay_bvbank")["payload"].endswith("6304073C"))
		payload = build_payload("970436", "1234567890", amount=150000, purpose="DH000158")
		self.assertTrue(payload.endswith("630400C0"))
		self.assertTrue(decode_payload(self.vector("vqp_zalopay_bvbank")["payload"])["crc_ok"])

	def test_encoded_crc_is_always_four_uppercase_hex_digits(self):
		for number in range(400):
			payload = build_payload("970436", "1234567890", amount=150000, purpose=f"DH{number:06d}")
			with self.subTest(payload=payload):
				self.assertRegex(payload, r"6304[0-9A-F]{4}\Z")
				self.assertEqual(payload[-4:], reference_crc(payload[:-4]))


class TestDecodeVectors(VectorTestCase):
	def test_decoded_keys_are_exactly_the_documented_ones(self):
		for vector_id, vector in self.vectors.items():
			with self.subTest(vector_id):
				self.assertEqual(list(decode_payload(vector["payload"])), DECODED_KEYS)

	def test_every_vector_decodes_to_its_recorded_fields(self):
		for vector_id, vector in self.vectors.items():
			decoded = decode_payload(vector["payload"])
			for key, recorded in RECORDED_FIELDS.items():
				with self.subTest(vector_id, field=key):
					self.assertEqual(decoded[key], vector[recorded])
			with self.subTest(vector_id, field="amount"):
				expected_amount = None if vector["amount"] is None else int(vector["amount"])
				self.assertEqual(decoded["amount"], expected_amount)

	def test_every_vector_gets_its_recorded_verdict(self):
		for vector_id, vector in self.vectors.items():
			with self.subTest(vector_id):
				decoded = decode_payload(vector["payload"])
				recorded_valid = vector["crc_ok"] and not vector["decode_errors"]
				self.assertEqual(decoded["errors"] == [], recorded_valid, decoded["errors"])

	def test_vectors_recorded_with_warnings_get_warnings(self):
		# Recorded valid with warnings: the oddity must be shown, never turned into an error.
		for vector_id, vector in self.vectors.items():
			if vector["warnings"]:
				with self.subTest(vector_id):
					self.assertNotEqual(decode_payload(vector["payload"])["warnings"], [])

	def test_specific_vector_warnings(self):
		expected = {
			"napas_qrcash_example": ["QRCASH", "not a transfer"],
			"napas_qrpush_with_service": ["QRPUSH", "not a transfer"],
			"napas_qrpush_no_service": ["38/02", "missing"],
			"vietqr_ts_misnested_service": ["38/01", "unexpected sub-tags 02"],
			"giautm_amount_rounded": ["static", "amount"],
			"vietqr_ts_utf8_bytelen": ["non-ASCII"],
		}
		for vector_id, fragments in expected.items():
			decoded = decode_payload(self.vector(vector_id)["payload"])
			for fragment in fragments:
				with self.subTest(vector_id, fragment=fragment):
					self.assertTrue(any(fragment in warning for warning in decoded["warnings"]), decoded)
			with self.subTest(vector_id, field="errors"):
				self.assertEqual(decoded["errors"], [])

	def test_wrong_crc_vectors_name_expected_and_found(self):
		wrong_crc = [vector for vector in self.vectors.values() if not vector["crc_ok"]]
		self.assertGreaterEqual(len(wrong_crc), 2)
		for vector in wrong_crc:
			with self.subTest(vector["id"]):
				errors = decode_payload(vector["payload"])["errors"]
				expected = f"CRC mismatch: expected {vector['crc_calc']}, found {vector['crc_given']}"
				self.assertIn(expected, errors)

	def test_structure_errors_name_the_template(self):
		decoded = decode_payload(self.vector("napas_6_1_1_static_account_as_printed")["payload"])
		self.assertEqual(len(decoded["errors"]), 1)
		self.assertIn("tag 38/01", decoded["errors"][0])
		self.assertIn("truncated", decoded["errors"][0])

	def test_broken_root_trusts_no_field(self):
		decoded = decode_payload(self.vector("docs_placeholder_crc_abcd")["payload"])
		untrusted = [key for key in DECODED_KEYS if key not in ("crc_ok", "errors", "warnings")]
		self.assertTrue(all(decoded[key] is None for key in untrusted))
		self.assertEqual(decoded["warnings"], [])
		self.assertIn("payload: bad field ID 'VN' at offset 81 (needs two digits)", decoded["errors"])

	def test_utf8_byte_lengths(self):
		decoded = decode_payload(self.vector("vietqr_ts_utf8_bytelen")["payload"])
		self.assertEqual(decoded["purpose"], "Thanh toán hóa đơn")
		self.assertEqual(decoded["errors"], [])


class TestDecodeLenience(unittest.TestCase):
	def test_hand_built_payload_is_valid(self):
		decoded = decode_payload(payload_of(VALID_FIELDS))
		self.assertEqual(decoded["errors"], [])
		self.assertTrue(decoded["crc_ok"])
		self.assertEqual(
			(decoded["bin"], decoded["account"], decoded["amount"]), ("970436", "1234567890", 150000)
		)

	def test_any_field_order(self):
		# Only tag 00 has a fixed place (first); everything after it may come in any order.
		decoded = decode_payload(payload_of(VALID_FIELDS[:1] + list(reversed(VALID_FIELDS[1:]))))
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["amount"], 150000)

	def test_unknown_tags_and_empty_sub_fields(self):
		extra = [tlv("15", "abc"), tlv("87", ""), tlv("62", tlv("05", "") + tlv("08", "") + tlv("99", "x"))]
		decoded = decode_payload(payload_of(VALID_FIELDS + extra))
		self.assertEqual(decoded["errors"], [])
		self.assertIsNone(decoded["purpose"])
		self.assertEqual(decoded["additional"], {"05": "", "08": "", "99": "x"})

	def test_lengths_counted_in_characters_are_accepted(self):
		# tlv() counts characters, so "Thanh toán" declares 10 although it is 11 UTF-8 bytes.
		decoded = decode_payload(payload_of([*VALID_FIELDS, tlv("62", tlv("08", "Thanh toán"))]))
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["purpose"], "Thanh toán")

	def test_surrounding_whitespace_from_scanners_is_ignored(self):
		self.assertEqual(decode_payload(" " + payload_of(VALID_FIELDS) + "\n")["errors"], [])

	def test_byte_order_mark_and_line_breaks_are_ignored(self):
		valid = payload_of(VALID_FIELDS)
		for wrapped in ("\ufeff" + valid, "\ufeff" + valid + "\r\n", " \ufeff\n" + valid + "\n\n"):
			with self.subTest(wrapped=wrapped[:3]):
				decoded = decode_payload(wrapped)
				self.assertEqual(decoded["errors"], [])
				self.assertEqual(decoded["warnings"], [])
				self.assertEqual(decoded["account"], "1234567890")

	def test_clean_payload_has_no_warnings(self):
		self.assertEqual(decode_payload(payload_of(VALID_FIELDS))["warnings"], [])

	def test_non_string_payload_is_a_type_error(self):
		with self.assertRaises(TypeError):
			decode_payload(b"000201")


class TestDecodeErrors(unittest.TestCase):
	def assert_single_error(self, payload: str, *fragments: str) -> str:
		errors = decode_payload(payload)["errors"]
		self.assertEqual(len(errors), 1, errors)
		for fragment in fragments:
			self.assertIn(fragment, errors[0])
		return errors[0]

	def error_samples(self) -> dict:
		valid = payload_of(VALID_FIELDS)
		body = "".join(VALID_FIELDS)
		wrong_crc = valid[:-4] + ("0000" if not valid.endswith("0000") else "1111")
		return {
			"crc mismatch": (wrong_crc, [f"expected {valid[-4:]}", f"found {wrong_crc[-4:]}"]),
			"truncated field": (
				body + "5410123",
				["tag 54", "truncated field", "declares length 10", "3 remain"],
			),
			"truncated nested field": (
				payload_of([*VALID_FIELDS, "62070810abc"]),
				["tag 62/08", "truncated"],
			),
			"truncated header": (body + "59", ["truncated field header", "offset"]),
			"bad length": (payload_of([*VALID_FIELDS, "59A1x"]), ["tag 59", "bad length 'A1'"]),
			"bad field ID": (payload_of([*VALID_FIELDS, "X102ab"]), ["bad field ID 'X1'"]),
			"missing format": (payload_of(VALID_FIELDS[1:]), ["missing mandatory field 00"]),
			"missing merchant": (
				payload_of(VALID_FIELDS[:2] + VALID_FIELDS[3:]),
				["missing mandatory field 38"],
			),
			"missing currency": (
				payload_of(VALID_FIELDS[:3] + VALID_FIELDS[4:]),
				["missing mandatory field 53"],
			),
			"missing country": (payload_of(VALID_FIELDS[:5]), ["missing mandatory field 58"]),
			"missing crc": (body, ["missing mandatory field 63"]),
			"crc not last": (valid + tlv("99", "x"), ["CRC field 63 must be the last field"]),
			"crc not hex": (body + "6304WXYZ", ["CRC field 63 must be 4 hex digits", "'WXYZ'"]),
			"crc too short": (body + "6303ABC", ["CRC field 63 must be 4 hex digits", "'ABC'"]),
			"non-integer amount": (
				payload_of(VALID_FIELDS[:4] + [tlv("54", "1000.50"), VALID_FIELDS[5]]),
				["amount (tag 54) must be whole VND digits", "'1000.50'"],
			),
			"duplicate": (payload_of([*VALID_FIELDS, tlv("54", "1")]), ["tag 54 appears more than once"]),
			"wrong currency": (
				payload_of(VALID_FIELDS[:3] + [tlv("53", "840")] + VALID_FIELDS[4:]),
				["tag 53", "'704'", "'840'"],
			),
			**self.beneficiary_samples(),
			**self.header_samples(),
			**self.amount_samples(),
			**self.text_length_samples(),
		}

	@staticmethod
	def with_merchant(**info) -> str:
		return payload_of([VALID_FIELDS[0], VALID_FIELDS[1], merchant_info(**info), *VALID_FIELDS[3:]])

	def beneficiary_samples(self) -> dict:
		# Each of these would send the money nowhere, or to someone else.
		return {
			"BIN with letter O": (self.with_merchant(bin="97O415"), ["38/01/00", "6 digits", "'97O415'"]),
			"BIN too short": (self.with_merchant(bin="97041"), ["38/01/00", "6 digits", "'97041'"]),
			"BIN too long": (self.with_merchant(bin="9704150"), ["38/01/00", "6 digits", "'9704150'"]),
			"empty account": (self.with_merchant(account=""), ["38/01/01", "is empty"]),
			"account too long": (self.with_merchant(account="1" * 20), ["38/01/01", "20 characters", "19"]),
			"account with hyphen": (
				self.with_merchant(account="0011-0019"),
				["38/01/01", "letters and digits", "'0011-0019'"],
			),
			"account with diacritics": (self.with_merchant(account="tàikhoan"), ["38/01/01", "'tàikhoan'"]),
			"unknown service": (
				self.with_merchant(service="QRIBFTTX"),
				["38/02", "'QRIBFTTX'", "unknown", "QRIBFTTA", "QRIBFTTC"],
			),
		}

	def header_samples(self) -> dict:
		return {
			"initiation 13": (
				payload_of([VALID_FIELDS[0], tlv("01", "13"), *VALID_FIELDS[2:]]),
				["tag 01", "'11'", "'12'", "found '13'"],
			),
			"initiation empty": (
				payload_of([VALID_FIELDS[0], tlv("01", ""), *VALID_FIELDS[2:]]),
				["tag 01", "found ''"],
			),
			"format not first": (
				payload_of([VALID_FIELDS[1], VALID_FIELDS[0], *VALID_FIELDS[2:]]),
				["tag 00", "first field", "found tag 01 first"],
			),
		}

	def amount_samples(self) -> dict:
		def with_amount(text: str) -> str:
			return payload_of([*VALID_FIELDS[:4], tlv("54", text), VALID_FIELDS[5]])

		return {
			"zero amount": (with_amount("0"), ["tag 54", "positive", "'0'"]),
			"zeros amount": (with_amount("000"), ["tag 54", "positive", "'000'"]),
			"leading zero amount": (with_amount("0150000"), ["tag 54", "leading zeros", "'0150000'"]),
			"thousands separator": (with_amount("150.000"), ["tag 54", "separator", "'150.000'"]),
			"decimal comma": (with_amount("1000,50"), ["tag 54", "separator", "'1000,50'"]),
			"negative amount": (with_amount("-5000"), ["tag 54", "whole VND digits", "'-5000'"]),
			"14-digit amount": (with_amount("1" * 14), ["tag 54", "14 digits", "13"]),
		}

	def text_length_samples(self) -> dict:
		def with_extra(*fields: str) -> str:
			return payload_of([*VALID_FIELDS, *fields])

		return {
			"purpose 26": (with_extra(tlv("62", tlv("08", "p" * 26))), ["purpose (tag 62/08)", "26", "25"]),
			"reference 26": (with_extra(tlv("62", tlv("05", "r" * 26))), ["reference (tag 62/05)", "26"]),
			"bill number 26": (with_extra(tlv("62", tlv("01", "b" * 26))), ["bill number (tag 62/01)", "26"]),
			"unnamed 62 field 26": (with_extra(tlv("62", tlv("10", "x" * 26))), ["tag 62/10", "26"]),
			"name 26": (with_extra(tlv("59", "N" * 26)), ["merchant name (tag 59)", "26", "25"]),
			"city 16": (with_extra(tlv("60", "C" * 16)), ["merchant city (tag 60)", "16", "15"]),
		}

	def test_each_error_kind_has_its_own_clear_message(self):
		messages = {}
		for kind, (payload, fragments) in self.error_samples().items():
			with self.subTest(kind):
				messages[kind] = self.assert_single_error(payload, *fragments)
		self.assertEqual(len(set(messages.values())), len(messages), messages)

	def test_crc_mismatch_reports_crc_not_ok(self):
		valid = payload_of(VALID_FIELDS)
		decoded = decode_payload(valid[:-1] + ("0" if valid[-1] != "0" else "1"))
		self.assertFalse(decoded["crc_ok"])
		self.assertEqual(decoded["amount"], 150000)

	def test_lowercase_crc_matches_but_is_not_conformant(self):
		# Pick an amount whose CRC has a letter, so lowering it changes the text.
		candidates = (
			payload_of([*VALID_FIELDS[:4], tlv("54", str(amount)), VALID_FIELDS[5]])
			for amount in range(1, 100)
		)
		valid = next(payload for payload in candidates if re.search("[A-F]", payload[-4:]))
		decoded = decode_payload(valid[:-4] + valid[-4:].lower())
		self.assertTrue(decoded["crc_ok"])
		# The checksum holds, so the code is valid; only the spelling is flagged.
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(len(decoded["warnings"]), 1)
		self.assertIn("uppercase", decoded["warnings"][0])
		self.assertIn(valid[-4:], decoded["warnings"][0])

	def test_lowercase_wrong_crc_is_still_a_mismatch(self):
		valid = payload_of(VALID_FIELDS)
		wrong = "abcd" if valid[-4:] != "ABCD" else "abce"
		decoded = decode_payload(valid[:-4] + wrong)
		self.assertFalse(decoded["crc_ok"])
		self.assertEqual(decoded["errors"], [f"CRC mismatch: expected {valid[-4:]}, found {wrong}"])
		self.assertEqual(decoded["warnings"], [])

	def test_errors_make_the_payload_invalid_but_keep_what_was_read(self):
		decoded = decode_payload(self.with_merchant(bin="97O415"))
		self.assertFalse(is_valid(decoded))
		self.assertTrue(decoded["crc_ok"])
		self.assertEqual(decoded["bin"], "97O415")

	def test_limits_themselves_are_accepted(self):
		fields = [
			tlv("59", "N" * 25),
			tlv("60", "C" * 15),
			tlv("62", tlv("08", "p" * 25) + tlv("05", "r" * 25)),
		]
		decoded = decode_payload(payload_of([*VALID_FIELDS, *fields]))
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["purpose"], "p" * 25)
		decoded = decode_payload(self.with_merchant(account="A" * 19))
		self.assertEqual(decoded["errors"], [])

	def test_62_templates_are_not_cut_to_25(self):
		# 62/50-99 hold nested templates, which may legitimately be longer than 25.
		template = tlv("00", "A000000727") + tlv("01", "x" * 20)
		decoded = decode_payload(payload_of([*VALID_FIELDS, tlv("62", tlv("50", template))]))
		self.assertEqual(decoded["errors"], [])

	def test_purpose_limit_counts_characters(self):
		# 25 characters, 33 UTF-8 bytes (á ó đ ơ Đ à take 2, ợ takes 3): within the limit,
		# because the bank app shows characters.
		purpose = "Thanh toán hóa đơn chợ Đà"
		self.assertEqual((len(purpose), len(purpose.encode())), (25, 33))
		decoded = decode_payload(payload_of([*VALID_FIELDS, tlv("62", tlv("08", purpose))]))
		self.assertEqual(decoded["errors"], [])

	def test_missing_beneficiary_parts(self):
		no_account = tlv(
			"38", tlv("00", "A000000727") + tlv("01", tlv("00", "970436")) + tlv("02", "QRIBFTTA")
		)
		fields = [VALID_FIELDS[0], VALID_FIELDS[1], no_account, *VALID_FIELDS[3:]]
		self.assert_single_error(payload_of(fields), "38/01/01")

	def test_empty_payload(self):
		decoded = decode_payload("")
		self.assertEqual(decoded["errors"], ["payload is empty"])
		self.assertFalse(decoded["crc_ok"])


class TestSanitizePurpose(unittest.TestCase):
	def test_strips_vietnamese_diacritics(self):
		self.assertEqual(sanitize_purpose("Thanh toán hóa đơn Đức"), "Thanh toan hoa don Duc")
		self.assertEqual(sanitize_purpose("chuyển khoản"), "chuyen khoan")
		self.assertEqual(sanitize_purpose("ủng hộ lũ lụt"), "ung ho lu lut")
		self.assertEqual(sanitize_purpose("ĐƯỜNG ĐI đường"), "DUONG DI duong")

	def test_keeps_only_safe_characters_and_collapses_spaces(self):
		# Punctuation outside _ . - separates words, so it becomes a space rather than gluing them.
		self.assertEqual(sanitize_purpose("  HD#123,  lô\t5 /A_b.c-d  "), "HD 123 lo 5 A_b.c-d")

	def test_slash_and_punctuation_keep_a_separator(self):
		self.assertEqual(sanitize_purpose("Phí chợ 12/2026"), "Phi cho 12 2026")
		self.assertEqual(sanitize_purpose("HD:158;T12/2026"), "HD 158 T12 2026")
		self.assertEqual(sanitize_purpose("a+b=c (x)"), "a b c x")
		# Letters without an ASCII form still vanish; they do not separate anything.
		self.assertEqual(sanitize_purpose("Straße"), "Strae")

	def test_cuts_to_max_len_without_trailing_space(self):
		self.assertEqual(sanitize_purpose("chuyen khoan alsdkf laksjdf"), "chuyen khoan alsdkf laksj")
		self.assertEqual(sanitize_purpose("abc def", max_len=4), "abc")
		self.assertEqual(len(sanitize_purpose("x" * 100)), 25)

	def test_precomposed_and_decomposed_input_agree(self):
		import unicodedata

		text = "Hóa đơn tiền điện"
		self.assertEqual(sanitize_purpose(unicodedata.normalize("NFD", text)), sanitize_purpose(text))


class TestBuildPayload(VectorTestCase):
	def test_reproduces_recorded_payloads(self):
		cases = {
			"subiz_static_tpbank": {"bin": "970423", "account": "0099999999"},
			"napas_6_1_1_static_account_corrected": {"bin": "970403", "account": "0011012345678"},
			"napas_6_1_2_static_card": {"bin": "970403", "account": "9704031101234567", "card": True},
			"vqp_static_acb": {"bin": "970416", "account": "257678859"},
			"vqp_zalopay_bvbank": {"bin": "970454", "account": "99ZP24009M07248267"},
			"vietqr_io_api_sample": {
				"bin": "970415",
				"account": "113366668888",
				"amount": 79000,
				"purpose": "Ung Ho Quy Vac Xin",
			},
			"subiz_diacritics_stripped": {
				"bin": "970422",
				"account": "0023457923442",
				"amount": 40123,
				"purpose": "chuyển khoản",
			},
			"subiz_readme_vietinbank": {
				"bin": "970415",
				"account": "0011001932418",
				"amount": 120000,
				"purpose": "ủng hộ lũ lụt",
			},
			"subiz_truncated": {
				"bin": "970422",
				"account": "0023457923442ASDFLJ",
				"amount": 40123,
				"purpose": "chuyen khoan alsdkf laksjdf",
			},
			"vqp_dynamic_acb": {
				"bin": "970416",
				"account": "257678859",
				"amount": 10000,
				"purpose": "Chuyen tien",
			},
			"synthetic_crc_00xx": {
				"bin": "970436",
				"account": "1234567890",
				"amount": 150000,
				"purpose": "DH000158",
			},
		}
		for vector_id, arguments in cases.items():
			with self.subTest(vector_id):
				self.assertEqual(build_payload(**arguments), self.vector(vector_id)["payload"])

	def test_round_trip(self):
		for card in (False, True):
			for amount, purpose in ((None, None), (250000, None), (None, "Tiền chợ"), (1, "Phí sạp A12")):
				with self.subTest(card=card, amount=amount, purpose=purpose):
					decoded = decode_payload(build_payload("970405", "1500205123456", amount, purpose, card))
					self.assertEqual(decoded["errors"], [])
					self.assertTrue(decoded["crc_ok"])
					self.assertEqual(decoded["bin"], "970405")
					self.assertEqual(decoded["account"], "1500205123456")
					self.assertEqual(decoded["service"], "QRIBFTTC" if card else "QRIBFTTA")
					self.assertEqual(decoded["amount"], amount)
					self.assertEqual(
						decoded["initiation"], "11" if amount is None and purpose is None else "12"
					)
					self.assertEqual(decoded["currency"], "704")
					self.assertEqual(decoded["country"], "VN")

	def test_purpose_with_diacritics_is_stripped(self):
		decoded = decode_payload(build_payload("970436", "1234567890", purpose="Thanh toán hóa đơn Đức"))
		self.assertEqual(decoded["purpose"], "Thanh toan hoa don Duc")

	def test_merchant_name_and_reference(self):
		payload = build_payload(
			"971025", "99MM24011M34875080", merchant_name="Cô Hằng", reference="MOMOW2W3487508"
		)
		decoded = decode_payload(payload)
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["name"], "Co Hang")
		self.assertEqual(decoded["additional"], {"05": "MOMOW2W3487508"})
		self.assertEqual(decoded["initiation"], "11")

	def test_longest_fields_still_fit(self):
		payload = build_payload(
			"970422",
			"A" * 19,
			amount=9_999_999_999_999,
			purpose="p" * 40,
			card=True,
			merchant_name="n" * 40,
			reference="r" * 25,
		)
		decoded = decode_payload(payload)
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["amount"], 9_999_999_999_999)
		self.assertEqual(decoded["purpose"], "p" * 25)

	def test_account_separators_are_removed(self):
		for typed in ("1234 5678 90", "1234.5678.90", "1234-5678-90", " 1234-5678.90 "):
			with self.subTest(typed=typed):
				payload = build_payload("970436", typed)
				self.assertEqual(payload, build_payload("970436", "1234567890"))
				self.assertEqual(decode_payload(payload)["account"], "1234567890")

	def test_purpose_with_a_date_keeps_a_separator(self):
		decoded = decode_payload(build_payload("970436", "1234567890", 150000, "Phí chợ 12/2026"))
		self.assertEqual(decoded["purpose"], "Phi cho 12 2026")
		self.assertEqual(decoded["errors"], [])

	def test_blank_purpose_counts_as_none(self):
		self.assertEqual(
			decode_payload(build_payload("970436", "1234567890", purpose="  "))["initiation"], "11"
		)

	def test_invalid_input_raises_vietqr_error(self):
		cases = [
			("bin", {"bin": "97043"}),
			("bin", {"bin": "97043a"}),
			("bin", {"bin": 970436}),
			("account", {"account": ""}),
			("account", {"account": "1" * 20}),
			("account", {"account": "0011/0019"}),
			("account", {"account": "0011#0019"}),
			("account", {"account": " - . "}),
			("account", {"account": "1234 5678 9012 3456 7890"}),
			("account", {"account": 1234567890}),
			("account", {"account": "tài khoản"}),
			("amount", {"amount": -1}),
			("amount", {"amount": 0}),
			("amount", {"amount": 1.5}),
			("amount", {"amount": 1000.0}),
			("amount", {"amount": "1000"}),
			("amount", {"amount": True}),
			("amount", {"amount": 10**13}),
			("purpose", {"purpose": "!!!"}),
			("purpose", {"purpose": 42}),
			("reference", {"reference": "r" * 26}),
			("reference", {"reference": "mã#1"}),
		]
		for field, override in cases:
			arguments = {"bin": "970436", "account": "1234567890", **override}
			with self.subTest(override=override):
				with self.assertRaises(VietQRError) as caught:
					build_payload(**arguments)
				self.assertIsInstance(caught.exception, ValueError)
				self.assertEqual(caught.exception.field, field)
				self.assertEqual(caught.exception.value, override[field])
				self.assertIn(field, str(caught.exception))


class TestCommandLine(VectorTestCase):
	def test_decode_valid_payload(self):
		vector = self.vector("napas_6_1_3_dynamic_account")
		result = run_cli("decode", vector["payload"])
		self.assertEqual(result.returncode, 0, result.stderr)
		decoded = json.loads(result.stdout)
		self.assertEqual(list(decoded), DECODED_KEYS)
		self.assertEqual(decoded["bin"], "970403")
		self.assertEqual(decoded["account"], "0011012345678")
		self.assertEqual(decoded["amount"], 180000)
		self.assertEqual(decoded["purpose"], "thanh toan don hang")
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(decoded["warnings"], [])
		self.assertEqual(len(result.stdout.strip().splitlines()), 1)

	def test_decode_invalid_payload_exits_1(self):
		result = run_cli("decode", self.vector("vqp_invalid_crc")["payload"])
		self.assertEqual(result.returncode, 1)
		decoded = json.loads(result.stdout)
		self.assertFalse(decoded["crc_ok"])
		self.assertIn("CRC mismatch: expected BBB8, found BBB5", decoded["errors"])

	def test_decode_payload_sending_money_elsewhere_exits_1(self):
		body = "".join([VALID_FIELDS[0], VALID_FIELDS[1], merchant_info(bin="97O415"), *VALID_FIELDS[3:]])
		result = run_cli("decode", with_crc(body))
		self.assertEqual(result.returncode, 1)
		decoded = json.loads(result.stdout)
		self.assertTrue(decoded["crc_ok"])
		self.assertIn("bank BIN (tag 38/01/00) must be exactly 6 digits, found '97O415'", decoded["errors"])

	def test_decode_valid_with_warnings_exits_0(self):
		result = run_cli("decode", self.vector("napas_qrcash_example")["payload"])
		self.assertEqual(result.returncode, 0, result.stderr)
		decoded = json.loads(result.stdout)
		self.assertEqual(decoded["errors"], [])
		self.assertEqual(
			decoded["warnings"],
			["service code (tag 38/02) QRCASH is for an ATM cash withdrawal, not a transfer"],
		)

	def test_decode_strips_byte_order_mark(self):
		payload = self.vector("napas_6_1_3_dynamic_account")["payload"]
		result = run_cli("decode", "\ufeff" + payload + "\n")
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(json.loads(result.stdout)["account"], "0011012345678")

	def test_encode_account_with_separators(self):
		result = run_cli("encode", "--bin", "970403", "--account", "9704 0311.0123-4567", "--card")
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(result.stdout.strip(), self.vector("napas_6_1_2_static_card")["payload"])

	def test_decode_prints_vietnamese_unescaped(self):
		result = run_cli("decode", self.vector("vietqr_ts_utf8_bytelen")["payload"])
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertIn('"purpose": "Thanh toán hóa đơn"', result.stdout)

	def test_encode(self):
		result = run_cli(
			"encode",
			"--bin",
			"970436",
			"--account",
			"1234567890",
			"--amount",
			"150000",
			"--purpose",
			"DH000158",
		)
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(result.stdout.strip(), self.vector("synthetic_crc_00xx")["payload"])

	def test_encode_card(self):
		result = run_cli("encode", "--bin", "970403", "--account", "9704031101234567", "--card")
		self.assertEqual(result.returncode, 0, result.stderr)
		self.assertEqual(result.stdout.strip(), self.vector("napas_6_1_2_static_card")["payload"])

	def test_encode_bad_input_exits_2(self):
		for arguments in (
			["--bin", "97043", "--account", "1"],
			["--bin", "970436", "--account", "1", "--amount", "-5"],
		):
			with self.subTest(arguments=arguments):
				result = run_cli("encode", *arguments)
				self.assertEqual(result.returncode, 2)
				self.assertEqual(result.stdout, "")
				self.assertRegex(result.stderr, re.compile(r"\S"))


if __name__ == "__main__":
	unittest.main()

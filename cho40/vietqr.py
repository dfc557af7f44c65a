"""VietQR payloads: NAPAS 247 transfers on EMVCo merchant-presented mode.

Pure Python (no Frappe) so it can run in a bench, in a background job or alone:

	python -m cho40.vietqr encode --bin 970436 --account 1234567890 --amount 150000 --purpose "DH 158"
	python -m cho40.vietqr decode "000201010212...6304ABCD"

Every field is ID (2 digits) + length (2 digits) + value. Lengths are UTF-8 byte counts; the
encoder only ever writes ASCII, so bytes and characters agree in what it produces.

The decoder is lenient about layout (any field order, unknown tags, empty sub-fields, lengths
counted in characters by some generators) but strict about anything that could send money to
the wrong place: every problem found ends up in ``errors``, and a payload is valid only when
``errors`` is empty and ``crc_ok`` is true. Oddities that real, working codes are known to carry
(see the shared vectors: no service code, QRCASH/QRPUSH, a static code with an amount, a
lowercase CRC) go to ``warnings`` instead, so they are shown without rejecting the code.
"""

import argparse
import json
import re
import sys
import unicodedata

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
SERVICE_TO_CARD = "QRIBFTTC"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
STATIC_QR = "11"
DYNAMIC_QR = "12"

MAX_FIELD_LENGTH = 99
MAX_ACCOUNT_LENGTH = 19
MAX_AMOUNT_DIGITS = 13
MAX_ADDITIONAL_LENGTH = 25
MAX_NAME_LENGTH = 25
MAX_CITY_LENGTH = 15
CRC_HEADER = "6304"
TRANSFER_SERVICES = {SERVICE_TO_ACCOUNT: "to account", SERVICE_TO_CARD: "to card"}
# Real NAPAS services that are not transfers: shown as warnings, the vectors record them valid.
OTHER_SERVICES = {"QRPUSH": "a merchant payment", "QRCASH": "an ATM cash withdrawal"}
ADDITIONAL_FIELD_NAMES = {
	"01": "bill number",
	"02": "mobile number",
	"03": "store label",
	"04": "loyalty number",
	"05": "reference",
	"06": "customer label",
	"07": "terminal",
	"08": "purpose",
	"09": "consumer data request",
}
# 62/50-99 are templates of their own (nested TLV), so the 25-character limit doesn't apply.
FIRST_ADDITIONAL_TEMPLATE = 50

MANDATORY_FIELDS = {
	"00": "payload format",
	"38": "merchant account information",
	"53": "currency",
	"58": "country",
	"63": "CRC",
}

_BIN = re.compile(r"[0-9]{6}")
_ACCOUNT_CHARS = re.compile(r"[A-Za-z0-9]+")
_SAFE_TEXT = re.compile(r"[A-Za-z0-9 _.\-]+")
_UNSAFE_CHAR = re.compile(r"[^A-Za-z0-9 _.\-]")
_DIGITS = re.compile(r"[0-9]+")
_SEPARATED_NUMBER = re.compile(r"[0-9]+([.,][0-9]+)+")
# People type account numbers in groups; banks store them without the separators.
_ACCOUNT_SEPARATORS = re.compile(r"[\s.\-]")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_CRC_TAIL = re.compile(CRC_HEADER + r"[0-9A-Fa-f]{4}\Z")

# Đ is a separate letter, not D plus a mark, so NFD leaves it alone. The Icelandic look-alikes
# turn up in text converted from old Vietnamese encodings.
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d"})


class VietQRError(ValueError):
	"""Invalid input for a VietQR payload; ``field`` names the argument or tag at fault."""

	def __init__(self, field: str, message: str, value=None):
		super().__init__(f"{field}: {message}")
		self.field = field
		self.message = message
		self.value = value


def crc16_ccitt_false(data: bytes) -> int:
	"""CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final XOR."""
	crc = 0xFFFF
	for byte in data:
		crc ^= byte << 8
		for _ in range(8):
			crc = (crc << 1) ^ 0x1021 if crc & 0x8000 else crc << 1
			crc &= 0xFFFF
	return crc


def _crc_hex(data: bytes) -> str:
	# Unpadded CRCs (e.g. "73C" for 073C) are a known bug in several public libraries.
	return f"{crc16_ccitt_false(data):04X}"


def sanitize_purpose(text: str, max_len: int = 25) -> str:
	"""Reduce free text to what every bank app accepts: ASCII letters, digits, space, _ . -"""
	if not isinstance(text, str):
		raise TypeError(f"purpose must be a string, not {type(text).__name__}")
	if max_len < 0:
		raise ValueError("max_len must not be negative")
	decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
	bare = "".join(char for char in decomposed if not unicodedata.combining(char))
	# Tabs, line breaks and punctuation ("12/2026") separate words, so they become spaces
	# instead of vanishing and gluing "12" to "2026".
	spaced = "".join(" " if _separates_words(char) else char for char in bare)
	collapsed = " ".join(_UNSAFE_CHAR.sub("", spaced).split())
	return collapsed[:max_len].rstrip()


def _separates_words(char: str) -> bool:
	if char in "_.-":
		return False
	return char.isspace() or unicodedata.category(char)[0] in "PS"


# ---------------------------------------------------------------- encoding


def _tlv(tag: str, value: str) -> str:
	size = len(value.encode("utf-8"))
	if size > MAX_FIELD_LENGTH:
		raise VietQRError(tag, f"value is {size} bytes long; a field holds at most {MAX_FIELD_LENGTH}", value)
	return f"{tag}{size:02d}{value}"


def _check_bin(bin: str) -> None:
	if not isinstance(bin, str) or not _BIN.fullmatch(bin):
		raise VietQRError("bin", "must be exactly 6 digits (the bank's NAPAS BIN)", bin)


def _account_text(account: str) -> str:
	"""The account as banks store it: spaces, dots and hyphens typed between groups removed."""
	if not isinstance(account, str):
		raise VietQRError("account", "must be a string", account)
	text = _ACCOUNT_SEPARATORS.sub("", account)
	if not text:
		raise VietQRError("account", "must not be empty", account)
	if len(text) > MAX_ACCOUNT_LENGTH:
		raise VietQRError("account", f"is {len(text)} characters; at most {MAX_ACCOUNT_LENGTH}", account)
	if not _ACCOUNT_CHARS.fullmatch(text):
		raise VietQRError(
			"account",
			"may contain only letters A-Z, a-z and digits (spaces, dots, hyphens are removed)",
			account,
		)
	return text


def _amount_text(amount: int | None) -> str | None:
	if amount is None:
		return None
	# bool is an int subclass, and floats hide rounding decisions the caller must make.
	if isinstance(amount, bool) or not isinstance(amount, int):
		raise VietQRError("amount", "must be a whole number of VND (int)", amount)
	if amount <= 0:
		raise VietQRError("amount", "must be positive; leave it out for an open amount", amount)
	text = str(amount)
	if len(text) > MAX_AMOUNT_DIGITS:
		raise VietQRError("amount", f"has {len(text)} digits; at most {MAX_AMOUNT_DIGITS}", amount)
	return text


def _sanitized_text(field: str, text: str | None) -> str | None:
	if text is None:
		return None
	if not isinstance(text, str):
		raise VietQRError(field, "must be a string", text)
	if not text.strip():
		return None
	cleaned = sanitize_purpose(text, MAX_ADDITIONAL_LENGTH)
	if not cleaned:
		# Dropping a purpose silently would break matching the payment to its invoice.
		raise VietQRError(field, "has nothing left after removing unsupported characters", text)
	return cleaned


def _reference_text(reference: str | None) -> str | None:
	if reference is None or reference == "":
		return None
	# A reference is matched verbatim by wallets and reconciliation, so it is never rewritten.
	if not isinstance(reference, str) or not _SAFE_TEXT.fullmatch(reference):
		raise VietQRError("reference", "may contain only A-Z, a-z, 0-9, space, _ . -", reference)
	if len(reference) > MAX_ADDITIONAL_LENGTH:
		raise VietQRError(
			"reference", f"is {len(reference)} characters; at most {MAX_ADDITIONAL_LENGTH}", reference
		)
	return reference


def _merchant_account_info(bin: str, account: str, card: bool) -> str:
	beneficiary = _tlv("00", bin) + _tlv("01", account)
	service = SERVICE_TO_CARD if card else SERVICE_TO_ACCOUNT
	return _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", service)


def _additional_data(reference: str | None, purpose: str | None) -> str:
	parts = []
	if reference:
		parts.append(_tlv("05", reference))
	if purpose:
		parts.append(_tlv("08", purpose))
	return "".join(parts)


def build_payload(
	bin: str,
	account: str,
	amount: int | None = None,
	purpose: str | None = None,
	card: bool = False,
	merchant_name: str | None = None,
	reference: str | None = None,
) -> str:
	"""Return a VietQR payload for a transfer to an account (or to a card when ``card``).

	Purpose and merchant name are reduced with ``sanitize_purpose`` (diacritics stripped, ≤25).
	Raises ``VietQRError`` for anything a bank app would reject or misread.
	"""
	_check_bin(bin)
	account = _account_text(account)
	amount_text = _amount_text(amount)
	purpose_text = _sanitized_text("purpose", purpose)
	name_text = _sanitized_text("merchant_name", merchant_name)
	reference_text = _reference_text(reference)

	# An amount or a purpose ties the code to one payment, which is what "dynamic" means.
	one_payment = amount_text is not None or purpose_text is not None
	fields = [
		_tlv("00", "01"),
		_tlv("01", DYNAMIC_QR if one_payment else STATIC_QR),
		_tlv("38", _merchant_account_info(bin, account, card)),
		_tlv("53", CURRENCY_VND),
	]
	if amount_text:
		fields.append(_tlv("54", amount_text))
	fields.append(_tlv("58", COUNTRY_VN))
	if name_text:
		fields.append(_tlv("59", name_text))
	additional = _additional_data(reference_text, purpose_text)
	if additional:
		fields.append(_tlv("62", additional))
	body = "".join(fields) + CRC_HEADER
	return body + _crc_hex(body.encode("utf-8"))


# ---------------------------------------------------------------- decoding


def _describe(path: str) -> str:
	return f"tag {path.rstrip('/')}" if path else "payload"


def _as_text(value: bytes | str) -> str:
	return value.decode("utf-8") if isinstance(value, bytes) else value


def _header_text(raw: bytes | str) -> str:
	# A header is plain digits; decoding leniently just lets the error message show it.
	return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw


def _is_utf8(value: bytes | str) -> bool:
	try:
		_as_text(value)
	except UnicodeDecodeError:
		return False
	return True


def _split_fields(data: bytes | str, path: str = "") -> tuple[list, str | None]:
	"""Cut ``data`` into (tag, raw value) pairs; stop at the first structural error.

	``data`` is bytes when lengths count UTF-8 bytes and str when they count characters;
	values keep that type so nested templates are measured in the same unit.
	"""
	fields = []
	offset = 0
	while offset < len(data):
		left = len(data) - offset
		if left < 4:
			return (
				fields,
				f"{_describe(path)}: truncated field header at offset {offset} ({left} of 4 characters)",
			)
		header = _header_text(data[offset : offset + 4])
		tag, length = header[:2], header[2:4]
		if not _DIGITS.fullmatch(tag):
			return fields, f"{_describe(path)}: bad field ID {tag!r} at offset {offset} (needs two digits)"
		if not _DIGITS.fullmatch(length):
			return fields, f"tag {path}{tag}: bad length {length!r} at offset {offset + 2} (needs two digits)"
		end = offset + 4 + int(length)
		if end > len(data):
			left = len(data) - offset - 4
			return (
				fields,
				f"tag {path}{tag}: truncated field, declares length {int(length)} but only {left} remain",
			)
		value = data[offset + 4 : end]
		if not _is_utf8(value):
			return fields, f"tag {path}{tag}: value cuts a UTF-8 character in two"
		fields.append((tag, value))
		offset = end
	return fields, None


def _split_root(payload: str) -> tuple[list, str | None]:
	fields, error = _split_fields(payload.encode("utf-8"))
	if error and not payload.isascii():
		# Some generators count characters, not bytes; accept them when that reading works.
		char_fields, char_error = _split_fields(payload)
		if char_error is None:
			return char_fields, None
	return fields, error


def _index_fields(fields: list, path: str, errors: list) -> dict:
	by_tag = {}
	for tag, value in fields:
		if tag in by_tag:
			errors.append(f"tag {path}{tag} appears more than once")
			continue
		by_tag[tag] = value
	return by_tag


def _template(value, path: str, errors: list) -> dict | None:
	"""Fields of a nested template, or None when it does not parse (nothing in it is trusted)."""
	fields, error = _split_fields(value, path)
	if error:
		errors.append(error)
		return None
	return _index_fields(fields, path, errors)


def _text_of(fields: dict | None, tag: str) -> str | None:
	if fields is None or tag not in fields:
		return None
	return _as_text(fields[tag])


def _compare_crc(payload: str) -> tuple[bool, list, list]:
	found = payload[-4:]
	expected = _crc_hex(payload[:-4].encode("utf-8"))
	if found.upper() != expected:
		return False, [f"CRC mismatch: expected {expected}, found {found}"], []
	if found != expected:
		# The checksum holds, so the money goes where intended; only the spelling is off.
		return True, [], [f"CRC {found} should be written in uppercase hex ({expected})"]
	return True, [], []


def _check_crc(payload: str, fields: list, structure_ok: bool) -> tuple[bool, list, list]:
	"""(crc_ok, errors, warnings) for the CRC field."""
	tags = [tag for tag, _ in fields]
	if structure_ok:
		if "63" not in tags:
			return False, [], []  # reported with the other missing mandatory fields
		if tags[-1] != "63":
			return False, ["CRC field 63 must be the last field"], []
		crc_value = _as_text(fields[-1][1])
		if not _HEX4.fullmatch(crc_value):
			return False, [f"CRC field 63 must be 4 hex digits, found {crc_value!r}"], []
	elif not _CRC_TAIL.search(payload):
		return False, [], []
	return _compare_crc(payload)


def _expect_value(fields: dict, tag: str, expected: str, errors: list) -> None:
	value = _text_of(fields, tag)
	if value is not None and value != expected:
		errors.append(f"tag {tag} ({MANDATORY_FIELDS[tag]}) must be {expected!r}, found {value!r}")


def _check_format_first(fields: list, errors: list) -> None:
	# EMVCo readers look for "000201" at the very start; a missing 00 is reported elsewhere.
	tags = [tag for tag, _ in fields]
	if "00" in tags and tags[0] != "00":
		errors.append(f"tag 00 (payload format) must be the first field, found tag {tags[0]} first")


def _check_initiation(initiation: str | None, amount_text: str | None, errors: list, warnings: list) -> None:
	if initiation is None:
		return
	if initiation not in (STATIC_QR, DYNAMIC_QR):
		errors.append(
			f"tag 01 (point of initiation) must be '11' (static) or '12' (dynamic), found {initiation!r}"
		)
	elif initiation == STATIC_QR and amount_text:
		# Real static codes carry amounts (vector giautm_amount_rounded), so this is only a hint.
		warnings.append("static QR (tag 01 = '11') carries an amount (tag 54); it may be reused")


def _amount_error(text: str) -> str | None:
	if _SEPARATED_NUMBER.fullmatch(text):
		# "1.000" may mean one thousand or one, so guessing could move the wrong sum.
		return (
			f"amount (tag 54) must be whole VND digits with no decimal or thousands separator, found {text!r}"
		)
	if not _DIGITS.fullmatch(text):
		return f"amount (tag 54) must be whole VND digits, found {text!r}"
	if len(text) > MAX_AMOUNT_DIGITS:
		return f"amount (tag 54) has {len(text)} digits; at most {MAX_AMOUNT_DIGITS}"
	if int(text) == 0:
		return f"amount (tag 54) must be positive; leave the tag out for an open amount, found {text!r}"
	if text.startswith("0"):
		return f"amount (tag 54) must not have leading zeros, found {text!r}"
	return None


def _read_amount(fields: dict, errors: list) -> int | None:
	text = _text_of(fields, "54")
	if not text:
		return None
	error = _amount_error(text)
	if error:
		errors.append(error)
		return None
	return int(text)


def _check_length(label: str, value: str | None, limit: int, errors: list) -> None:
	# Characters, not bytes: the limits are what a bank app shows, and the vectors include
	# Vietnamese purposes that fit in characters.
	if value is not None and len(value) > limit:
		errors.append(f"{label} is {len(value)} characters; at most {limit}")


def _check_decoded_bin(bin_text: str | None, errors: list) -> None:
	if bin_text is None:
		errors.append("missing bank BIN (tag 38/01/00)")
	elif not _BIN.fullmatch(bin_text):
		errors.append(f"bank BIN (tag 38/01/00) must be exactly 6 digits, found {bin_text!r}")


def _check_decoded_account(account: str | None, errors: list) -> None:
	label = "account or card number (tag 38/01/01)"
	if account is None:
		errors.append(f"missing {label}")
	elif not account:
		errors.append(f"{label} is empty")
	elif len(account) > MAX_ACCOUNT_LENGTH:
		errors.append(f"{label} is {len(account)} characters; at most {MAX_ACCOUNT_LENGTH}")
	elif not _ACCOUNT_CHARS.fullmatch(account):
		errors.append(f"{label} may contain only letters and digits, found {account!r}")


def _check_service(service: str | None, errors: list, warnings: list) -> None:
	expected = "expected QRIBFTTA (to account) or QRIBFTTC (to card)"
	if service in TRANSFER_SERVICES:
		return
	if not service:
		# Recorded valid in the vectors (merchant QRs, misnested codes): banks still route them.
		warnings.append(f"service code (tag 38/02) is missing; {expected}")
	elif service in OTHER_SERVICES:
		warnings.append(
			f"service code (tag 38/02) {service} is for {OTHER_SERVICES[service]}, not a transfer"
		)
	else:
		errors.append(f"service code (tag 38/02) {service!r} is unknown; {expected}")


def _read_beneficiary(value, result: dict, errors: list, warnings: list) -> None:
	beneficiary = _template(value, "38/01/", errors)
	if beneficiary is None:
		return
	result["bin"] = _text_of(beneficiary, "00")
	result["account"] = _text_of(beneficiary, "01")
	_check_decoded_bin(result["bin"], errors)
	_check_decoded_account(result["account"], errors)
	extra = sorted(set(beneficiary) - {"00", "01"})
	if extra:
		# Usually the service code nested one level too deep (vietqr_ts_misnested_service).
		warnings.append(f"tag 38/01 has unexpected sub-tags {', '.join(extra)}")


def _read_merchant_info(fields: dict, result: dict, errors: list, warnings: list) -> None:
	if "38" not in fields:
		return
	info = _template(fields["38"], "38/", errors)
	if info is None:
		return
	result["guid"] = _text_of(info, "00")
	result["service"] = _text_of(info, "02")
	if result["guid"] != NAPAS_GUID:
		errors.append(f"tag 38/00 must be the NAPAS GUID {NAPAS_GUID}, found {result['guid']!r}")
	_check_service(result["service"], errors, warnings)
	if "01" not in info:
		errors.append("missing beneficiary (tag 38/01)")
		return
	_read_beneficiary(info["01"], result, errors, warnings)


def _check_additional_lengths(additional: dict, errors: list) -> None:
	for tag, value in additional.items():
		if not tag.isdigit() or int(tag) >= FIRST_ADDITIONAL_TEMPLATE:
			continue
		name = ADDITIONAL_FIELD_NAMES.get(tag, "additional data")
		_check_length(f"{name} (tag 62/{tag})", value, MAX_ADDITIONAL_LENGTH, errors)


def _read_additional(fields: dict, result: dict, errors: list) -> None:
	if "62" not in fields:
		return
	additional = _template(fields["62"], "62/", errors)
	if additional is None:
		return
	result["additional"] = {tag: _as_text(value) for tag, value in additional.items()}
	result["purpose"] = result["additional"].get("08") or None
	_check_additional_lengths(result["additional"], errors)


def _read_fields(fields: list, result: dict, warnings: list) -> list:
	errors = []
	_check_format_first(fields, errors)
	by_tag = _index_fields(fields, "", errors)
	for tag, name in MANDATORY_FIELDS.items():
		if tag not in by_tag:
			errors.append(f"missing mandatory field {tag} ({name})")
	_expect_value(by_tag, "00", "01", errors)
	_expect_value(by_tag, "53", CURRENCY_VND, errors)
	_expect_value(by_tag, "58", COUNTRY_VN, errors)
	result["payload_format"] = _text_of(by_tag, "00")
	result["initiation"] = _text_of(by_tag, "01")
	result["currency"] = _text_of(by_tag, "53")
	result["country"] = _text_of(by_tag, "58")
	result["mcc"] = _text_of(by_tag, "52")
	result["name"] = _text_of(by_tag, "59")
	result["city"] = _text_of(by_tag, "60")
	_check_length("merchant name (tag 59)", result["name"], MAX_NAME_LENGTH, errors)
	_check_length("merchant city (tag 60)", result["city"], MAX_CITY_LENGTH, errors)
	result["amount"] = _read_amount(by_tag, errors)
	_check_initiation(result["initiation"], _text_of(by_tag, "54"), errors, warnings)
	_read_merchant_info(by_tag, result, errors, warnings)
	_read_additional(by_tag, result, errors)
	return errors


def _blank_result() -> dict:
	# Extra keys beyond the first eight mirror fields recorded in the shared test vectors;
	# "warnings" comes last so older consumers that read the first keys are not disturbed.
	keys = ["bin", "account", "service", "amount", "purpose", "initiation", "crc_ok", "errors"]
	keys += ["payload_format", "guid", "currency", "country", "mcc", "name", "city", "additional"]
	return dict.fromkeys(keys) | {"warnings": []}


def _clean_input(payload: str) -> str:
	# Scanners and text files add line breaks and a UTF-8 byte order mark; a real payload
	# always starts with "00" and ends in hex, so neither can be part of it.
	return payload.strip().removeprefix("\ufeff").strip()


def decode_payload(payload: str) -> dict:
	"""Decode a VietQR payload; never raises for bad content, reports it in ``errors`` instead.

	When the top-level structure does not parse, no field is trusted and all stay None.
	When a nested template (38, 38/01, 62) does not parse, only its own fields stay None.
	``warnings`` lists oddities that do not make the payload invalid.
	"""
	if not isinstance(payload, str):
		raise TypeError(f"payload must be a string, not {type(payload).__name__}")
	payload = _clean_input(payload)
	result = _blank_result()
	warnings = result["warnings"]
	fields, structure_error = _split_root(payload)
	errors = [structure_error] if structure_error else []
	if not payload:
		errors = ["payload is empty"]
	crc_ok, crc_errors, crc_warnings = _check_crc(payload, fields, structure_error is None)
	errors += crc_errors
	warnings += crc_warnings
	if structure_error is None and payload:
		errors += _read_fields(fields, result, warnings)
	if not payload.isascii():
		warnings.append("payload has non-ASCII characters, which some bank apps cannot read")
	result["crc_ok"] = crc_ok
	result["errors"] = errors
	return result


def is_valid(decoded: dict) -> bool:
	return decoded["crc_ok"] and not decoded["errors"]


# ---------------------------------------------------------------- command line


def _decode_command(args: argparse.Namespace) -> int:
	decoded = decode_payload(args.payload)
	print(json.dumps(decoded, ensure_ascii=False))
	return 0 if is_valid(decoded) else 1


def _encode_command(args: argparse.Namespace) -> int:
	try:
		payload = build_payload(
			args.bin,
			args.account,
			amount=args.amount,
			purpose=args.purpose,
			card=args.card,
			merchant_name=args.merchant_name,
			reference=args.reference,
		)
	except VietQRError as error:
		print(f"error: {error}", file=sys.stderr)
		return 2
	print(payload)
	return 0


def _build_parser() -> argparse.ArgumentParser:
	parser = argparse.ArgumentParser(
		prog="python -m cho40.vietqr", description="Build or check VietQR payloads."
	)
	commands = parser.add_subparsers(dest="command", required=True)

	decode = commands.add_parser("decode", help="decode a payload and print it as JSON")
	decode.add_argument("payload")
	decode.set_defaults(handler=_decode_command)

	encode = commands.add_parser("encode", help="print a payload for a transfer")
	encode.add_argument("--bin", required=True, help="bank BIN, 6 digits (e.g. 970436)")
	encode.add_argument(
		"--account",
		required=True,
		help="account number, or card number with --card; spaces, dots and hyphens are removed",
	)
	encode.add_argument("--amount", type=int, help="whole VND")
	encode.add_argument("--purpose", help="transfer note; diacritics are stripped, cut to 25")
	encode.add_argument("--card", action="store_true", help="transfer to a card (QRIBFTTC)")
	encode.add_argument("--merchant-name", help="tag 59, cut to 25")
	encode.add_argument("--reference", help="tag 62/05, e.g. a wallet reference")
	encode.set_defaults(handler=_encode_command)
	return parser


def main(argv: list[str] | None = None) -> int:
	args = _build_parser().parse_args(argv)
	return args.handler(args)


if __name__ == "__main__":
	sys.exit(main())

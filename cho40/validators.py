"""Validators for Vietnamese identifiers typed into forms.

Each validator returns the normalised value or raises InvalidValue. Messages are English
sentences with "{0}" for the offending value, kept in MESSAGES so that a translation layer
(Frappe's _()) can look each one up before formatting.

Input is NFKC-normalised first, so full-width digits from East Asian input methods or pasted
text ("０９１２…") become ASCII. Patterns then spell out [0-9]: Python's Unicode digit class
would also let Arabic-Indic and other scripts' digits through into stored identifiers.
"""

import datetime
import re
import unicodedata

MESSAGES = {
	"citizen_id_format": "Citizen ID {0} must have exactly 12 digits",
	"citizen_id_province": "Citizen ID {0} does not start with a valid province code",
	"citizen_id_future": "Citizen ID {0} gives a birth year in the future",
	"mobile_format": "Mobile number {0} must have 10 digits starting with 0, or start with +84",
	"mobile_landline": "Mobile number {0} is a landline number; please enter a mobile number",
	"mobile_prefix": "Mobile number {0} does not start with a Vietnamese mobile network prefix",
	"tax_code_format": "Tax code {0} must have 10 digits, 13 digits (NNNNNNNNNN-NNN) or 12 digits (citizen ID)",
	"tax_code_check_digit": "Tax code {0} has a wrong check digit",
	"tax_code_branch": "Tax code {0} has an invalid branch number 000",
	"tax_code_personal_too_early": "Tax code {0}: a citizen ID is used as tax code only from 1 July 2025",
	"bank_account_format": "Bank account number {0} must have 6 to 19 letters or digits",
	"business_points": "Number of business points {0} must be a whole number of at least 0",
}


class InvalidValue(ValueError):
	def __init__(self, field: str, value, message: str):
		super().__init__(message.format(value))
		self.field = field
		self.value = value
		self.message = message


def _fail(field: str, value, key: str):
	raise InvalidValue(field, value, MESSAGES[key])


def _normalised_text(value) -> str:
	return unicodedata.normalize("NFKC", str(value or ""))


# What people type between digit groups: "006.175.012.345", "0912-345-678", "006 175 012 345".
_GROUP_SEPARATORS = re.compile(r"[\s.\-]")


# Province-of-birth codes of the 63 provinces before the 2025 mergers; IDs already issued keep them.
CITIZEN_ID_PROVINCE_CODES = frozenset(
	"001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
	"035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
	"070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
# The 4th digit encodes gender and century: (0, 1) -> 1900s, (2, 3) -> 2000s, … (8, 9) -> 1800s.
_CENTURY_BY_DIGIT = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}


def citizen_id(value, today: datetime.date | None = None) -> str:
	digits = _GROUP_SEPARATORS.sub("", _normalised_text(value))
	if not re.fullmatch(r"[0-9]{12}", digits):
		_fail("citizen_id", value, "citizen_id_format")
	if digits[:3] not in CITIZEN_ID_PROVINCE_CODES:
		_fail("citizen_id", value, "citizen_id_province")
	birth_year = _CENTURY_BY_DIGIT[int(digits[3])] + int(digits[4:6])
	if birth_year > (today or datetime.date.today()).year:
		_fail("citizen_id", value, "citizen_id_future")
	return digits


_MOBILE_PATTERN = re.compile(r"0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}")


def _national_digits(value) -> str | None:
	"""The phone number in national form (0 + 9 or 10 digits), or None when it isn't one."""
	text = re.sub(r"[\s.\-()]", "", _normalised_text(value))
	if not re.fullmatch(r"\+?[0-9]+", text):
		return None
	# "00" is the international call prefix, written instead of "+": "0084 912 345 678".
	international = text.startswith(("+", "00"))
	digits = text.removeprefix("+") if text.startswith("+") else text.removeprefix("00")
	if digits.startswith("84") and len(digits) >= 11:
		# The country code replaces the trunk 0, which people often keep: "+84 0912…".
		digits = "0" + digits[2:].removeprefix("0")
	elif international:
		return None
	if len(digits) == 9 and not digits.startswith("0"):
		digits = "0" + digits
	return digits if re.fullmatch(r"0[0-9]{9,10}", digits) else None


def mobile_number(value) -> str:
	digits = _national_digits(value)
	if digits is None:
		_fail("mobile_number", value, "mobile_format")
	# Landlines are 02x + 8 digits (11 in all), so check the prefix before the length.
	if digits.startswith("02"):
		_fail("mobile_number", value, "mobile_landline")
	if len(digits) != 10:
		_fail("mobile_number", value, "mobile_format")
	if not _MOBILE_PATTERN.fullmatch(digits):
		_fail("mobile_number", value, "mobile_prefix")
	return digits


_TAX_CODE_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
PERSONAL_TAX_CODE_SINCE = datetime.date(2025, 7, 1)


def tax_code_check_digit(first_nine: str) -> int | None:
	"""The 10th digit of an enterprise tax code, or None when no digit can be valid.

	Worked examples (published codes):
	- Vietcombank 0100112437: 0*31+1*29+0*23+0*19+1*17+1*13+2*7+4*5+3*3 = 102, 102 mod 11 = 3,
	  10 - 3 = 7 ✓
	- Viettel 0100109106: 29+17+63+5 = 114, 114 mod 11 = 4, 10 - 4 = 6 ✓
	- FPT 0101248141: 29+19+34+52+56+5+12 = 207, 207 mod 11 = 9, 10 - 9 = 1 ✓
	"""
	total = sum(weight * int(digit) for weight, digit in zip(_TAX_CODE_WEIGHTS, first_nine, strict=True))
	check = 10 - total % 11
	return None if check == 10 else check


def _enterprise_code_is_valid(ten_digits: str) -> bool:
	return tax_code_check_digit(ten_digits[:9]) == int(ten_digits[9])


def tax_code(value, today: datetime.date | None = None) -> str:
	text = re.sub(r"\s", "", _normalised_text(value))
	if re.fullmatch(r"[0-9]{12}", text):
		if (today or datetime.date.today()) < PERSONAL_TAX_CODE_SINCE:
			_fail("tax_code", value, "tax_code_personal_too_early")
		try:
			return citizen_id(text, today=today)
		except InvalidValue as error:
			raise InvalidValue("tax_code", value, error.message) from error
	match = re.fullmatch(r"([0-9]{10})(?:-?([0-9]{3}))?", text)
	if not match:
		_fail("tax_code", value, "tax_code_format")
	main, branch = match.groups()
	if not _enterprise_code_is_valid(main):
		_fail("tax_code", value, "tax_code_check_digit")
	if branch is None:
		return main
	if branch == "000":
		_fail("tax_code", value, "tax_code_branch")
	return f"{main}-{branch}"


def bank_account_number(value) -> str:
	"""Account number as the bank knows it: separators people type removed, leading zeros kept.

	Letters are uppercased: banks treat alias and virtual account numbers case-insensitively.
	"""
	text = _GROUP_SEPARATORS.sub("", _normalised_text(value))
	if not re.fullmatch(r"[0-9A-Za-z]{6,19}", text):
		_fail("bank_account_number", value, "bank_account_format")
	return text.upper()


def market_class(business_points: int, permanent_building: bool) -> int:
	"""Market class under Decree 60/2024/ND-CP.

	Class 1: more than 400 business points in a permanent building; class 2: 200 to 400 in a
	permanent building; class 3: fewer than 200, or any market not in a permanent building.
	"""
	if isinstance(business_points, bool) or not isinstance(business_points, int) or business_points < 0:
		_fail("business_points", business_points, "business_points")
	if not permanent_building or business_points < 200:
		return 3
	return 1 if business_points > 400 else 2

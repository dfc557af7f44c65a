"""Short payment codes that travel in a VietQR purpose and come back in bank statements.

A code looks like "CHO7KM2QP5": the fixed prefix "CHO", six random body characters and one
check character, all from a 32-character alphabet without the look-alikes 0/O and 1/I.

Check character
---------------
Each character stands for its index in ALPHABET (A=0 … 9=31), read as an element of the
finite field GF(32) = GF(2)[x] / (x^5 + x^2 + 1). Body position i (1…6) is weighted by
alpha^i, where alpha = x (the integer 2) is a primitive element, so the weights are
2, 4, 8, 16, 5, 10. The check value is the field sum (XOR) of weight * value over the body;
equivalently the seven characters satisfy sum(w_i * v_i) = 0 with weight 1 on the check
character.

Why a field and not integer arithmetic mod 32: with plain "sum of w_i * v_i mod 32" every
weight must be odd to catch all substitutions, which makes every weight difference even, so
swapping two neighbours whose values differ by 16 goes unnoticed. In GF(32):
- a single substitution changes the sum by w_i * e with w_i != 0 and e != 0, never 0;
- swapping positions i and j changes it by (w_i + w_j) * (v_i + v_j), never 0 when the
  characters differ, because all seven weights (1, 2, 4, 8, 16, 5, 10) are distinct.
So every single-character substitution and every transposition (adjacent or not) within
the seven characters after "CHO" is detected.
"""

import re
import secrets
import unicodedata

PREFIX = "CHO"
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BODY_LENGTH = 6
CODE_LENGTH = len(PREFIX) + BODY_LENGTH + 1
PURPOSE_MAX_LENGTH = 25

_VALUE_OF = {char: index for index, char in enumerate(ALPHABET)}
# x^5 + x^2 + 1: irreducible and primitive over GF(2), so powers of x give distinct weights.
_FIELD_MODULUS = 0b100101
_BODY_WEIGHTS = (2, 4, 8, 16, 5, 10)
# Payers type the digit zero for the letter O. The body alphabet has neither, so "CH0" can
# only ever be a mistyped prefix. The lookahead finds overlapping starts ("CHOCHO…").
_TYPED_PREFIX = re.compile(r"(?=CH[O0])")


def _field_multiply(left: int, right: int) -> int:
	product = 0
	while right:
		if right & 1:
			product ^= left
		right >>= 1
		left <<= 1
		if left & 0b100000:
			left ^= _FIELD_MODULUS
	return product


def check_char(body: str) -> str:
	"""The check character for six body characters from ALPHABET."""
	if len(body) != BODY_LENGTH or any(char not in _VALUE_OF for char in body):
		raise ValueError(f"A payment code body must be {BODY_LENGTH} characters from {ALPHABET}")
	total = 0
	for weight, char in zip(_BODY_WEIGHTS, body, strict=True):
		total ^= _field_multiply(weight, _VALUE_OF[char])
	return ALPHABET[total]


def new_code(rng=secrets) -> str:
	"""A fresh random code; `rng` needs a `choice` method (secrets, random.Random)."""
	body = "".join(rng.choice(ALPHABET) for _ in range(BODY_LENGTH))
	return PREFIX + body + check_char(body)


def is_valid_code(code: str) -> bool:
	"""True for a code in canonical form (uppercase, no separators) with a correct check char."""
	if not isinstance(code, str) or len(code) != CODE_LENGTH or not code.startswith(PREFIX):
		return False
	body, check = code[len(PREFIX) : -1], code[-1]
	if any(char not in _VALUE_OF for char in code[len(PREFIX) :]):
		return False
	return check_char(body) == check


def strip_diacritics(text: str) -> str:
	# Đ/đ is a letter of its own, not D plus a combining mark, so NFD leaves it alone.
	text = text.replace("Đ", "D").replace("đ", "d")
	decomposed = unicodedata.normalize("NFD", text)
	return "".join(char for char in decomposed if not unicodedata.combining(char))


def compact(text: str) -> str:
	"""Uppercase ASCII letters and digits only: the form in which banks can't disturb a code."""
	folded = strip_diacritics(text or "").upper()
	return "".join(char for char in folded if char.isascii() and char.isalnum())


def find_codes(description: str) -> list[str]:
	"""Every distinct valid code in a bank description, in canonical form, in order of appearance.

	Banks uppercase, fold diacritics, insert spaces (even inside words) and glue their own
	prefixes and suffixes to the content, so the search runs on the compacted text and tries
	every "CHO" (or "CH0", typed with a zero): a prefix ending in "CHO" or the Vietnamese word
	"cho" before the code only adds candidates that fail the check.
	"""
	text = compact(description)
	found = []
	for match in _TYPED_PREFIX.finditer(text):
		start = match.start() + len(PREFIX)
		candidate = PREFIX + text[start : start + CODE_LENGTH - len(PREFIX)]
		if is_valid_code(candidate) and candidate not in found:
			found.append(candidate)
	return found


def purpose_for(code: str, period_label: str) -> str:
	"""The transfer purpose for a bill, e.g. "CHO7KM2QP5 T11.2026".

	ASCII only and at most 25 characters, because some banking apps drop diacritics or cut
	longer purposes; the code comes first so a cut never loses it.
	"""
	if not is_valid_code(code):
		raise ValueError(f"{code!r} is not a valid payment code")
	label = strip_diacritics(period_label or "")
	# Other punctuation becomes a space so "11/2026" stays readable as "11 2026".
	label = "".join(char if char.isascii() and (char.isalnum() or char in ".-") else " " for char in label)
	label = " ".join(label.split())
	purpose = f"{code} {label}" if label else code
	return purpose[:PURPOSE_MAX_LENGTH].rstrip()

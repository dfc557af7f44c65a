"""Amounts in Vietnamese words, as written on invoices and receipts ("bằng chữ").

	>>> amount_in_words(1250000)
	'Một triệu hai trăm năm mươi nghìn đồng'

Variant: one register, used throughout, the formal northern one:
- "nghìn" (not "ngàn"): of the worked examples in shared/data/amount_in_words_vi.json that
  have a thousands word, five say "nghìn" and two "ngàn";
- "linh" (not "lẻ"): the examples are split one to one, so this follows "nghìn" into the same
  northern register, as the json's own rules do (101, 105, 1.005.000 with "linh");
- "tư" for a final 4 after "mươi" (24 "hai mươi tư"), the form the json's rule illustrates;
  after "mười" it stays "bốn" (14 "mười bốn");
- "tỷ" (not "tỉ").

Every non-leading 3-digit group is read in full ("một nghìn không trăm linh một"), as formal
documents require; groups of 000 are skipped. Above 10^9 the scales stack on "tỷ":
10^12 "nghìn tỷ", 10^15 "triệu tỷ", 10^18 "tỷ tỷ". No "chẵn" and no final full stop.
"""

import argparse
import re
import sys

DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
# Spelling of a final digit after "mươi" (tens 2-9): 21 hai mươi mốt, 24 hai mươi tư, 25 ... lăm.
UNIT_AFTER_MUOI = {1: "mốt", 4: "tư", 5: "lăm"}
# After "mười" only 5 changes: 11 mười một, 14 mười bốn, 15 mười lăm.
UNIT_AFTER_MUOI_10 = {5: "lăm"}
GROUP_SCALES = ["triệu", "nghìn", ""]
BILLION = 10**9
CURRENCY = "đồng"


def _require_int(n: int) -> None:
	# bool is an int subclass; floats would hide a rounding decision the caller has to make.
	if isinstance(n, bool) or not isinstance(n, int):
		raise TypeError(f"amount must be an int, not {type(n).__name__}")


def _read_tens_and_units(tens: int, units: int, after_hundreds: bool) -> list[str]:
	if tens == 0:
		if not units:
			return []
		return ["linh", DIGIT_WORDS[units]] if after_hundreds else [DIGIT_WORDS[units]]
	if tens == 1:
		words = ["mười"]
		unit_words = UNIT_AFTER_MUOI_10
	else:
		words = [DIGIT_WORDS[tens], "mươi"]
		unit_words = UNIT_AFTER_MUOI
	if units:
		words.append(unit_words.get(units, DIGIT_WORDS[units]))
	return words


def _read_group(group: int, in_full: bool) -> str:
	"""Read 1-999; ``in_full`` says "không trăm" when the hundreds digit is 0 (4065, 1001)."""
	hundreds, tens, units = group // 100, group // 10 % 10, group % 10
	words = []
	if hundreds or in_full:
		words += [DIGIT_WORDS[hundreds], "trăm"]
	words += _read_tens_and_units(tens, units, after_hundreds=bool(words))
	return " ".join(words)


def _read_below_billion(block: int, leading: bool) -> str:
	groups = [block // 1_000_000, block // 1000 % 1000, block % 1000]
	words = []
	for group, scale in zip(groups, GROUP_SCALES, strict=True):
		if group == 0:
			continue
		words.append(_read_group(group, in_full=not leading))
		if scale:
			words.append(scale)
		leading = False
	return " ".join(words)


def _read_positive(n: int) -> str:
	# Split into blocks of 10^9 so that "tỷ" is said once per block (2.000.005 tỷ is
	# "hai triệu không trăm linh năm tỷ", not "hai triệu tỷ không trăm linh năm tỷ").
	blocks = []
	while n:
		n, block = divmod(n, BILLION)
		blocks.append(block)
	words = []
	leading = True
	for power in reversed(range(len(blocks))):
		if blocks[power] == 0:
			continue
		words.append(_read_below_billion(blocks[power], leading))
		words += ["tỷ"] * power
		leading = False
	return " ".join(words)


def number_in_words(n: int) -> str:
	"""Lowercase reading of a whole number without the currency: 1001 → "một nghìn không trăm linh một"."""
	_require_int(n)
	if n == 0:
		return DIGIT_WORDS[0]
	reading = _read_positive(abs(n))
	return f"âm {reading}" if n < 0 else reading


def amount_in_words(n: int) -> str:
	"""Formal Vietnamese words for ``n`` VND: capitalised, ending in "đồng"; negatives start "Âm"."""
	reading = number_in_words(n)
	return f"{reading[0].upper()}{reading[1:]} {CURRENCY}"


def _whole_number(text: str) -> int:
	if not re.fullmatch(r"-?[0-9]+", text.strip()):
		raise argparse.ArgumentTypeError(f"not a whole number of VND: {text!r}")
	return int(text)


def main(argv: list[str] | None = None) -> int:
	parser = argparse.ArgumentParser(
		prog="python -m cho40.amount_words", description="Print an amount of VND in Vietnamese words."
	)
	parser.add_argument("amount", type=_whole_number, help="whole VND, e.g. 1250000 or -100")
	args = parser.parse_args(argv)
	print(amount_in_words(args.amount))
	return 0


if __name__ == "__main__":
	sys.exit(main())

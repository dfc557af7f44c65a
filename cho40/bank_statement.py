"""Read Vietnamese bank statement exports (.xlsx, .xls, CSV, HTML saved as .xls) into rows.

Layouts differ per bank and per export version (see shared/data/vn_bank_statement_layouts.json):
preambles of 6 to 35 rows, bilingual headers with line breaks, merged grids, text amounts with
either separator, footers with totals. So the header row is found by its content, columns by
their normalised header text, and the table ends at the first footer row.

Messages (RowError.message, StatementFormatError.message) are English templates with "{0}" for
the offending value, kept in MESSAGES for a translation layer.
"""

import codecs
import csv
import datetime
import functools
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import PurePath

import openpyxl
import xlrd

from cho40.payment_code import compact, strip_diacritics

MESSAGES = {
	"amount_invalid": "Amount {0} is not a number",
	"amount_fraction": "Amount {0} has a fraction of a dong",
	"amount_ambiguous": "Amount {0} mixes '.' and ',' so that its value is ambiguous",
	"credit_negative": "Credit amount {0} is negative",
	"sign_invalid": "Sign {0} is neither '+' nor '-'",
	"date_invalid": "Date {0} is not a date in the form dd/mm/yyyy",
	"file_type": "File {0} is not an Excel (.xlsx, .xls) or CSV bank statement",
	"file_pdf": "File {0} is a PDF; please export the statement from internet banking as Excel",
	"file_xlsx_unreadable": "File {0} could not be opened as an Excel .xlsx workbook",
	"file_xls_unreadable": "File {0} could not be opened as an old Excel .xls workbook (xlrd)",
	"file_no_header": "No table header with a date column and an amount column was found in {0}",
}

HEADER_SEARCH_ROWS = 60
# Merged grids (Techcombank personal) may put a value up to two columns right of its header.
MAX_VALUE_OFFSET = 2


@dataclass
class StatementRow:
	row_number: int
	posted_on: datetime.date
	description: str
	credit: int
	debit: int
	reference: str | None = None
	balance: int | None = None


@dataclass
class RowError:
	row_number: int
	field: str
	value: str
	message: str

	@property
	def text(self) -> str:
		return self.message.format(self.value)


@dataclass
class ParseResult:
	rows: list[StatementRow]
	errors: list[RowError]
	header_row: int = 0
	columns: dict[str, int] = field(default_factory=dict)
	sheet: str | None = None


class StatementValueError(ValueError):
	"""One cell that can't be read; becomes a RowError."""

	def __init__(self, key: str, value):
		self.message = MESSAGES[key]
		self.value = "" if value is None else str(value)
		super().__init__(self.message.format(self.value))


class StatementFormatError(ValueError):
	"""The file as a whole can't be read as a statement."""

	def __init__(self, key: str, filename: str):
		self.message = MESSAGES[key]
		self.value = filename
		super().__init__(self.message.format(filename))


# ---------------------------------------------------------------- amounts

_CURRENCY = re.compile(r"^(?:vnd|vnđ|đ|₫)\s*|\s*(?:vnd|vnđ|đ|₫)$", re.IGNORECASE)
_DASHES = {"-", "–", "—"}


def parse_amount(value) -> int:
	"""Whole VND from an Excel number or a text amount in any Vietnamese bank's notation."""
	if value is None:
		return 0
	if isinstance(value, bool):
		raise StatementValueError("amount_invalid", value)
	if isinstance(value, int):
		return value
	if isinstance(value, float | Decimal):
		return _whole_number(value)
	return _parse_amount_text(str(value))


def _whole_number(number) -> int:
	# Excel stores VND as binary floats; anything beyond float noise is a real fraction.
	try:
		rounded = round(number)
	except (ValueError, OverflowError, InvalidOperation) as error:
		raise StatementValueError("amount_invalid", number) from error
	if abs(number - rounded) > Decimal("0.000001"):
		raise StatementValueError("amount_fraction", number)
	return int(rounded)


def _parse_amount_text(original: str) -> int:
	text = unicodedata.normalize("NFKC", original).strip()
	if not text or text in _DASHES:
		return 0
	negative = text.startswith("(") and text.endswith(")")
	text = _CURRENCY.sub("", text.strip("()")).strip()
	if text[:1] in ("+", "-", "−"):
		negative = negative != (text[0] != "+")
		text = text[1:]
	# Spaces and apostrophes only ever group thousands.
	digits = re.sub(r"[\s']", "", text)
	if not re.fullmatch(r"\d+(?:[.,]\d+)*", digits):
		raise StatementValueError("amount_invalid", original)
	integer_text, fraction = _split_decimal(digits, original)
	if fraction.strip("0"):
		raise StatementValueError("amount_fraction", original)
	amount = int(_remove_thousands(integer_text, original))
	return -amount if negative else amount


def _split_decimal(digits: str, original: str) -> tuple[str, str]:
	"""Split off a decimal part: "1.500.000,00" -> ("1.500.000", "00"), "1,500" -> ("1,500", "")."""
	separators = re.sub(r"\d", "", digits)
	if not separators:
		return digits, ""
	last_position = max(digits.rfind("."), digits.rfind(","))
	last, tail = digits[last_position], digits[last_position + 1 :]
	if len(set(separators)) == 2:
		# Both kinds: the last is the decimal mark, unless it looks like a thousands group too.
		if separators.count(last) > 1 or len(tail) == 3:
			raise StatementValueError("amount_ambiguous", original)
		return digits[:last_position], tail
	if separators.count(last) > 1 or len(tail) == 3:
		return digits, ""
	return digits[:last_position], tail


def _remove_thousands(integer_text: str, original: str) -> str:
	groups = re.split(r"[.,]", integer_text)
	if len(groups) > 1 and (len(groups[0]) > 3 or any(len(group) != 3 for group in groups[1:])):
		raise StatementValueError("amount_invalid", original)
	return "".join(groups)


# ---------------------------------------------------------------- dates

_DATE_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_TIME = re.compile(r"(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?!\d)")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers outside 1970..2099 are not statement dates but some other number.
_EXCEL_SERIAL_RANGE = (25569, 73050)


def parse_date(value) -> datetime.date:
	"""A statement date: Excel date/serial, dd/mm/yyyy[ HH:MM[:SS]], dd-mm-yyyy, dd/mm/yy or ISO."""
	return _split_date(value)[0]


def _split_date(value) -> tuple[datetime.date, str]:
	"""The date at the start of a cell and the text after it (VCB puts the document number there)."""
	if isinstance(value, datetime.datetime):
		return value.date(), ""
	if isinstance(value, datetime.date):
		return value, ""
	if isinstance(value, int | float) and not isinstance(value, bool):
		return _date_from_serial(value), ""
	text = unicodedata.normalize("NFKC", str(value or "")).strip()
	match = _DATE_YMD.match(text)
	if match:
		year, month, day = match.groups()
	else:
		match = _DATE_DMY.match(text)
		if not match:
			raise StatementValueError("date_invalid", value)
		day, month, year = match.groups()
	posted_on = _make_date(year, month, day, value)
	rest = text[match.end() :]
	time_match = _TIME.match(rest)
	if time_match:
		rest = rest[time_match.end() :]
	return posted_on, rest.strip(" \t\r\n/|-")


def _make_date(year: str, month: str, day: str, original) -> datetime.date:
	full_year = int(year) + 2000 if len(year) == 2 else int(year)
	try:
		return datetime.date(full_year, int(month), int(day))
	except ValueError as error:
		raise StatementValueError("date_invalid", original) from error


def _date_from_serial(serial: float) -> datetime.date:
	if not _EXCEL_SERIAL_RANGE[0] <= serial <= _EXCEL_SERIAL_RANGE[1]:
		raise StatementValueError("date_invalid", serial)
	return _EXCEL_EPOCH + datetime.timedelta(days=int(serial))


# ---------------------------------------------------------------- reading files into grids


def _file_kind(filename: str, content: bytes) -> str:
	if content.startswith(b"PK\x03\x04"):
		return "xlsx"
	if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return "xls"
	if content.startswith(b"%PDF"):
		raise StatementFormatError("file_pdf", filename)
	if _looks_like_html(content):
		return "html"
	extension = PurePath(filename or "").suffix.lower()
	kinds = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".csv": "csv", ".txt": "csv", ".tsv": "csv"}
	if extension not in kinds:
		raise StatementFormatError("file_type", filename)
	return kinds[extension]


def _looks_like_html(content: bytes) -> bool:
	# Some banks (an old Vietcombank template) save an HTML table under a .xls name.
	head = content[:2048].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
	return head.startswith(b"<") and (b"<table" in content[:65536].lower() or b"<html" in head)


def _read_grids(filename: str, content: bytes) -> list[tuple[str, list[list]]]:
	readers = {"xlsx": _xlsx_grids, "xls": _xls_grids, "html": _html_grids, "csv": _csv_grids}
	return readers[_file_kind(filename, content)](filename, content)


def _xlsx_grids(filename: str, content: bytes) -> list[tuple[str, list[list]]]:
	try:
		workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
	except Exception as error:
		raise StatementFormatError("file_xlsx_unreadable", filename) from error
	try:
		grids = []
		for sheet in workbook.worksheets:
			# Some exporters write a wrong <dimension>, which would make read-only mode cut columns.
			sheet.reset_dimensions()
			grids.append((sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]))
		return grids
	finally:
		workbook.close()


def _xls_grids(filename: str, content: bytes) -> list[tuple[str, list[list]]]:
	try:
		book = xlrd.open_workbook(file_contents=content)
	except Exception as error:
		raise StatementFormatError("file_xls_unreadable", filename) from error
	return [(sheet.name, _xls_sheet_grid(sheet, book.datemode)) for sheet in book.sheets()]


def _xls_sheet_grid(sheet, datemode: int) -> list[list]:
	return [
		[_xls_value(sheet.cell(row, column), datemode) for column in range(sheet.ncols)]
		for row in range(sheet.nrows)
	]


def _xls_value(cell, datemode: int):
	if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
		return None
	if cell.ctype == xlrd.XL_CELL_DATE:
		try:
			return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
		except (ValueError, OverflowError, xlrd.xldate.XLDateError):
			return cell.value
	return cell.value


def _decode_text(content: bytes) -> str:
	if content.startswith(codecs.BOM_UTF8):
		text = content.decode("utf-8-sig")
	elif content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
		text = content.decode("utf-16")
	elif content[:4000].count(0) > len(content[:4000]) // 4:
		# UTF-16 without a BOM: ASCII characters have their zero byte second (LE) or first (BE).
		sample = content[:4000]
		little_endian = sample[1::2].count(0) >= sample[0::2].count(0)
		text = content.decode("utf-16-le" if little_endian else "utf-16-be", errors="replace")
	else:
		try:
			text = content.decode("utf-8")
		except UnicodeDecodeError:
			text = content.decode("cp1258", errors="replace")
	# cp1258 and some exporters write tone marks as combining characters.
	return unicodedata.normalize("NFC", text)


def _csv_grids(filename: str, content: bytes) -> list[tuple[str, list[list]]]:
	"""One grid per plausible delimiter; the header search then picks the one that fits."""
	text = _decode_text(content)
	delimiters = [",", ";", "\t"]
	try:
		sniffed = csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
		delimiters.remove(sniffed)
		delimiters.insert(0, sniffed)
	except csv.Error:
		pass
	return [
		(f"csv {delimiter!r}", list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
		for delimiter in delimiters
	]


class _TableCollector(HTMLParser):
	def __init__(self):
		super().__init__(convert_charrefs=True)
		self.rows: list[list] = []
		self._cell: list[str] | None = None
		self._colspan = 1

	def handle_starttag(self, tag, attrs):
		if tag == "tr":
			self.rows.append([])
		elif tag in ("td", "th"):
			self._close_cell()
			self._cell = []
			span = dict(attrs).get("colspan") or "1"
			self._colspan = int(span) if span.isdigit() else 1
		elif tag == "br" and self._cell is not None:
			self._cell.append("\n")

	def handle_endtag(self, tag):
		if tag in ("td", "th", "tr"):
			self._close_cell()

	def handle_data(self, data):
		if self._cell is not None:
			self._cell.append(data)

	def _close_cell(self):
		if self._cell is None:
			return
		if not self.rows:
			self.rows.append([])
		text = "".join(self._cell).strip()
		# A colspan cell behaves like a merged Excel cell: value first, blanks after.
		self.rows[-1].extend([text or None] + [None] * (self._colspan - 1))
		self._cell = None


def _html_grids(filename: str, content: bytes) -> list[tuple[str, list[list]]]:
	collector = _TableCollector()
	collector.feed(_decode_text(content))
	collector.close()
	return [("html", collector.rows)]


# ---------------------------------------------------------------- header matching


def _normalise(value) -> str:
	text = strip_diacritics(unicodedata.normalize("NFC", str(value))).lower()
	return " ".join(text.split())


# Written as they appear in statements; normalised below. Earlier entries are preferred when
# several columns match the same field (e.g. transaction date before effective date).
_FIELD_SYNONYMS = {
	"date": [
		"ngày giao dịch", "transaction date", "tnx date", "trans date", "txn date", "ngày gd",
		"ngày hạch toán", "accounting date", "posting date", "booking date",
		"ngày hiệu lực", "effective date", "efd date", "value date", "ngày giá trị",
		"thời gian giao dịch", "thời gian chuyển khoản", "thời gian", "ngày", "date", "ngày tháng",
		"ngày kh thực hiện", "requesting date",
	],
	"credit": [
		"số tiền ghi có", "ghi có", "phát sinh có", "credit amount", "credit", "tiền gửi vào",
		"gửi vào", "tiền vào", "số tiền vào", "có", "cr", "tiền thu", "số tiền thu", "thu",
	],
	"debit": [
		"số tiền ghi nợ", "ghi nợ", "phát sinh nợ", "debit amount", "debit", "tiền rút ra",
		"rút ra", "tiền ra", "số tiền ra", "nợ", "dr", "tiền chi", "số tiền chi", "chi",
	],
	"amount": ["số tiền", "amount", "số tiền giao dịch", "transaction amount", "giá trị", "value"],
	"balance": ["số dư", "balance", "số dư tk", "account balance", "running balance"],
	"description": [
		"nội dung chi tiết", "transactions in detail", "nội dung giao dịch", "mô tả giao dịch",
		"transaction description", "diễn giải", "txn description", "nội dung", "mô tả",
		"description", "details", "transaction detail", "transaction details", "chi tiết giao dịch",
		"nội dung chuyển khoản", "ghi chú", "remark", "remarks", "narrative", "content",
	],
	"reference": [
		"số tham chiếu", "reference", "reference number", "reference no", "ref no", "ref",
		"số bút toán", "bút toán", "transaction no", "số giao dịch", "transaction number",
		"số chứng từ", "số chứng từ seq no", "seq no", "mã giao dịch", "trans code",
		"transaction id", "mã gd", "số gd", "số ct", "doc no", "trace",
	],
}  # fmt: skip
_SYNONYMS = {name: [_normalise(text) for text in texts] for name, texts in _FIELD_SYNONYMS.items()}
_SIGN_HEADERS = frozenset("+/- -/+ +- thaydoi dau sign no/co co/no d/c c/d dr/cr cr/dr".split())
_SEQUENCE_HEADERS = ("stt", "so thu tu")
_EXACT, _CONTAINED = 1000, 100


def _header_parts(value) -> list[str]:
	"""'Số tiền ghi có/\\nCredit' -> ['so tien ghi co', 'credit']; 'Ngày1/…' loses its footnote 1."""
	text = _normalise(value)
	# "(+/-)" or "Thay đổi (+/-)" is a sign column; "Số tiền (+/-)" is a signed amount column.
	squeezed = text.replace(" ", "").replace("(+/-)", "+/-")
	if squeezed in _SIGN_HEADERS or squeezed.removesuffix("+/-") in _SIGN_HEADERS | {""}:
		return ["+/-"]
	parts = []
	for piece in re.split(r"[/()\[\]]", text):
		piece = re.sub(r"[.:_*]", " ", piece)
		piece = re.sub(r"(?<=[a-z])\d+\b", "", piece)
		piece = " ".join(piece.split())
		if piece:
			parts.append(piece)
	return parts


def _synonym_matchers(synonyms: list[str]) -> list[tuple[str, re.Pattern | None, int]]:
	"""(synonym, pattern for a whole-word match inside a longer header or None, preference)."""
	return [
		(
			synonym,
			re.compile(rf"(?<![a-z]){re.escape(synonym)}(?![a-z])") if " " in synonym else None,
			len(synonyms) - index,
		)
		for index, synonym in enumerate(synonyms)
	]


_MATCHERS = {name: _synonym_matchers(synonyms) for name, synonyms in _SYNONYMS.items()}


def _part_score(part: str, field_name: str) -> int:
	best = 0
	for synonym, pattern, preference in _MATCHERS[field_name]:
		if part == synonym:
			best = max(best, _EXACT + preference)
		elif pattern is not None and pattern.search(part):
			best = max(best, _CONTAINED + preference)
	return best


@functools.lru_cache(maxsize=2048)
def _column_scores(parts: tuple[str, ...], field_name: str) -> int:
	"""Best synonym match; a bilingual header matching in both languages wins ties."""
	scores = [_part_score(part, field_name) for part in parts]
	matched = sum(1 for score in scores if score)
	return max(scores, default=0) * 10 + min(matched, 9)


@dataclass
class _Layout:
	header_index: int
	columns: dict[str, int]
	date_columns: list[int]
	spans: dict[int, range]
	score: tuple[int, int]


def _layout_for_row(cells: list, header_index: int) -> _Layout | None:
	headers = {
		column: tuple(_header_parts(value))
		for column, value in enumerate(cells)
		if _has_text(value) and not isinstance(value, int | float | datetime.date)
	}
	headers = {column: parts for column, parts in headers.items() if parts and not _is_sequence(parts)}
	if not headers:
		return None
	columns, date_columns, total = _assign_columns(headers)
	if "date" not in columns or not {"credit", "debit", "amount"} & columns.keys():
		return None
	header_columns = [column for column, value in enumerate(cells) if _has_text(value)]
	spans = _value_spans(header_columns, columns.values(), date_columns)
	return _Layout(header_index, columns, date_columns, spans, (len(columns), total))


def _is_sequence(parts: tuple[str, ...]) -> bool:
	return any(part.startswith(_SEQUENCE_HEADERS) for part in parts)


def _assign_columns(headers: dict[int, tuple[str, ...]]) -> tuple[dict[str, int], list[int], int]:
	taken: set[int] = set()
	columns: dict[str, int] = {}
	total = 0

	def ranked(field_name: str) -> list[tuple[int, int]]:
		scored = [(_column_scores(parts, field_name), column) for column, parts in headers.items()]
		return sorted(
			((score, column) for score, column in scored if score and column not in taken),
			key=lambda item: (-item[0], item[1]),
		)

	date_candidates = ranked("date")
	date_columns = [column for _, column in date_candidates]
	taken.update(date_columns)
	if date_candidates:
		columns["date"] = date_columns[0]
		total += date_candidates[0][0]
	sign_columns = [column for column, parts in headers.items() if parts == ("+/-",)]
	for field_name in ("credit", "debit", "amount", "balance", "description", "reference"):
		if field_name == "amount" and {"credit", "debit"} & columns.keys():
			continue
		candidates = ranked(field_name)
		if candidates:
			score, column = candidates[0]
			columns[field_name] = column
			taken.add(column)
			total += score
	if "amount" in columns and sign_columns:
		columns["sign"] = sign_columns[0]
	return columns, date_columns, total


def _value_spans(header_columns: list[int], *column_groups) -> dict[int, range]:
	"""Cells that may hold a column's value: from its header up to the next header, at most +2."""
	spans = {}
	for group in column_groups:
		for column in group:
			limit = column + MAX_VALUE_OFFSET + 1
			stop = min([other for other in header_columns if other > column] + [limit])
			spans[column] = range(column, stop)
	return spans


def _find_layout(grid: list[list]) -> _Layout | None:
	best = None
	for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
		layout = _layout_for_row(cells, index)
		if layout and (best is None or layout.score > best.score):
			best = layout
	return best


# ---------------------------------------------------------------- data rows


def _has_text(value) -> bool:
	return value is not None and (not isinstance(value, str) or value.strip() != "")


def _cell_text(value) -> str:
	if value is None:
		return ""
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	text = unicodedata.normalize("NFC", str(value))
	return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _first_value(cells: list, span: range):
	for column in span:
		if column < len(cells) and _has_text(cells[column]):
			return cells[column]
	return None


# Totals and closing balance end the table (MB "TỔNG TIỀN", VCB "Tổng số/Total", "Cộng doanh số").
_FOOTER = re.compile(
	r"^(tong(?! (cong ty|cty|cuc))|total|cong(\s*$|\s*[:/]|\s+(doanh so|phat sinh))|so du cuoi|"
	r"closing balance|ending balance)"
)
# Disclaimers and page furniture repeat on every page of a converted PDF: skip, don't stop.
_BOILERPLATE = re.compile(
	r"^((trang|page)\b.*\d|chung tu nay|this document|phieu nay|this paper|ngay gio in|nguoi in|"
	r"thoi gian in|printed|tu ngay|luu y|note|postal address|telex|swift|website)"
)


def _is_footer(cells: list) -> bool:
	return any(_FOOTER.match(_normalise(value)) for value in cells if _has_text(value))


def _is_boilerplate(cells: list) -> bool:
	return any(_BOILERPLATE.match(_normalise(value)) for value in cells if _has_text(value))


@dataclass
class _Money:
	credit: int = 0
	debit: int = 0
	balance: int | None = None
	errors: list[tuple[str, StatementValueError]] = field(default_factory=list)

	@property
	def is_zero(self) -> bool:
		return not self.errors and self.credit == 0 and self.debit == 0


class _RowReader:
	"""Reads one grid row through a layout."""

	def __init__(self, layout: _Layout):
		self.layout = layout

	def value(self, cells: list, field_name: str):
		column = self.layout.columns.get(field_name)
		return None if column is None else _first_value(cells, self.layout.spans[column])

	def date_value(self, cells: list):
		# A blank in the preferred date column falls back to the next date column.
		for column in self.layout.date_columns:
			value = _first_value(cells, self.layout.spans[column])
			if value is not None:
				return value
		return None

	def description(self, cells: list) -> str:
		column = self.layout.columns.get("description")
		if column is None:
			return ""
		texts = [_cell_text(cells[index]) for index in self.layout.spans[column] if index < len(cells)]
		return " ".join(text for text in texts if text)

	def is_description_only(self, cells: list) -> bool:
		column = self.layout.columns.get("description")
		used = [index for index, value in enumerate(cells) if _has_text(value)]
		return column is not None and bool(used) and all(index in self.layout.spans[column] for index in used)

	def money(self, cells: list) -> _Money:
		money = _Money()
		if {"credit", "debit"} & self.layout.columns.keys():
			self._read_credit_debit(cells, money)
		else:
			self._read_signed_amount(cells, money)
		if "balance" in self.layout.columns:
			money.balance = self._amount(cells, "balance", money)
		return money

	def _amount(self, cells: list, field_name: str, money: _Money) -> int | None:
		raw = self.value(cells, field_name)
		if raw is None:
			return None
		try:
			return parse_amount(raw)
		except StatementValueError as error:
			money.errors.append((field_name, error))
			return None

	def _read_credit_debit(self, cells: list, money: _Money):
		credit = self._amount(cells, "credit", money) or 0
		if credit < 0:
			error = StatementValueError("credit_negative", self.value(cells, "credit"))
			money.errors.append(("credit", error))
		money.credit = max(credit, 0)
		# Techcombank business shows debits as negative numbers, other banks as positive.
		money.debit = abs(self._amount(cells, "debit", money) or 0)

	def _read_signed_amount(self, cells: list, money: _Money):
		amount = self._amount(cells, "amount", money) or 0
		if "sign" in self.layout.columns and amount:
			sign = _sign_of(self.value(cells, "sign"))
			if sign is None:
				money.errors.append(("sign", StatementValueError("sign_invalid", self.value(cells, "sign"))))
			else:
				amount = sign * abs(amount)
		money.credit, money.debit = (amount, 0) if amount >= 0 else (0, -amount)


def _sign_of(value) -> int | None:
	text = _normalise(value or "").replace(" ", "")
	if text in ("+", "c", "cr", "co", "credit"):
		return 1
	if text in ("-", "d", "dr", "no", "debit"):
		return -1
	return None


def _reference_text(value) -> str | None:
	text = _cell_text(value)
	return text or None


class _GridParser:
	"""Walks the rows under the header: data rows, fill-downs, continuation lines, footer."""

	def __init__(self, grid: list[list], layout: _Layout):
		self.grid = grid
		self.layout = layout
		self.reader = _RowReader(layout)
		self.rows: list[StatementRow] = []
		self.errors: list[RowError] = []
		self.last_date: datetime.date | None = None
		self.previous_was_data = False

	def parse(self):
		for index in range(self.layout.header_index + 1, len(self.grid)):
			cells = self.grid[index]
			if not any(_has_text(value) for value in cells):
				continue
			if self._handle(index + 1, cells) == "end":
				break

	def _handle(self, row_number: int, cells: list) -> str:
		raw_date = self.reader.date_value(cells)
		try:
			posted_on, date_rest = _split_date(raw_date)
		except StatementValueError as error:
			return self._handle_undated(row_number, cells, raw_date, error)
		self.last_date = posted_on
		return self._add_row(row_number, cells, posted_on, date_rest)

	def _handle_undated(self, row_number: int, cells: list, raw_date, error: StatementValueError) -> str:
		if _is_footer(cells):
			return "end"
		was_data, self.previous_was_data = self.previous_was_data, False
		# Before the first transaction: sub-headers, "Số dư đầu kỳ" rows.
		if self.last_date is None:
			return "skip"
		# A header repeated on every page of a converted PDF has header text in the date column.
		if raw_date is not None and _layout_for_row(cells, 0):
			return "skip"
		money = self.reader.money(cells)
		if money.is_zero:
			if raw_date is None and was_data and self._is_continuation(cells):
				self._continue_description(cells)
			return "skip"
		if raw_date is None:
			# VietinBank leaves the date blank on some rows of the same day.
			return self._add_row(row_number, cells, self.last_date, "")
		self._record_errors(row_number, [("date", error), *money.errors])
		return "error"

	def _is_continuation(self, cells: list) -> bool:
		# Page furniture of a converted PDF may land in the description column too.
		return self.reader.is_description_only(cells) and not _is_boilerplate(cells)

	def _add_row(self, row_number: int, cells: list, posted_on: datetime.date, date_rest: str) -> str:
		self.previous_was_data = False
		money = self.reader.money(cells)
		if money.errors:
			self._record_errors(row_number, money.errors)
			return "error"
		if money.credit == 0 and money.debit == 0:
			return "skip"
		reference = _reference_text(self.reader.value(cells, "reference"))
		if "reference" not in self.layout.columns:
			# Vietcombank writes the document number in the date cell: "04/08/2026\n5285 - 82284".
			reference = _reference_text(date_rest)
		self.rows.append(
			StatementRow(
				row_number=row_number,
				posted_on=posted_on,
				description=self.reader.description(cells),
				credit=money.credit,
				debit=money.debit,
				reference=reference,
				balance=money.balance,
			)
		)
		self.previous_was_data = True
		return "row"

	def _continue_description(self, cells: list):
		last = self.rows[-1]
		last.description = f"{last.description} {self.reader.description(cells)}".strip()
		self.previous_was_data = True

	def _record_errors(self, row_number: int, errors: list[tuple[str, StatementValueError]]):
		for field_name, error in errors:
			self.errors.append(RowError(row_number, field_name, error.value, error.message))


def parse_statement(filename: str, content: bytes) -> ParseResult:
	"""Parse a statement export into rows (file order kept) and per-row errors."""
	best = None
	for sheet, grid in _read_grids(filename, content):
		layout = _find_layout(grid)
		if layout and (best is None or layout.score > best[2].score):
			best = (sheet, grid, layout)
	if best is None:
		raise StatementFormatError("file_no_header", filename)
	sheet, grid, layout = best
	parser = _GridParser(grid, layout)
	parser.parse()
	return ParseResult(
		rows=parser.rows,
		errors=parser.errors,
		header_row=layout.header_index + 1,
		columns=dict(layout.columns),
		sheet=sheet,
	)


# ---------------------------------------------------------------- dedupe


def row_fingerprint(row: StatementRow, account: str) -> str:
	"""Stable identity of a statement row for one account, to recognise re-imports.

	The bank's reference identifies a transaction on its own; without one the description is
	compared in compacted form so that spacing and wrapping differences between exports
	(.xls vs .xlsx, MB's hard wraps) don't make the same row look new.
	"""
	common = [compact(account), row.posted_on.isoformat(), str(row.credit), str(row.debit)]
	if row.reference:
		parts = ["ref", *common, compact(row.reference)]
	else:
		parts = ["row", *common, compact(row.description)]
	return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def dedupe_keys(rows: list[StatementRow], account: str) -> list[str]:
	"""One key per row; the n-th (n >= 2) identical row in a file gets "#n" appended.

	Two genuine identical transfers in one file stay distinct, and importing the same file
	again yields the same keys.
	"""
	seen: dict[str, int] = {}
	keys = []
	for row in rows:
		fingerprint = row_fingerprint(row, account)
		seen[fingerprint] = seen.get(fingerprint, 0) + 1
		count = seen[fingerprint]
		keys.append(fingerprint if count == 1 else f"{fingerprint}#{count}")
	return keys

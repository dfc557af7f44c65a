"""Statement parsing against the layouts in shared/data/vn_bank_statement_layouts.json.

Every workbook here is built in the test with the preamble, header row and footer that the
layouts file describes; expected rows are written out by hand.
"""

import csv
import datetime
import io
import json
import struct
import unicodedata
import unittest
from unittest import mock

import openpyxl
import xlrd
from openpyxl.utils import column_index_from_string

from cho40 import bank_statement
from cho40.bank_statement import (
	MESSAGES,
	StatementFormatError,
	StatementRow,
	dedupe_keys,
	parse_amount,
	parse_date,
	parse_statement,
	row_fingerprint,
)
from cho40.payment_code import find_codes
from tests.unit.support import SHARED_DATA

LAYOUTS_FILE = SHARED_DATA / "vn_bank_statement_layouts.json"
CODE = "CHO7KM2QP5"
D = datetime.date


def load_layouts() -> dict:
	if not LAYOUTS_FILE.exists():
		raise AssertionError(f"Shared test data missing: {LAYOUTS_FILE}")
	return json.loads(LAYOUTS_FILE.read_text(encoding="utf-8"))


def layout_format(layouts: dict, bank: str, format_id: str) -> dict:
	return next(item for item in layouts["banks"][bank]["formats"] if item["id"] == format_id)


# ---------------------------------------------------------------- file builders


def xlsx(
	sheets: dict[str, dict[int, dict[int, object]]], merges: dict[str, list[str]] | None = None
) -> bytes:
	"""sheets: name -> {row: {column: value}} with 1-based rows and columns."""
	workbook = openpyxl.Workbook()
	workbook.remove(workbook.active)
	for name, rows in sheets.items():
		sheet = workbook.create_sheet(name)
		for row, cells in rows.items():
			for column, value in cells.items():
				sheet.cell(row, column, value)
		for cell_range in (merges or {}).get(name, []):
			sheet.merge_cells(cell_range)
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def row_of(*values, start: int = 1) -> dict[int, object]:
	return {start + offset: value for offset, value in enumerate(values) if value is not None}


def csv_bytes(lines: list[list[str]], delimiter: str, encoding: str) -> bytes:
	buffer = io.StringIO()
	csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(lines)
	text = buffer.getvalue()
	if encoding == "cp1258":
		return encode_cp1258(text)
	return text.encode(encoding)


def encode_cp1258(text: str) -> bytes:
	"""cp1258 has precomposed base letters (ô, ơ, ư, â, ă, ê, đ) but writes tones as combining marks."""
	out = bytearray()
	for char in unicodedata.normalize("NFC", text):
		try:
			out += char.encode("cp1258")
		except UnicodeEncodeError:
			decomposed = unicodedata.normalize("NFD", char)
			base = unicodedata.normalize("NFC", decomposed[:-1])
			out += base.encode("cp1258") + decomposed[-1].encode("cp1258")
	return bytes(out)


def biff8_xls(sheet_name: str, rows: list[list]) -> bytes:
	"""A minimal real .xls (BIFF8 in an OLE2 container) with text and number cells."""

	def record(kind: int, data: bytes) -> bytes:
		return struct.pack("<HH", kind, len(data)) + data

	def text(value: str, length_format: str) -> bytes:
		return struct.pack(length_format, len(value)) + b"\x01" + value.encode("utf-16-le")

	def bof(kind: int) -> bytes:
		return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

	width = max(len(row) for row in rows)
	sheet = [bof(0x10), record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))]
	for row_index, row in enumerate(rows):
		for column, value in enumerate(row):
			if isinstance(value, str):
				sheet.append(record(0x0204, struct.pack("<HHH", row_index, column, 0) + text(value, "<H")))
			elif value is not None:
				sheet.append(record(0x0203, struct.pack("<HHHd", row_index, column, 0, float(value))))
	sheet.append(record(0x000A, b""))

	def boundsheet(offset: int) -> bytes:
		return record(0x0085, struct.pack("<IBB", offset, 0, 0) + text(sheet_name, "<B"))

	workbook_globals = [bof(0x05), record(0x0042, struct.pack("<H", 1200))]
	offset = sum(map(len, workbook_globals)) + len(boundsheet(0)) + len(record(0x000A, b""))
	workbook_globals += [boundsheet(offset), record(0x000A, b"")]
	return ole2_container(b"".join(workbook_globals + sheet))


def ole2_container(stream: bytes) -> bytes:
	end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
	# At least 4096 bytes so the stream lives in normal sectors, not the mini stream.
	stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\x00")
	sectors = len(stream) // 512
	fat = [fat_sector] + [index + 2 for index in range(sectors - 1)] + [end, end]
	fat += [free] * (128 - len(fat))

	def entry(name: str, kind: int, start: int, size: int, child: int = free) -> bytes:
		raw_name = (name + "\x00").encode("utf-16-le") if name else b""
		fixed = struct.pack("<HBBIII", len(raw_name), kind, 1, free, free, child)
		return raw_name.ljust(64, b"\x00") + fixed + b"\x00" * 36 + struct.pack("<IIi", start, size, 0)

	directory = entry("Root Entry", 5, end, 0, child=1) + entry("Workbook", 2, 1, len(stream))
	header = (
		b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
		+ b"\x00" * 16
		+ struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
		+ b"\x00" * 6
		+ struct.pack("<9I", 0, 1, sectors + 1, 0, 4096, end, 0, end, 0)
		+ struct.pack("<I", 0)
		+ struct.pack("<I", free) * 108
	)
	return header + struct.pack("<128I", *fat) + stream + directory.ljust(512, b"\x00")


def summary(result) -> list[tuple]:
	return [
		(row.row_number, row.posted_on, row.credit, row.debit, row.reference, row.balance)
		for row in result.rows
	]


# ---------------------------------------------------------------- amounts and dates


class ParseAmountTest(unittest.TestCase):
	def test_values(self):
		cases = [
			(None, 0),
			("", 0),
			("   ", 0),
			("-", 0),
			("0", 0),
			(1500000, 1500000),
			(1500000.0, 1500000),
			(-20000.0, -20000),
			("1,500,000", 1500000),
			("1.500.000", 1500000),
			("1 500 000", 1500000),
			("1\u00a0500\u00a0000", 1500000),
			("1.500.000,00", 1500000),
			("1,500,000.00", 1500000),
			("100.000,00", 100000),
			("50,600,000,000.00", 50600000000),
			("+500,000", 500000),
			("-20.000", -20000),
			("(20,000)", -20000),
			("500.000 VND", 500000),
			("VND 500,000", 500000),
			("42,892,241 VND", 42892241),
			("500.000đ", 500000),
			("1,500", 1500),
			("20.000", 20000),
			("500,00", 500),
			("8800", 8800),
			("163,000", 163000),
		]
		for value, expected in cases:
			with self.subTest(value=value):
				self.assertEqual(parse_amount(value), expected)

	def assert_error(self, value, key):
		with self.assertRaises(bank_statement.StatementValueError) as caught:
			parse_amount(value)
		self.assertEqual(caught.exception.message, MESSAGES[key], value)
		self.assertIsInstance(caught.exception, ValueError)

	def test_fractions_of_a_dong(self):
		for value in ["1.500,50", "1,500,000.05", "1500.5", "500,1", 1500.5]:
			self.assert_error(value, "amount_fraction")

	def test_not_numbers(self):
		for value in ["abc", "1,50,000", "12.34.5", "1..000", "1,000,", "Có", "5 USD", True]:
			self.assert_error(value, "amount_invalid")

	def test_ambiguous_mixed_separators(self):
		self.assert_error("1,500.000", "amount_ambiguous")
		self.assert_error("1.500.000,000.00", "amount_ambiguous")


class ParseDateTest(unittest.TestCase):
	def test_values(self):
		cases = [
			("04/08/2026", D(2026, 8, 4)),
			("4/8/2026", D(2026, 8, 4)),
			("31-01-2026 14:34:15", D(2026, 1, 31)),
			("22/05/2025 00:00:00", D(2025, 5, 22)),
			("16/09/2024 00:43", D(2024, 9, 16)),
			("04/08/26", D(2026, 8, 4)),
			("2026-08-01", D(2026, 8, 1)),
			("2026-08-01T10:00:00", D(2026, 8, 1)),
			("04.08.2026", D(2026, 8, 4)),
			("04/08/2026\n5285 - 82284", D(2026, 8, 4)),
			(datetime.datetime(2026, 8, 4, 23, 59), D(2026, 8, 4)),
			(D(2026, 8, 4), D(2026, 8, 4)),
			# Excel serials: 45658 is 1 Jan 2025; 2026-08-06 is 365 + 217 days later.
			(45658, D(2025, 1, 1)),
			(46240, D(2026, 8, 6)),
			(46240.75, D(2026, 8, 6)),
		]
		for value, expected in cases:
			with self.subTest(value=value):
				self.assertEqual(parse_date(value), expected)

	def test_never_month_first(self):
		for value in ["12/31/2026", "02/13/2026", "31/02/2026", "00/01/2026"]:
			with self.subTest(value=value):
				with self.assertRaises(bank_statement.StatementValueError) as caught:
					parse_date(value)
				self.assertEqual(caught.exception.message, MESSAGES["date_invalid"])

	def test_not_dates(self):
		for value in ["", None, "Tổng số", "Ngày in 04/08/2026", "20240908", 5285, True]:
			with self.subTest(value=value):
				with self.assertRaises(ValueError):
					parse_date(value)

	def test_document_number_after_the_date(self):
		self.assertEqual(
			bank_statement._split_date("03/08/2026 / 5254 - 05356"), (D(2026, 8, 3), "5254 - 05356")
		)
		self.assertEqual(bank_statement._split_date("31-01-2026 14:34:15"), (D(2026, 1, 31), ""))


# ---------------------------------------------------------------- bank layouts

VCB_HEADERS = [
	"STT\nNo.",
	"Ngày1/\nTNX Date/ Số CT/ Doc No",
	"Ngày hiệu lực2/\nEffective date",
	"Số tiền ghi nợ/\nDebit",
	"Số tiền ghi có/\nCredit",
	"Số dư/\nBalance",
	"Nội dung chi tiết/\nTransactions in detail",
]
VCB_DESCRIPTION = (
	"MBVCB.6986253876.082143.CHO7KM2QP5 T11.2026.CT tu 1012345678 NGUYEN VAN AN toi 0011009876543 "
	"TRAN THI BICH tai Vietcombank"
)


class LayoutsFileTest(unittest.TestCase):
	def test_headers_used_here_match_the_layouts_file(self):
		layouts = load_layouts()
		vcb = layout_format(layouts, "VCB", "VCB_DIGIBANK_XLSX_2023plus")
		self.assertEqual([text.replace("\\n", "\n") for text in vcb["columns"]], VCB_HEADERS)
		self.assertEqual(vcb["header_row_1based"], {"personal_xlsx": 13, "digibiz_xls": 14})
		self.assertEqual(
			layout_format(layouts, "VietinBank", "VTB_EFAST_IPAY_XLSX")["columns"], VTB_HEADERS_S13
		)
		self.assertEqual(layout_format(layouts, "VietinBank", "VTB_EFAST_IPAY_XLSX")["header_row_1based"], 25)
		self.assertEqual(layout_format(layouts, "MB", "MB_BIZ_XLSX")["header_row_1based"], 7)
		tcb = layout_format(layouts, "Techcombank", "TCB_PERSONAL_XLSX")
		self.assertEqual((tcb["header_row_1based"], tcb["data_start_row_1based"]), (34, 36))
		self.assertEqual(
			list(tcb["columns_by_position"]), [f"{letter} (idx {index})" for letter, index in TCB_COLUMNS]
		)
		self.assertEqual(
			layout_format(layouts, "Techcombank", "TCB_BIZ_TRANSACTION_ENQUIRY_XLSX")["columns"],
			TCB_BIZ_HEADERS,
		)
		self.assertEqual(
			layout_format(layouts, "BIDV", "BIDV_PDF_STATEMENT")["columns"], BIDV_PDF_HEADERS_IN_JSON
		)
		self.assertEqual(layout_format(layouts, "Agribank", "AGR_PDF_SO_PHU")["columns"], AGRIBANK_HEADERS)


def vcb_digibank_xlsx() -> bytes:
	rows = {
		2: row_of("SAO KÊ TÀI KHOẢN\nACCOUNT STATEMENT", start=3),
		4: row_of("Số tài khoản/ Account number:", "0011009876543", start=2),
		5: row_of("Loại tiền/Currency:", "VND", start=2),
		6: row_of("Từ/ From: 01/08/2026", None, "Đến/ To: 05/08/2026", start=2),
		8: row_of("Số dư đầu kỳ/ Opening balance", "42,892,241 VND", start=2),
		13: row_of(*VCB_HEADERS, start=2),
		# Newest first; amounts are text, an absent amount is "".
		14: row_of(1, "05/08/2026\n5285 - 82284", "05/08/2026", "", "163,000", "43,047,675", VCB_DESCRIPTION, start=2),
		15: row_of(
			2, "04/08/2026\n9914 - 00321", "04/08/2026", "8,800", "", "42,884,675",
			"THU PHI DICH VU SMS CHU DONG THANG 07/2026. SDT: 0900000111. So tien 8800 VND", start=2,
		),
		16: row_of(3, "03/08/2026\n9701 - 0011009876543", "03/08/2026", "", "1,234", "42,893,475", "INTEREST PAYMENT", start=2),
		17: row_of("Tổng số/Total", None, None, "8,800", "164,234", start=2),
		18: row_of("Số dư cuối kỳ/ Closing balance", "43,047,675 VND", start=2),
		20: row_of("Quý khách vui lòng kiểm tra ... / Please check ...", start=2),
	}  # fmt: skip
	return xlsx({"Vietcombank_Account_Statement": rows})


class VietcombankTest(unittest.TestCase):
	def test_digibank_personal_xlsx(self):
		result = parse_statement("Vietcombank_Account_Statement.xlsx", vcb_digibank_xlsx())
		self.assertEqual(result.header_row, 13)
		self.assertEqual(result.sheet, "Vietcombank_Account_Statement")
		self.assertEqual(result.columns, {"date": 2, "debit": 4, "credit": 5, "balance": 6, "description": 7})
		self.assertEqual(result.errors, [])
		self.assertEqual(
			summary(result),
			[
				(14, D(2026, 8, 5), 163000, 0, "5285 - 82284", 43047675),
				(15, D(2026, 8, 4), 0, 8800, "9914 - 00321", 42884675),
				(16, D(2026, 8, 3), 1234, 0, "9701 - 0011009876543", 42893475),
			],
		)
		self.assertEqual(result.rows[0].description, VCB_DESCRIPTION)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])

	def test_digibiz_real_xls_header_row_14(self):
		preamble = [["SAO KÊ TÀI KHOẢN"], [], ["Số tài khoản/Account number:", "0011009876543"]]
		preamble += [[]] * (13 - len(preamble))
		rows = preamble + [
			VCB_HEADERS,
			["1", "03/08/2026 / 5254 - 05356", "03/08/2026", "", "2,000,000", "12,000,000",
				"IBBIZ6076649616.017669.CTY ABC thanh toan CHO7KM2QP5 T11.2026"],
			["2", "02/08/2026 / 5254 - 04000", "02/08/2026", 500000, "", 10000000,
				"MBBIZ1234567.CTY ABC chuyen tien noi bo tu VCB63 sang VCB21"],
			["Tổng số/Total", None, None, "500,000", "2,000,000"],
		]  # fmt: skip
		content = biff8_xls("Sheet1", rows)
		with mock.patch.object(bank_statement.xlrd, "open_workbook", wraps=xlrd.open_workbook) as opened:
			result = parse_statement("SaoKe_DigiBiz.xls", content)
		opened.assert_called_once()
		self.assertEqual(result.header_row, 14)
		self.assertEqual(
			summary(result),
			[
				(15, D(2026, 8, 3), 2000000, 0, "5254 - 05356", 12000000),
				(16, D(2026, 8, 2), 0, 500000, "5254 - 04000", 10000000),
			],
		)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])

	def old_ibanking_xlsx(self, sign_header: str) -> bytes:
		rows = {
			1: row_of("SAO KÊ TÀI KHOẢN"),
			2: row_of("Ngày thực hiện: 16/03/2021"),
			3: row_of("Số dư đầu kỳ", "5,000,000"),
			5: row_of("Ngày giao dịch", "Số tham chiếu", sign_header, "Số tiền", "Mô tả"),
			6: row_of(
				"15/03/2021", "DD4400 - 046045", "+", "1,234,000",
				"IBVCB.6982365062.QUACH VAN TUAN chuyen tien CHO7KM2QP5.CT tu 1026991234 QUACH VAN TUAN",
			),
			7: row_of("14/03/2021", "9713 - 0045853", "-", "20,000", "Phi chuyen tien"),
			8: row_of("Tổng", None, None, "1,254,000"),
		}  # fmt: skip
		return xlsx({"Sheet": rows})

	def test_old_ibanking_sign_column(self):
		for sign_header in ["(+/-)", "+/-", "Thay đổi", "Thay đổi (+/-)"]:
			with self.subTest(sign_header=sign_header):
				result = parse_statement(
					"Vietcombank_Account_Statement.xlsx", self.old_ibanking_xlsx(sign_header)
				)
				self.assertEqual(result.header_row, 5)
				self.assertEqual(
					result.columns, {"date": 0, "reference": 1, "sign": 2, "amount": 3, "description": 4}
				)
				self.assertEqual(
					summary(result),
					[
						(6, D(2021, 3, 15), 1234000, 0, "DD4400 - 046045", None),
						(7, D(2021, 3, 14), 0, 20000, "9713 - 0045853", None),
					],
				)

	def test_old_ibanking_two_column_variant_as_cp1258_csv(self):
		lines = [
			["SAO KÊ TÀI KHOẢN"],
			["Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Mô tả"],
			["15/03/2021", "DD4400 - 046045", "", "1,234,000", "Chuyển tiền chợ CHỢ 7KM2QP5"],
			["16/03/2021", "9713 - 0045853", "20,000", "", "Phí dịch vụ"],
			["Tổng", "", "20,000", "1,234,000", ""],
		]
		content = csv_bytes(lines, ",", "cp1258")
		with self.assertRaises(UnicodeDecodeError):
			content.decode("utf-8")
		result = parse_statement("saoke.csv", content)
		self.assertEqual(
			summary(result),
			[
				(3, D(2021, 3, 15), 1234000, 0, "DD4400 - 046045", None),
				(4, D(2021, 3, 16), 0, 20000, "9713 - 0045853", None),
			],
		)
		self.assertEqual(result.rows[0].description, "Chuyển tiền chợ CHỢ 7KM2QP5")
		self.assertEqual(find_codes(result.rows[0].description), [CODE])

	def test_cashup_date_and_document_number_in_one_cell(self):
		rows = {
			1: row_of("SAO KÊ TÀI KHOẢN\nSTATEMENT OF ACCOUNT"),
			3: row_of("Số tài khoản/Account number", None, "0011009876543"),
			4: row_of("Số dư đầu kỳ/ Opening balance", None, "3,359,662,231 VND"),
			6: row_of("STT", "Ngày/ Date", "Số tiền ghi nợ/Debit", "Số tiền ghi có/Credit", "Số dư/Balance", "Nội dung/Description"),
			7: row_of(1, "05/08/2026      5285 - 82284", "", "1,000,000", "3,360,662,231", "CONG TY X CHO7KM2QP5"),
			8: row_of("Tổng số/Total", None, "0", "1,000,000"),
			9: row_of("Số dư cuối kỳ/ Closing balance", None, "3,360,662,231 VND"),
			11: row_of("SAO KÊ TÀI KHOẢN\nSTATEMENT OF ACCOUNT"),
			12: row_of("STT", "Ngày/ Date", "Số tiền ghi nợ/Debit", "Số tiền ghi có/Credit", "Số dư/Balance", "Nội dung/Description"),
			13: row_of(1, "05/08/2026      5285 - 99999", "", "7,000", "7,000", "SECOND ACCOUNT"),
		}  # fmt: skip
		result = parse_statement("VCBACCOUNTDETAIL.xlsx", xlsx({"VCBACCOUNTDETAIL": rows}))
		# Only the first account section: the next one belongs to another account.
		self.assertEqual(summary(result), [(7, D(2026, 8, 5), 1000000, 0, "5285 - 82284", 3360662231)])

	def test_mttq_daily_table_with_signed_amounts_as_utf16_tab_text(self):
		lines = [
			["THỐNG KÊ GIAO DỊCH NGÀY 11/09/2024"],
			["STT", "NGÀY GIAO DỊCH", "SỐ TIỀN", "DIỄN GIẢI"],
			["1", "11/09/2024", "1.000.000", "445479.080924.095834.CHO7KM2QP5 T11.2026"],
			[
				"2",
				"11/09/2024",
				"200.000",
				"357230.080924.224904.ZP242520357230 240908000699060 Quyen gop ung ho",
			],
			["3", "11/09/2024", "-50.000", "Hoan tien"],
		]
		result = parse_statement("thongke.txt", csv_bytes(lines, "\t", "utf-16"))
		self.assertEqual(result.columns, {"date": 1, "amount": 2, "description": 3})
		self.assertEqual(
			summary(result),
			[
				(3, D(2024, 9, 11), 1000000, 0, None, None),
				(4, D(2024, 9, 11), 200000, 0, None, None),
				(5, D(2024, 9, 11), 0, 50000, None, None),
			],
		)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])

	def test_html_saved_as_xls(self):
		html = (
			"<html><head><meta charset='utf-8'></head><body><table>"
			"<tr><td colspan='4'>SAO KÊ TÀI KHOẢN</td></tr>"
			"<tr><th>Ngày GD</th><th>Số tiền ghi nợ</th><th>Số tiền ghi có</th><th>Nội dung chi tiết</th></tr>"
			"<tr><td>04/08/2026</td><td></td><td>163,000</td><td>MBVCB.6986253876.082143.<br>CHO7KM2QP5</td></tr>"
			"<tr><td colspan='2'>Tổng số</td><td>163,000</td><td></td></tr>"
			"</table></body></html>"
		)
		with mock.patch.object(bank_statement.xlrd, "open_workbook") as opened:
			result = parse_statement("Vietcombank.xls", html.encode("utf-8"))
		opened.assert_not_called()
		self.assertEqual(summary(result), [(3, D(2026, 8, 4), 163000, 0, None, None)])
		self.assertEqual(result.rows[0].description, "MBVCB.6986253876.082143. CHO7KM2QP5")


VTB_HEADERS_S13 = [
	"STT/No.",
	"Ngày hạch toán/Accounting date",
	"Mô tả giao dịch/ Transaction description",
	"Nợ/ Debit",
	"Có / Credit",
	"Số dư TK/ Account Balance",
	"Số giao dịch/ Transaction number",
	"Số tài khoản đối ứng/ Corresponsive account",
	"Tên tài khoản đối ứng/ Corresponsive name",
	"MTID/ CITAD",
	"Mã định danh TK thụ hưởng/ To virtual account",
	"Ngày phát sinh giao dịch/ Transaction date",
]
# The newer order seen in S15 (no MTID column).
VTB_HEADERS_S15 = [
	"STT/ No",
	"Ngày hạch toán/ Accounting date",
	"Nợ/ Debit",
	"Có/ Credit",
	"Số dư TK/ Account Balance",
	"Số giao dịch/ Transaction number",
	"Số tài khoản đối ứng/ Corresponsive account",
	"Tên tài khoản đối ứng/ Corresponsive name",
	"Mã định danh TK thụ hưởng/ To virtual account",
	"Mô tả giao dịch/ Transaction description",
	"Ngày phát sinh giao dịch/ Transaction date",
]


class VietinBankTest(unittest.TestCase):
	# One dict per transaction, keyed by the S13 header, so both column orders share the data.
	TRANSACTIONS = [
		{
			"STT": 1,
			"Ngày hạch toán": "31-01-2026 14:40:00",
			"Mô tả": "CT nhanh 247 den: PHAM THU HA chuyen tien CHO7KM2QP5 T11.2026 (CT1111)",
			"Có": 300000,
			"Số dư": 10300000,
			"Số giao dịch": "928K2611",
			"Số tài khoản đối ứng": "109882673***",
			"Tên tài khoản đối ứng": "PHAM THU HA",
			"Ngày phát sinh": "31-01-2026 14:34:15",
		},
		{
			"STT": 2,
			"Ngày hạch toán": "31-01-2026 15:00:00",
			"Mô tả": "CT DI:928K NEW SUN THANH TOAN CHO CONG TY B HOA DON SO 967",
			"Nợ": 150000,
			"Số dư": 10150000,
			"Số giao dịch": "2937",
		},
		{"STT": 3, "Mô tả": "FEE-DLY: Service Fees", "Nợ": 11000, "Số dư": 10139000, "Số giao dịch": "2938"},
		{
			"STT": 4,
			"Ngày hạch toán": "01-02-2026 08:00:01",
			"Mô tả": "Chuyen tien den tu NAPAS Noi dung: IBFT cuu tro CHO 7KM2 QP5 (CT1111)",
			"Có": "1,000,000",
			"Số dư": 11139000,
			"Số giao dịch": "2939",
			"Ngày phát sinh": "01-02-2026 07:59:58",
		},
		# No date either; the name looks like a page marker ("Trang … 2") but the row has money.
		{
			"STT": 5,
			"Mô tả": "TRANG THI MAI chuyen tien CHO7KM2QP5 lan 2",
			"Có": 200000,
			"Số dư": 11339000,
			"Số giao dịch": "2940",
		},
	]
	EXPECTED = [
		# Row 26 takes the transaction date; 27 falls back to the accounting date; 28 has neither
		# and takes the date of the row above.
		(26, D(2026, 1, 31), 300000, 0, "928K2611", 10300000),
		(27, D(2026, 1, 31), 0, 150000, "2937", 10150000),
		(28, D(2026, 1, 31), 0, 11000, "2938", 10139000),
		(29, D(2026, 2, 1), 1000000, 0, "2939", 11139000),
		(30, D(2026, 2, 1), 200000, 0, "2940", 11339000),
	]

	def efast_xlsx(self, headers: list[str]) -> bytes:
		rows = {
			1: row_of("LỊCH SỬ GIAO DỊCH - TRANSACTION HISTORY"),
			2: row_of("NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM"),
			3: row_of("VIETINBANK"),
			5: row_of("Công ty/Company name:", "BAN QUẢN LÝ CHỢ BẮC KẠN"),
			6: row_of("Số tài khoản/ Account No.:", "111602391111"),
			8: row_of("Số dư đầu kỳ/Opening Balance:", 10000000, "Số dư cuối kỳ/Closing Balance:", 11139000),
			9: row_of("Tổng giá trị ghi có/ Total credits:", 1300000, "Tổng giá trị ghi nợ/ Total debits:", 161000),
			10: row_of("Tổng số giao dịch ghi có/ Total number of credit :", 2, "Tổng số giao dịch ghi nợ/ Total number of debits:", 2),
			23: row_of("2. Chi tiết lịch sử giao dịch/ Transaction history detail"),
			25: row_of(*headers),
			31: row_of("Từ ngày 21/03/2025, VietinBank thực hiện cập nhật lại báo cáo sao kê…"),
		}  # fmt: skip
		for offset, transaction in enumerate(self.TRANSACTIONS):
			rows[26 + offset] = {
				column + 1: transaction[key]
				for column, header in enumerate(headers)
				for key in transaction
				if header.startswith(key)
			}
		return xlsx({"Sheet1": rows})

	def test_efast_s13_order_header_row_25(self):
		result = parse_statement("LichSuGiaoDich.xlsx", self.efast_xlsx(VTB_HEADERS_S13))
		self.assertEqual(result.header_row, 25)
		self.assertEqual(
			result.columns,
			{"date": 11, "debit": 3, "credit": 4, "balance": 5, "description": 2, "reference": 6},
		)
		self.assertEqual(result.errors, [])
		self.assertEqual(summary(result), self.EXPECTED)
		self.assertEqual(
			[find_codes(row.description) for row in result.rows], [[CODE], [], [], [CODE], [CODE]]
		)

	def test_efast_s15_order(self):
		result = parse_statement("LichSuGiaoDich.xlsx", self.efast_xlsx(VTB_HEADERS_S15))
		self.assertEqual(result.columns["description"], 9)
		self.assertEqual(summary(result), self.EXPECTED)


MB_HEADERS = {
	"A": "STT",
	"D": "NGÀY GIAO DỊCH",
	"G": "NGÀY HẠCH TOÁN",
	"H": "PHÁT SINH NỢ",
	"I": "PHÁT SINH CÓ",
	"J": "SỐ DƯ",
	"L": "ĐƠN VỊ THỤ HƯỞNG/ĐƠN VỊ CHUYỂN",
	"M": "NỘI DUNG",
	"R": "BÚT TOÁN",
	"U": "Tài khoản",
}


def by_letter(cells: dict[str, object]) -> dict[int, object]:
	return {column_index_from_string(letter): value for letter, value in cells.items()}


class MBBankTest(unittest.TestCase):
	# MB's core inserts a space every ~35 characters, here inside the code and a number.
	WRAPPED = "CTY ABC thanh toan CHO7KM2Q P5 T11.2026 HD25246 11  - Ma giao dich/ Trace 804772"

	def business_xlsx(self) -> bytes:
		def data(number, when, booked, debit, credit, balance, party, content, entry, account):
			return by_letter(
				{"A": number, "D": when, "G": booked, "H": debit, "I": credit, "J": balance, "L": party,
					"M": content, "R": entry, "U": account}
			)  # fmt: skip

		rows = {
			1: by_letter({"F": "SAO KÊ CHI TIẾT TÀI KHOẢN\nAccount Statement", "O": "NGÂN HÀNG TMCP QUÂN ĐỘI\nMilitary Commercial Joint Stock Bank"}),
			2: by_letter({"F": "Từ ngày/From:22/05/2025 00:00:00 Đến ngày/To:22/05/2025 23:59:59", "O": " Chi nhánh/Branch: VN0010003 - CN BẮC KẠN"}),
			4: by_letter({"A": "Tên khách hàng/Customer name: BQL CHỢ\n\nMã khách hàng/Customer code: 1234\n\nĐịa chỉ/Address: Bắc Kạn", "Q": "Tài khoản/Account No: 0123456789\n\nMã số thuế/Tax code: 0101248141\n\nLoại tiền/Currency: VND"}),
			6: by_letter({"C": "Số dư đầu kỳ/ Opening Balance: 7,529,778,893 VND"}),
			7: by_letter(MB_HEADERS),
			# Newest first. Row 8 was booked the next day: the transaction date is taken.
			8: data(1, "22/05/2025 16:20:11", "23/05/2025", "0", "143,183", "7,530,022,076", "CTY ABC", self.WRAPPED, "FT25142156820926", "131"),
			9: data(2, "22/05/2025 09:05:00", "22/05/2025", "1,000,000", "0", "7,529,878,893", "", "Thu goc khe uoc LD2426865349", "LD2426865349", "844"),
			10: data(3, "22/05/2025 08:00:00", "22/05/2025", "0", "1,100,000", "7,530,878,893", "CTY ABC", "DC-CTY ABC CHO 7KM2QP5 0200970407052216151520251001954559", "FT25142000000001", "131"),
			11: data(4, "22/05/2025 07:00:00", "22/05/2025", "0", "0", "7,529,778,893", "", "Thong bao so du", "FX2514274430", ""),
			12: by_letter({"G": "TỔNG TIỀN", "H": "1,000,000", "I": "1,243,183"}),
			13: by_letter({"A": "Số dư cuối kỳ/ Closing Balance: 7,530,022,076 VND (Bằng chữ/ In Words: Bảy tỷ …)"}),
			14: by_letter({"A": "Chứng từ này được xuất tự động từ hệ thống của Ngân hàng TMCP Quân đội./ This document is automatically exported from MBBank's System"}),
		}  # fmt: skip
		merges = []
		for row in range(7, 12):
			merges += [
				f"A{row}:C{row}",
				f"D{row}:F{row}",
				f"J{row}:K{row}",
				f"M{row}:Q{row}",
				f"R{row}:T{row}",
				f"U{row}:W{row}",
			]
		return xlsx({"Thông tin giao dịch": rows}, merges={"Thông tin giao dịch": merges})

	def test_business_xlsx_header_row_7(self):
		result = parse_statement("Mẫu sổ phụ _MBB.xlsx", self.business_xlsx())
		self.assertEqual(result.header_row, 7)
		self.assertEqual(
			result.columns,
			{"date": 3, "debit": 7, "credit": 8, "balance": 9, "description": 12, "reference": 17},
		)
		self.assertEqual(result.errors, [])
		self.assertEqual(
			summary(result),
			[
				(8, D(2025, 5, 22), 143183, 0, "FT25142156820926", 7530022076),
				(9, D(2025, 5, 22), 0, 1000000, "LD2426865349", 7529878893),
				(10, D(2025, 5, 22), 1100000, 0, "FT25142000000001", 7530878893),
			],
		)
		self.assertEqual(result.rows[0].description, self.WRAPPED)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])
		self.assertEqual(find_codes(result.rows[2].description), [CODE])


TCB_COLUMNS = [("B", 1), ("H", 7), ("Q", 16), ("Y", 24), ("AG", 32), ("AT", 45), ("BB", 53), ("BH", 59)]
TCB_BIZ_HEADERS = [
	"Ngày KH thực hiện/Requesting date",
	"Ngày giao dịch/Transaction date",
	"Số bút toán/Reference number",
	"Ngân hàng đối tác / Remitter's bank",
	"Tài khoản đích/Remitter's account number",
	"Tên tài khoản đối ứng/Remitter's account name",
	"Diễn giải/Description",
	"Nợ/Debit",
	"Có/Credit",
	"Phí/Lãi / Fee/Interest",
	"Thuế/Transaction VAT",
	"Số dư/Running balance",
]


class TechcombankTest(unittest.TestCase):
	def personal_xlsx(self) -> bytes:
		headers = [
			"Ngày giao dịch/ Transaction Date",
			"Đối tác/ Remitter",
			"NH Đối tác/ Remitter Bank",
			"Diễn giải/ Details",
			"Số bút toán/ Transaction No",
			"Nợ/ Debit",
			"Có/ Credit",
			"Số dư/ Balance",
		]
		header_cells = {index + 1: text for (_, index), text in zip(TCB_COLUMNS, headers, strict=True)}

		def data(date, party, bank, details, entry, debit, credit, balance):
			# Values sit one or two columns right of their headers: C, H, Q, Z, AG, AU, BD, BH.
			return {3: date, 8: party, 17: bank, 26: details, 33: entry, 47: debit, 56: credit, 60: balance}

		rows = {
			2: row_of("NGÂN HÀNG TMCP KỸ THƯƠNG VIỆT NAM", start=2),
			10: row_of("Số tài khoản/Account number: 19031234567890", start=2),
			30: {2: "Số dư đầu kỳ/Opening balance", 60: "5,000,000"},
			34: header_cells,
			35: {2: "Số dư đầu kỳ/Opening balance", 60: "5,000,000"},
			36: data("05/08/2026", "LAM QUOC VIET", "VCB", "LAM QUOC VIET CHUYEN KHOAN CHO7KM2QP5  (ref FT26164940582071\\BNK)", "FT26164940582071", "", "52,000", "5,052,000"),
			37: data(46240, "", "", "Tra lai so du tren tai khoan", "FT26218000000001", "", "1,234", "5,053,234"),
			38: data("07/08/2026", "NGUYEN THI HOA", "BIDV", "NGUYEN THI HOA chuyen tien CHO 7KM2 QP5 FT24253240223803", "FT26219000000002", "", "200,000", "5,253,234"),
			39: data("07/08/2026", "", "", "Rut tien tu Tikop / Sinh loi tu dong / T.TOAN QR …", "FT26219000000003", "53,234", "", "5,200,000"),
			40: {2: "Cộng doanh số/Total volume", 47: "53,234", 56: "253,234"},
			41: {2: "Số dư cuối kỳ/Ending balance", 60: "5,200,000"},
			42: {2: "Phiếu này được in từ hệ thống/This paper is printed from the system"},
			43: {2: "Ngày giờ in/Printed: 08/08/2026 10:00"},
		}  # fmt: skip
		spans = [
			"B34:G34",
			"H34:P34",
			"Q34:X34",
			"Y34:AF34",
			"AG34:AS34",
			"AT34:BA34",
			"BB34:BG34",
			"BH34:BM34",
		]
		return xlsx({"Sheet1": rows}, merges={"Sheet1": spans})

	def test_personal_merged_grid_header_row_34(self):
		result = parse_statement("TCB_statement.xlsx", self.personal_xlsx())
		self.assertEqual(result.header_row, 34)
		self.assertEqual(
			result.columns,
			{"date": 1, "debit": 45, "credit": 53, "balance": 59, "description": 24, "reference": 32},
		)
		self.assertEqual(result.errors, [])
		self.assertEqual(
			summary(result),
			[
				(36, D(2026, 8, 5), 52000, 0, "FT26164940582071", 5052000),
				(37, D(2026, 8, 6), 1234, 0, "FT26218000000001", 5053234),
				(38, D(2026, 8, 7), 200000, 0, "FT26219000000002", 5253234),
				(39, D(2026, 8, 7), 0, 53234, "FT26219000000003", 5200000),
			],
		)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])
		self.assertEqual(find_codes(result.rows[2].description), [CODE])

	def test_business_enquiry_negative_debits(self):
		rows = {
			1: row_of("TRANSACTION ENQUIRY / TRUY VẤN GIAO DỊCH"),
			5: row_of("Số dư đầu ngày/Opening balance", None, None, None, 1000000),
			6: row_of("Số dư cuối ngày/ Closing balance", None, None, None, 1198790),
			21: row_of(*TCB_BIZ_HEADERS),
			22: row_of(
				datetime.datetime(2026, 8, 1, 9, 0), datetime.datetime(2026, 8, 3, 10, 0), "FT26215000000001",
				"VCB", "0011009876543", "TRAN THI BICH", "TRAN THI BICH chuyen tien CHO7KM2QP5 T11.2026 FT26215000000001",
				None, 500000, None, None, 1500000,
			),
			23: row_of(
				datetime.datetime(2026, 8, 3, 11, 0), datetime.datetime(2026, 8, 3, 11, 0), "FT26215000000002",
				"BIDV", "1261122666", "NGUYEN VAN B", "Chi luong thang 7", -300000, None, -1100, -110, 1198790,
			),
		}  # fmt: skip
		result = parse_statement("TransactionEnquiry.xlsx", xlsx({"Sheet1": rows}))
		self.assertEqual(result.header_row, 21)
		self.assertEqual(result.columns["date"], 1)
		# The transaction date (3 Aug), not the requesting date (1 Aug); fee and VAT are their own columns.
		self.assertEqual(
			summary(result),
			[
				(22, D(2026, 8, 3), 500000, 0, "FT26215000000001", 1500000),
				(23, D(2026, 8, 3), 0, 300000, "FT26215000000002", 1198790),
			],
		)


class ACBTest(unittest.TestCase):
	def test_acb_xlsx(self):
		rows = {
			1: row_of("BẢNG SAO KÊ GIAO DỊCH - Số tài khoản (VND): 12345678"),
			# Balance block: these labels match debit/credit headers but the row has no date column.
			4: row_of("Số dư đầu", None, None, "Tiền rút ra", None, "Tiền gửi vào", "Số dư cuối"),
			5: row_of("1,000,000", None, None, "50,000", None, "200,000", "1,150,000"),
			8: row_of(
				"Ngày hiệu lực", "Ngày giao dịch", "Số GD", "Nội dung giao dịch", "Tiền rút ra (Ghi nợ)",
				"Tiền gửi vào (Ghi có)", "Số dư", "Tên TK đối ứng", "Số TK đối ứng",
			),
			9: row_of(
				"10/09/2024", "09/09/2024 23:27:14", "621495", "UNG HO BA CON BI LU LUT CHO7KM2QP5-090924-23:27:14 621495",
				"", "200,000", "1,200,000", "TA THI MY", "123456",
			),
			10: row_of(
				"10/09/2024", "10/09/2024 11:03:34", "997200", "TA THI MY chuyen khoan-100924-11:03:34 997200",
				"50,000", "", "1,150,000", "TA THI MY", "123456",
			),
		}  # fmt: skip
		result = parse_statement("Statement.xlsx", xlsx({"Statement": rows}))
		self.assertEqual(result.header_row, 8)
		self.assertEqual(result.columns["date"], 1)
		self.assertEqual(result.columns["reference"], 2)
		self.assertEqual(
			summary(result),
			[
				(9, D(2024, 9, 9), 200000, 0, "621495", 1200000),
				(10, D(2024, 9, 10), 0, 50000, "997200", 1150000),
			],
		)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])


BIDV_PDF_HEADERS_IN_JSON = [
	"STT (No)",
	"Ngày giao dịch (Trans.Date)",
	"Ngày hiệu lực (EFD.Date)",
	"Mã giao dịch (Trans.Code)",
	"Phát sinh nợ (Debit amount)",
	"Phát sinh có (Credit amount)",
	"Số dư (Balance)",
	"Số chứng từ SEQ No.",
	"Mã GDV Teller ID",
	"Mã CN Branch",
	"Diễn giải (Txn. Description)",
]


class BIDVTest(unittest.TestCase):
	def test_statement_converted_to_semicolon_csv(self):
		b2b = "0878115xxx TKThe :0878115xxx tai MSCBVNVX. NGO THI YEN UNG HO BA CON LU LUT CHO 7KM2 QP5 "
		lines = [
			["SAO KÊ TÀI KHOẢN TIỀN GỬI KHÁCH HÀNG/ACCOUNT STATEMENT"],
			["Số tài khoản / Account No", "1261122666"],
			BIDV_PDF_HEADERS_IN_JSON,
			["", "Số dư đầu kỳ/(Opening balance)", "", "", "", "", "1.000.000,00", "", "", "", ""],
			[
				"1", "09/09/2024 23:33:16", "09/09/2024", "CRE", "", "200.000,00", "1.200.000,00", "2882370", "IBFT", "001",
				"TKThe :19031234567890 tai TCB. VU QUANG MINH CHO7KM2QP5 FT24255010008450 -CTLNHIDI000009830281652-11-CRE-002",
			],
			# A converter may put page furniture in the description column: not a continuation line.
			["", "", "", "", "", "", "", "", "", "", "Trang/Page No 1 of 2"],
			["Chứng từ này được in/chuyển đổi trực tiếp từ hệ thống In sao kê tài khoản khách hàng của BIDV."],
			BIDV_PDF_HEADERS_IN_JSON,
			[
				"2", "10/09/2024 00:12:44", "10/09/2024", "CRE", "", "100.000,00", "1.300.000,00", "2882371", "IBFT", "001",
				b2b + "-B2B020097042209092333152024FSQ9475368; thoi gian GD:09/09/2024 23:33:16",
			],
			["3", "10/09/2024 08:00:00", "10/09/2024", "DEB", "20.000,00", "", "1.280.000,00", "2882372", "T01", "001", "Phi dich vu"],
			["", "Cộng phát sinh (Total Amount)", "", "", "20.000,00", "300.000,00", "", "", "", "", ""],
			["", "Số dư cuối kỳ (Closing balance)", "", "", "", "", "1.280.000,00", "", "", "", ""],
		]  # fmt: skip
		result = parse_statement("BIDV_saoke.csv", csv_bytes(lines, ";", "utf-8"))
		self.assertEqual(result.header_row, 3)
		# "Số chứng từ SEQ No." is the reference, not the transaction type code.
		self.assertEqual(
			result.columns,
			{"date": 1, "debit": 4, "credit": 5, "balance": 6, "description": 10, "reference": 7},
		)
		self.assertEqual(result.errors, [])
		self.assertEqual(
			summary(result),
			[
				(5, D(2024, 9, 9), 200000, 0, "2882370", 1200000),
				(9, D(2024, 9, 10), 100000, 0, "2882371", 1300000),
				(10, D(2024, 9, 10), 0, 20000, "2882372", 1280000),
			],
		)
		self.assertEqual([find_codes(row.description) for row in result.rows], [[CODE], [CODE], []])
		self.assertTrue(result.rows[0].description.endswith("-CTLNHIDI000009830281652-11-CRE-002"))

	def test_business_excel_with_bad_rows(self):
		rows = {
			1: row_of("NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM"),
			2: row_of("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN"),
			4: row_of("SỐ TÀI KHOẢN: 1261122666"),
			5: row_of("SỐ DƯ ĐẦU KỲ:", None, None, "1,000,000"),
			12: row_of("STT", "NGÀY HIỆU LỰC", "SỐ BÚT TOÁN", "GHI NỢ", "GHI CÓ", "SỐ DƯ", "MÔ TẢ"),
			13: row_of(1, "09/09/2024", "BT001", "", "200,000", "1,200,000", "NGO THI YEN CHO7KM2QP5 T11.2026"),
			14: row_of(2, "31/02/2024", "BT002", "", "100,000", "1,300,000", "bad date"),
			15: row_of(3, "09/13/2024", "BT003", "", "100,000", "1,300,000", "month first"),
			16: row_of(4, "10/09/2024", "BT004", "", "1.500,5", "1,300,000", "fraction"),
			17: row_of(5, "10/09/2024", "BT005", "abc", "", "1,300,000", "not a number"),
			18: row_of(6, "10/09/2024", "BT006", "", "-5,000", "1,295,000", "negative credit"),
			19: row_of(7, "10/09/2024", "BT007", "", "1,500.000", "x", "ambiguous and bad balance"),
			20: row_of(None, "Ngày in: 11/09/2024"),
			21: row_of(8, "11/09/2024", "BT008", "", "100,000", "1,300,000", "CAO THI THU chuyen tien"),
			22: row_of("Cộng phát sinh", None, None, "0", "300,000"),
		}  # fmt: skip
		result = parse_statement("BIDV.xlsx", xlsx({"Sheet1": rows}))
		self.assertEqual(result.header_row, 12)
		self.assertEqual(
			summary(result),
			[
				(13, D(2024, 9, 9), 200000, 0, "BT001", 1200000),
				(21, D(2024, 9, 11), 100000, 0, "BT008", 1300000),
			],
		)
		self.assertEqual(
			[(error.row_number, error.field, error.value, error.message) for error in result.errors],
			[
				(14, "date", "31/02/2024", MESSAGES["date_invalid"]),
				(15, "date", "09/13/2024", MESSAGES["date_invalid"]),
				(16, "credit", "1.500,5", MESSAGES["amount_fraction"]),
				(17, "debit", "abc", MESSAGES["amount_invalid"]),
				(18, "credit", "-5,000", MESSAGES["credit_negative"]),
				(19, "credit", "1,500.000", MESSAGES["amount_ambiguous"]),
				(19, "balance", "x", MESSAGES["amount_invalid"]),
			],
		)
		self.assertEqual(result.errors[0].text, "Date 31/02/2024 is not a date in the form dd/mm/yyyy")


AGRIBANK_HEADERS = [
	"Ngày / Date",
	"Ghi chú / Remark",
	"Nợ / Dr",
	"Có / Cr",
	"Số dư / Balance",
	"Số tham chiếu / Ref. no",
]


class AgribankTest(unittest.TestCase):
	def test_so_phu_as_utf8_bom_csv(self):
		lines = [
			["SỔ PHỤ / STATEMENT"],
			["Số tài khoản / A/C No", "1500201113838"],
			["Số bút toán/Doanh số nợ / Less debit", "0"],
			AGRIBANK_HEADERS,
			[
				"05/09/2024",
				"IBFT DANG THI NGA chuyen tien CHO7KM2QP5 T11.2026",
				"",
				"50,000",
				"574,700",
				"2882370",
			],
			[
				"06/09/2024",
				"Ung ho cac tinh bi bao lu FT24254789074492",
				"",
				"1,000,000",
				"1,574,700",
				"2882371",
			],
			["06/09/2024", "KIEU VAN BAO chuyen tien", "", "", "1,574,700", "2882372"],
			["Website: www.agribank.com.vn. | 1/1 | Người in: USER Thời gian in: 07/09/2024 08:00:00"],
		]
		content = csv_bytes(lines, ",", "utf-8-sig")
		self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
		result = parse_statement("sophu.csv", content)
		self.assertEqual(result.header_row, 4)
		self.assertEqual(
			summary(result),
			[
				(5, D(2024, 9, 5), 50000, 0, "2882370", 574700),
				(6, D(2024, 9, 6), 1000000, 0, "2882371", 1574700),
			],
		)
		self.assertEqual(find_codes(result.rows[0].description), [CODE])


# ---------------------------------------------------------------- general behaviour


class GeneralParsingTest(unittest.TestCase):
	def simple_rows(self) -> dict[int, dict[int, object]]:
		return {
			1: row_of("Ngày", "Nội dung", "Có", "Nợ"),
			2: row_of("01/11/2026", "NGUYEN VAN AN\nchuyen tien\r\nCHO7KM2QP5", "100.000", ""),
			3: row_of(None, "T11.2026 phi cho"),
			4: row_of("02/11/2026", "Tien dien", "", "50.000"),
		}

	def test_wrapped_descriptions(self):
		result = parse_statement("simple.xlsx", xlsx({"Sheet1": self.simple_rows()}))
		self.assertEqual(result.columns, {"date": 0, "credit": 2, "debit": 3, "description": 1})
		self.assertEqual(
			[row.description for row in result.rows],
			["NGUYEN VAN AN chuyen tien CHO7KM2QP5 T11.2026 phi cho", "Tien dien"],
		)
		self.assertEqual(
			summary(result),
			[(2, D(2026, 11, 1), 100000, 0, None, None), (4, D(2026, 11, 2), 0, 50000, None, None)],
		)

	def test_statement_on_second_sheet(self):
		sheets = {"Hướng dẫn": {1: row_of("Xem sheet Sao kê")}, "Sao kê": self.simple_rows()}
		result = parse_statement("two.xlsx", xlsx(sheets))
		self.assertEqual(result.sheet, "Sao kê")
		self.assertEqual(len(result.rows), 2)

	def test_xlsx_content_under_xls_name(self):
		result = parse_statement("renamed.xls", xlsx({"Sheet1": self.simple_rows()}))
		self.assertEqual(len(result.rows), 2)

	def test_semicolon_csv_with_comma_decimals(self):
		lines = [
			["Ngày giao dịch", "Số tiền", "Diễn giải"],
			["01/11/2026", "1.500.000,00", "CHO7KM2QP5"],
			["02/11/2026", "-20.000,00", "Phi"],
		]
		result = parse_statement("x.csv", csv_bytes(lines, ";", "utf-8"))
		self.assertEqual(
			summary(result),
			[(2, D(2026, 11, 1), 1500000, 0, None, None), (3, D(2026, 11, 2), 0, 20000, None, None)],
		)

	def test_signed_amount_header_with_sign_marker(self):
		rows = {
			1: row_of("Ngày giao dịch", "Số tiền (+/-)", "Nội dung"),
			2: row_of("01/11/2026", "+150,000", "CHO7KM2QP5"),
			3: row_of("02/11/2026", "(20,000)", "Phi"),
		}
		result = parse_statement("x.xlsx", xlsx({"Sheet1": rows}))
		self.assertEqual(result.columns, {"date": 0, "amount": 1, "description": 2})
		self.assertEqual(
			summary(result),
			[(2, D(2026, 11, 1), 150000, 0, None, None), (3, D(2026, 11, 2), 0, 20000, None, None)],
		)

	def test_comma_csv_with_quoted_thousands(self):
		lines = [
			["Ngày giao dịch", "Ghi có", "Ghi nợ", "Mô tả"],
			["01/11/2026", "1,500,000", "", "CHO7KM2QP5"],
		]
		content = csv_bytes(lines, ",", "utf-8")
		self.assertIn(b'"1,500,000"', content)
		result = parse_statement("x.csv", content)
		self.assertEqual(summary(result), [(2, D(2026, 11, 1), 1500000, 0, None, None)])

	def test_file_errors(self):
		cases = [
			("statement.xls", b"this is not an excel file at all" * 10, "file_xls_unreadable"),
			("statement.xlsx", b"PK\x03\x04garbage", "file_xlsx_unreadable"),
			("statement.pdf", b"%PDF-1.7 ...", "file_pdf"),
			("statement.doc", b"hello", "file_type"),
			("statement.csv", b"a,b,c\n1,2,3\n", "file_no_header"),
		]
		for filename, content, key in cases:
			with self.subTest(filename=filename):
				with self.assertRaises(StatementFormatError) as caught:
					parse_statement(filename, content)
				self.assertEqual(caught.exception.message, MESSAGES[key])
				self.assertIn(filename, str(caught.exception))

	def test_garbage_xls_goes_to_xlrd(self):
		with mock.patch.object(bank_statement.xlrd, "open_workbook", wraps=xlrd.open_workbook) as opened:
			with self.assertRaises(StatementFormatError) as caught:
				parse_statement("DigiBiz.xls", b"\x00\x01garbage")
		opened.assert_called_once()
		self.assertIn("xlrd", str(caught.exception))
		self.assertIsInstance(caught.exception.__cause__, xlrd.XLRDError)


class DedupeTest(unittest.TestCase):
	ACCOUNT = "0011 0098 76543"

	def row(self, **changes) -> StatementRow:
		values = {
			"row_number": 14,
			"posted_on": D(2026, 8, 5),
			"description": "NGUYEN VAN AN CHO7KM2QP5",
			"credit": 163000,
			"debit": 0,
			"reference": None,
			"balance": None,
		}
		return StatementRow(**{**values, **changes})

	def test_fingerprint_is_sha1_hex_and_stable(self):
		fingerprint = row_fingerprint(self.row(), self.ACCOUNT)
		self.assertRegex(fingerprint, r"^[0-9a-f]{40}$")
		self.assertEqual(fingerprint, row_fingerprint(self.row(row_number=99, balance=5), "0011009876543"))

	def test_description_normalised(self):
		wrapped = self.row(description="nguyen van an  CHO7KM2 QP5")
		self.assertEqual(row_fingerprint(wrapped, self.ACCOUNT), row_fingerprint(self.row(), self.ACCOUNT))

	def test_each_field_matters(self):
		base = row_fingerprint(self.row(), self.ACCOUNT)
		for changes in [
			{"posted_on": D(2026, 8, 6)},
			{"credit": 163001},
			{"debit": 1},
			{"description": "KHAC"},
		]:
			with self.subTest(changes=changes):
				self.assertNotEqual(row_fingerprint(self.row(**changes), self.ACCOUNT), base)
		self.assertNotEqual(row_fingerprint(self.row(), "0011009876544"), base)

	def test_reference_based_key(self):
		with_reference = self.row(reference="5285 - 82284")
		base = row_fingerprint(with_reference, self.ACCOUNT)
		# An .xls export writes the same reference with other spacing and may wrap descriptions.
		self.assertEqual(
			row_fingerprint(self.row(reference="5285-82284", description="other text"), self.ACCOUNT), base
		)
		self.assertNotEqual(row_fingerprint(self.row(reference="5285 - 82285"), self.ACCOUNT), base)
		self.assertNotEqual(row_fingerprint(self.row(reference="5285 - 82284", credit=1), self.ACCOUNT), base)
		self.assertNotEqual(row_fingerprint(self.row(), self.ACCOUNT), base)

	def test_identical_rows_in_one_file(self):
		rows = [
			self.row(row_number=14),
			self.row(row_number=15),
			self.row(row_number=16, credit=5),
			self.row(row_number=17),
		]
		keys = dedupe_keys(rows, self.ACCOUNT)
		first = row_fingerprint(rows[0], self.ACCOUNT)
		self.assertEqual(keys, [first, first + "#2", row_fingerprint(rows[2], self.ACCOUNT), first + "#3"])

	def test_reimport_gives_same_keys(self):
		content = vcb_digibank_xlsx()
		first = dedupe_keys(parse_statement("a.xlsx", content).rows, self.ACCOUNT)
		again = dedupe_keys(parse_statement("b.xlsx", content).rows, self.ACCOUNT)
		self.assertEqual(first, again)
		self.assertEqual(len(set(first)), 3)


if __name__ == "__main__":
	unittest.main()

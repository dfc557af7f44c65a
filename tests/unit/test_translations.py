"""cho40 speaks Vietnamese: every string Frappe translates for the app is in cho40/translations/vi.csv.

Plain unit tests (no Frappe). They fail, never skip, when the CSV or a translation is missing.
Run from the repository root: python -m unittest discover -s tests/unit -t .
"""

import ast
import contextlib
import csv
import importlib.util
import io
import json
import re
import tempfile
import textwrap
import unittest
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_DIR = REPO_ROOT / "cho40"
VI_CSV = APP_DIR / "translations" / "vi.csv"

PLACEHOLDER = re.compile(r"\{\w*\}")

# The agreed Vietnamese for the programme's key terms (formal, administrative wording).
GLOSSARY = {
	"Trader": "Tiểu thương",
	"Market": "Chợ",
	"Market Stall": "Quầy, sạp",
	"Stall": "Quầy, sạp",
	"Market Board Manager": "Trưởng Ban quản lý chợ",
	"Market Board Staff": "Nhân viên Ban quản lý chợ",
	"Market Accountant": "Kế toán chợ",
	"Department Staff": "Cán bộ Sở",
	"Digital Team Member": "Thành viên Tổ công nghệ số cộng đồng",
	"Citizen ID (CCCD)": "Số CCCD",
	"Mobile Number": "Số điện thoại di động",
	"Tax Code": "Mã số thuế",
	"Account Number": "Số tài khoản",
	"Billing Run": "Đợt lập hóa đơn",
	"Administrative Unit": "Đơn vị hành chính",
	"Commune / Ward": "Xã / Phường",
	"Former District": "Huyện cũ (trước 1/7/2025)",
	"Payment Code": "Mã thanh toán",
	"Collection Bank Account": "Tài khoản thu",
	"Stall Charge Invoice": "Hóa đơn giá dịch vụ sử dụng diện tích bán hàng",
}

# A validation message must name its field in Vietnamese (MESSAGES key prefix -> required words,
# any one of them, compared case-insensitively): cho40/tests/test_registry.py checks the same in Frappe.
FIELD_WORDS = {
	"citizen_id": ("CCCD",),
	"mobile": ("điện thoại",),
	"tax_code": ("mã số thuế",),
	"bank_account": ("số tài khoản",),
	"business_points": ("điểm kinh doanh",),
}

# English kept as is in Vietnamese (product names, codes). Sources already in Vietnamese are
# allowed to be identical anyway.
SAME_IN_VIETNAMESE: set[str] = set()


def load_i18n():
	spec = importlib.util.spec_from_file_location("cho40_tools_i18n", REPO_ROOT / "tools" / "i18n.py")
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


i18n = load_i18n()


def run_cli(*args) -> tuple[int, str]:
	"""Exit code and standard output of `python3 tools/i18n.py ARGS`."""
	out, err = io.StringIO(), io.StringIO()
	with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
		code = i18n.main(list(args))
	return code, out.getvalue()


def module_messages(path: Path) -> dict[str, str]:
	tree = ast.parse(path.read_text(encoding="utf-8"))
	node = i18n._module_level_dict(tree, "MESSAGES")
	if node is None:
		raise AssertionError(f"{path} has no module-level MESSAGES dict")
	return ast.literal_eval(node)


class TestVietnameseCsv(unittest.TestCase):
	@classmethod
	def setUpClass(cls):
		if not VI_CSV.is_file():
			raise AssertionError(f"{VI_CSV} is missing")
		cls.rows = i18n.read_translation_rows(VI_CSV)
		cls.translations = i18n.load_translations(VI_CSV)
		cls.sources = i18n.source_strings(APP_DIR)

	def test_file_is_utf8_without_header_or_bom(self):
		raw = VI_CSV.read_bytes()
		self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), "vi.csv must not start with a BOM")
		raw.decode("utf-8")
		self.assertNotIn(self.rows[0][0].lower(), ("source", "source_text", "english"))

	def test_rows_have_source_translation_and_optional_context(self):
		for number, row in enumerate(self.rows, start=1):
			with self.subTest(line=number, row=row):
				self.assertIn(len(row), (2, 3))
				self.assertTrue(row[0], "empty source")
				self.assertTrue(row[1].strip(), "empty translation")
				self.assertEqual(row[1], row[1].strip(), "translation has surrounding spaces")

	def test_no_duplicate_sources(self):
		# A source may repeat only with a different context (third column).
		keys = Counter((row[0], row[2] if len(row) > 2 else "") for row in self.rows)
		duplicates = sorted(key for key, count in keys.items() if count > 1)
		self.assertEqual(duplicates, [], f"duplicate sources in {VI_CSV.name}")

	def test_source_strings_are_collected(self):
		# Guards against a collector that finds nothing and so passes the next test trivially.
		expected = {
			"Trader",  # doctype name
			"Citizen ID (CCCD)",  # field label
			"Results",  # section label
			"Completed with Errors",  # Select option
			"Household business owner, as on the citizen ID",  # field description
			"Market Cashless Collection",  # report
			"Billing and Payments",  # workspace card
			"Invalid {0}",  # _() in Python
			"Citizen ID {0} must have exactly 12 digits",  # validators.MESSAGES
			"Payment Code",  # custom field
			"Run Billing",  # __() in JS
			"Stall Charge Invoice",  # print format
			"Digital Team Member",  # role
		}
		self.assertGreater(len(self.sources), 150)
		self.assertEqual(expected - self.sources, set())
		self.assertNotIn("TTH-.#####", self.sources, "naming series are not translated")

	def test_every_source_string_has_a_vietnamese_translation(self):
		missing = sorted(text for text in self.sources if not self.translations.get(text))
		self.assertEqual(
			missing,
			[],
			f"{len(missing)} string(s) lack a Vietnamese translation in {VI_CSV}; "
			"list them with `python3 tools/i18n.py missing`",
		)

	def test_placeholders_are_preserved(self):
		for row in self.rows:
			source, translation = row[0], row[1]
			with self.subTest(source=source):
				self.assertEqual(
					Counter(PLACEHOLDER.findall(translation)),
					Counter(PLACEHOLDER.findall(source)),
					f"placeholders differ: {translation!r}",
				)

	def test_translations_are_not_english_copies(self):
		for row in self.rows:
			source, translation = row[0], row[1]
			if source.isascii() and source not in SAME_IN_VIETNAMESE:
				with self.subTest(source=source):
					self.assertNotEqual(translation, source, "copied, not translated")

	def test_glossary(self):
		for source, vietnamese in GLOSSARY.items():
			with self.subTest(source=source):
				self.assertEqual(self.translations.get(source), vietnamese)

	def test_validation_messages_name_the_field(self):
		messages = module_messages(APP_DIR / "validators.py")
		self.assertTrue(messages)
		for key, message in messages.items():
			prefix = next((p for p in FIELD_WORDS if key.startswith(p)), None)
			with self.subTest(key=key):
				self.assertIsNotNone(prefix, f"add the field words of {key!r} to FIELD_WORDS")
				translation = self.translations.get(message, "")
				self.assertTrue(
					any(word.lower() in translation.lower() for word in FIELD_WORDS[prefix]),
					f"{translation!r} does not contain any of {FIELD_WORDS[prefix]}",
				)

	def test_vnd_is_dong(self):
		for source, translation in self.translations.items():
			if "(VND)" in source:
				with self.subTest(source=source):
					self.assertIn("(đồng)", translation)

	def test_cli_reports_nothing_missing(self):
		self.assertEqual(run_cli("missing"), (0, ""))


class TestSourceStrings(unittest.TestCase):
	"""The collector's rules, on a small made-up app."""

	def setUp(self):
		self.folder = tempfile.TemporaryDirectory()
		self.addCleanup(self.folder.cleanup)
		self.app = Path(self.folder.name) / "app"

	def write(self, relative: str, text: str) -> None:
		path = self.app / relative
		path.parent.mkdir(parents=True, exist_ok=True)
		path.write_text(textwrap.dedent(text), encoding="utf-8")

	def write_json(self, relative: str, data: dict) -> None:
		self.write(relative, json.dumps(data, ensure_ascii=False))

	def make_app(self):
		self.write_json(
			"mod/doctype/thing/thing.json",
			{
				"doctype": "DocType",
				"name": "Thing",
				"fields": [
					{
						"fieldname": "naming_series",
						"fieldtype": "Select",
						"label": "Series",
						"options": "TH-.####",
					},
					{
						"fieldname": "kind",
						"fieldtype": "Select",
						"label": "Kind",
						"options": "\nBig\nSmall\n1\n2",
					},
					{
						"fieldname": "code",
						"fieldtype": "Data",
						"label": "Code",
						"description": "Eight digits",
					},
					{"fieldname": "details_section", "fieldtype": "Section Break", "label": "Details"},
					{"fieldname": "main_tab", "fieldtype": "Tab Break", "label": "Main"},
					{"fieldname": "column_break_1", "fieldtype": "Column Break"},
				],
				"permissions": [{"role": "Thing Keeper"}],
			},
		)
		self.write_json(
			"mod/report/thing_count/thing_count.json",
			{"doctype": "Report", "name": "Thing Count", "report_name": "Thing Count"},
		)
		self.write_json(
			"mod/workspace/things/things.json",
			{
				"doctype": "Workspace",
				"label": "Things",
				"title": "Things",
				"links": [{"label": "Thing Cards", "type": "Card Break"}, {"label": "Thing", "type": "Link"}],
				"shortcuts": [{"label": "Thing Shortcut"}],
				"content": json.dumps([{"type": "card", "data": {"card_name": "Thing Cards"}}]),
			},
		)
		self.write_json(
			"mod/print_format/thing_print/thing_print.json",
			{
				"doctype": "Print Format",
				"name": "Thing Print",
				"html": "<b>{{ _(\"Printed on\") }}</b> {{ _('Page') }}",
			},
		)
		self.write(
			"mod/doctype/thing/thing.py",
			"""
			import frappe
			from frappe import _

			def check(doc):
				frappe.throw(_("Thing {0} is broken").format(doc.name), title=_('Oops'))
				frappe.msgprint(frappe._("Said with {0}", context="Thing").format(1))
				get_(("not me"))
				__("not python either")
			""",
		)
		self.write(
			"validators.py",
			"""
			MESSAGES = {"a": "Value {0} is wrong", "b": "Value {0} is too big"}
			""",
		)
		self.write(
			"custom_fields.py",
			"""
			CUSTOM_FIELDS = {"Customer": [dict(fieldname="x", label="Extra", description="An extra field")]}
			""",
		)
		self.write(
			"mod/doctype/thing/thing.js", "frm.add_custom_button(__(\"Do It\"), go); __('Done {0}', [1]);"
		)
		self.write("templates/pages/thing.html", '<h1>{{ _("Welcome") }}</h1>')
		self.write("tests/test_thing.py", 'from frappe import _\n_("Only in a test")\n')
		self.write("modules.txt", "Mod\n")

	def test_rules(self):
		self.make_app()
		self.assertEqual(
			i18n.source_strings(self.app),
			{
				"Thing",
				"Series",
				"Kind",
				"Big",
				"Small",
				"Code",
				"Eight digits",
				"Details",
				"Main",
				"Thing Keeper",
				"Thing Count",
				"Things",
				"Thing Cards",
				"Thing Shortcut",
				"Printed on",
				"Page",
				"Thing {0} is broken",
				"Oops",
				"Said with {0}",
				"Value {0} is wrong",
				"Value {0} is too big",
				"Extra",
				"An extra field",
				"Do It",
				"Done {0}",
				"Welcome",
				"Mod",
			},
		)

	def test_load_translations_keys_context_like_frappe(self):
		path = Path(self.folder.name) / "vi.csv"
		path.write_text('Row,Dòng\nRow,Dãy,Market Stall\n"Say ""hi"", {0}", Chào {0} \n', encoding="utf-8")
		self.assertEqual(
			i18n.load_translations(path),
			{"Row": "Dòng", "Row:Market Stall": "Dãy", 'Say "hi", {0}': "Chào {0}"},
		)

	def test_cli_exit_code(self):
		self.make_app()
		(self.app / "translations").mkdir()
		(self.app / "translations" / "vi.csv").write_text("Thing,Vật\n", encoding="utf-8")
		self.assertEqual(run_cli("missing", "--app-dir", str(self.app)), (1, self.expected_missing()))
		rows = [[text, "x " + text] for text in sorted(i18n.source_strings(self.app))]
		with open(self.app / "translations" / "vi.csv", "w", encoding="utf-8", newline="") as csv_file:
			csv.writer(csv_file, lineterminator="\n").writerows(rows)
		self.assertEqual(run_cli("missing", "--app-dir", str(self.app)), (0, ""))

	def expected_missing(self) -> str:
		return "".join(f"{text}\n" for text in sorted(i18n.source_strings(self.app) - {"Thing"}))


if __name__ == "__main__":
	unittest.main()

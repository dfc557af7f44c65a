#!/usr/bin/env python3
"""Which English strings of cho40 Frappe translates, and which of them vi.csv still lacks.

Standard library only (no Frappe import), so it runs anywhere and in the plain unit tests.

The strings collected are those Frappe shows through _() / __() for this app:
- DocType JSON (cho40/*/doctype/*/*.json): the doctype name and description, each field's label
  and description (section and tab breaks included), Select options (not naming series, not bare
  numbers), connection groups and the roles in the permissions;
- Report JSON: the report name, column and filter labels;
- Workspace JSON: label, title, link and shortcut labels, chart and number card labels, card names;
- Python (cho40/**/*.py): every _("…") literal, the values of module-level MESSAGES dicts (message
  templates the Frappe layer passes through _(), e.g. cho40/validators.py), the labels and
  descriptions of cho40/custom_fields.py, the role names of cho40/install.py, the module names;
- JavaScript (cho40/**/*.js): every __("…") literal;
- Jinja: every _("…") literal in print format JSON "html" and in cho40/templates/**/*.html.
Tests (cho40/tests, cho40/**/test_*.py) are not user-facing and are skipped.

Usage (from the repository root):
	python3 tools/i18n.py missing [--lang vi]   # untranslated strings, one a line; exit 1 if any
	python3 tools/i18n.py unused [--lang vi]    # CSV entries no source string uses any more
	python3 tools/i18n.py sources               # every source string, sorted
"""

import argparse
import ast
import csv
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
APP_DIR = REPO_ROOT / "cho40"

# Same rules as frappe.gettext.extractors.doctype / utils.is_translatable.
EXCLUDE_SELECT_OPTIONS = {
	"naming_series",
	"number_format",
	"float_precision",
	"currency_precision",
	"minimum_password_score",
}

_STRING = r"""(?P<q>"|')(?P<text>(?:\\.|(?!(?P=q))[^\\\n])*)(?P=q)"""
# _("…") in Python and Jinja, not preceded by a name character or a dot (so not __( or x._().
PY_CALL = re.compile(r"(?<![\w.])_\(\s*" + _STRING + r"\s*[,)]")
# __("…") in JavaScript; a literal followed by `+` is a concatenation and is left alone.
JS_CALL = re.compile(r"(?<![\w.$])__\(\s*" + _STRING + r"\s*[,)]")


def is_translatable(text) -> bool:
	return bool(
		isinstance(text, str)
		and re.search("[a-zA-Z]", text)
		and not text.startswith("fa fa-")
		and not text.endswith("px")
		and not text.startswith("eval:")
	)


def _unescape(text: str) -> str:
	"""The value of a simple quoted literal's body (\\" \\' \\\\ \\n \\t)."""
	return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _is_test_file(path: Path, app_dir: Path) -> bool:
	relative = path.relative_to(app_dir)
	return "tests" in relative.parts[:-1] or relative.name.startswith("test_")


def _read_json(path: Path):
	try:
		return json.loads(path.read_text(encoding="utf-8"))
	except (OSError, ValueError):
		return None


# ----------------------------------------------------------------------------- JSON documents


def strings_from_doctype(data: dict) -> list[str]:
	found = [data.get("name"), data.get("description")]
	for field in data.get("fields", []):
		found += [field.get("label"), field.get("description")]
		options = field.get("options")
		if (
			field.get("fieldtype") == "Select"
			and options
			and field.get("fieldname") not in EXCLUDE_SELECT_OPTIONS
		):
			choices = [option for option in options.split("\n") if option and not option.isdigit()]
			if choices and "icon" not in choices[0]:
				found += choices
		elif field.get("fieldtype") == "HTML" and options:
			found.append(options)
	for link in data.get("links", []):
		found += [link.get("group"), link.get("link_doctype")]
	found += [perm.get("role") for perm in data.get("permissions", [])]
	return found


def strings_from_report(data: dict) -> list[str]:
	found = [data.get("report_name") or data.get("name")]
	found += [column.get("label") for column in data.get("columns") or []]
	found += [report_filter.get("label") for report_filter in data.get("filters") or []]
	return found


def strings_from_workspace(data: dict) -> list[str]:
	found = [data.get("label"), data.get("title")]
	for key in ("links", "shortcuts", "charts", "number_cards", "quick_lists", "custom_blocks"):
		found += [item.get("label") for item in data.get(key) or []]
	found += [link.get("description") for link in data.get("links") or []]
	try:
		content = json.loads(data.get("content") or "[]")
	except ValueError:
		content = []
	for block in content:
		block_data = block.get("data") or {}
		if block.get("type") == "card":
			found.append(block_data.get("card_name"))
	return found


def strings_from_jinja(text: str) -> list[str]:
	return [_unescape(match["text"]) for match in PY_CALL.finditer(text)]


# ----------------------------------------------------------------------------- Python and JS


def _call_literals(tree: ast.AST) -> list[str]:
	"""First argument of every _(…) call that is a string literal (implicit concatenation included)."""
	found = []
	for node in ast.walk(tree):
		if (
			isinstance(node, ast.Call)
			and (
				(isinstance(node.func, ast.Name) and node.func.id == "_")
				# frappe._("…")
				or (
					isinstance(node.func, ast.Attribute)
					and node.func.attr == "_"
					and isinstance(node.func.value, ast.Name)
					and node.func.value.id == "frappe"
				)
			)
			and node.args
			and isinstance(node.args[0], ast.Constant)
			and isinstance(node.args[0].value, str)
		):
			found.append(node.args[0].value)
	return found


def _module_level_dict(tree: ast.Module, name: str) -> ast.Dict | None:
	for node in tree.body:
		targets = []
		if isinstance(node, ast.Assign):
			targets, value = node.targets, node.value
		elif isinstance(node, ast.AnnAssign) and node.value is not None:
			targets, value = [node.target], node.value
		if any(isinstance(t, ast.Name) and t.id == name for t in targets) and isinstance(value, ast.Dict):
			return value
	return None


def _string_values(node: ast.Dict | None) -> list[str]:
	if node is None:
		return []
	return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]


def _string_keys(node: ast.Dict | None) -> list[str]:
	if node is None:
		return []
	return [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]


def _field_properties(tree: ast.AST, properties=("label", "description")) -> list[str]:
	"""label= / description= keyword arguments and "label": / "description": dict entries."""
	found = []
	for node in ast.walk(tree):
		if isinstance(node, ast.Call):
			found += [
				kw.value.value
				for kw in node.keywords
				if kw.arg in properties
				and isinstance(kw.value, ast.Constant)
				and isinstance(kw.value.value, str)
			]
		elif isinstance(node, ast.Dict):
			found += [
				value.value
				for key, value in zip(node.keys, node.values, strict=True)
				if isinstance(key, ast.Constant)
				and key.value in properties
				and isinstance(value, ast.Constant)
				and isinstance(value.value, str)
			]
	return found


def strings_from_python(path: Path, app_dir: Path) -> list[str]:
	source = path.read_text(encoding="utf-8")
	try:
		tree = ast.parse(source, filename=str(path))
	except SyntaxError:
		# A file someone is half-way through editing: fall back to the plain pattern.
		return [_unescape(match["text"]) for match in PY_CALL.finditer(source)]
	found = _call_literals(tree)
	found += _string_values(_module_level_dict(tree, "MESSAGES"))
	relative = path.relative_to(app_dir).as_posix()
	if relative == "custom_fields.py":
		found += _field_properties(tree)
	if relative == "install.py":
		found += _string_keys(_module_level_dict(tree, "ROLES"))
	return found


def strings_from_javascript(text: str) -> list[str]:
	return [_unescape(match["text"]) for match in JS_CALL.finditer(text)]


# ----------------------------------------------------------------------------- public API


def source_strings(app_dir: Path = APP_DIR) -> set[str]:
	"""Every English string Frappe would translate for the app in app_dir (the cho40 package)."""
	app_dir = Path(app_dir)
	found: list = []

	for path in sorted(app_dir.glob("*/doctype/*/*.json")):
		data = _read_json(path)
		if isinstance(data, dict) and data.get("doctype") == "DocType":
			found += strings_from_doctype(data)

	for path in sorted(app_dir.rglob("*.json")):
		if _is_test_file(path, app_dir):
			continue
		data = _read_json(path)
		if not isinstance(data, dict):
			continue
		kind = data.get("doctype")
		if kind == "Report":
			found += strings_from_report(data)
		elif kind == "Workspace":
			found += strings_from_workspace(data)
		elif kind == "Print Format" and data.get("html"):
			found += strings_from_jinja(data["html"])

	for path in sorted(app_dir.rglob("*.py")):
		if not _is_test_file(path, app_dir):
			found += strings_from_python(path, app_dir)

	for path in sorted(app_dir.rglob("*.js")):
		if not _is_test_file(path, app_dir) and "node_modules" not in path.parts and ".min." not in path.name:
			found += strings_from_javascript(path.read_text(encoding="utf-8"))

	for path in sorted((app_dir / "templates").rglob("*.html")):
		found += strings_from_jinja(path.read_text(encoding="utf-8"))

	modules = app_dir / "modules.txt"
	if modules.exists():
		found += [line.strip() for line in modules.read_text(encoding="utf-8").splitlines()]

	return {text for text in found if is_translatable(text)}


def read_translation_rows(csv_path: Path) -> list[list[str]]:
	"""Rows of a Frappe translation CSV as written: [source, translation] or [source, translation, context]."""
	with open(csv_path, encoding="utf-8", newline="") as csv_file:
		return [row for row in csv.reader(csv_file) if row]


def load_translations(csv_path: Path) -> dict[str, str]:
	"""Translations keyed as Frappe keys them: source, or "source:context" for rows with a context.

	Translations are stripped like frappe.translate.get_translation_dict_from_file does.
	"""
	translations = {}
	for row in read_translation_rows(csv_path):
		if len(row) == 3 and row[2]:
			translations[f"{row[0]}:{row[2]}"] = row[1].strip()
		elif len(row) in (2, 3):
			translations[row[0]] = row[1].strip()
		else:
			raise ValueError(f"{csv_path}: bad translation row {row!r}")
	return translations


def csv_path_for(lang: str, app_dir: Path = APP_DIR) -> Path:
	return Path(app_dir) / "translations" / f"{lang}.csv"


def missing_translations(app_dir: Path = APP_DIR, lang: str = "vi") -> list[str]:
	path = csv_path_for(lang, app_dir)
	translations = load_translations(path) if path.exists() else {}
	return sorted(text for text in source_strings(app_dir) if not translations.get(text))


def unused_translations(app_dir: Path = APP_DIR, lang: str = "vi") -> list[str]:
	sources = source_strings(app_dir)
	return sorted({row[0] for row in read_translation_rows(csv_path_for(lang, app_dir))} - sources)


def main(argv=None) -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("command", choices=["missing", "unused", "sources"])
	parser.add_argument("--lang", default="vi")
	parser.add_argument("--app-dir", type=Path, default=APP_DIR)
	args = parser.parse_args(argv)
	if args.command == "sources":
		lines = sorted(source_strings(args.app_dir))
	elif args.command == "unused":
		lines = unused_translations(args.app_dir, args.lang)
	else:
		lines = missing_translations(args.app_dir, args.lang)
	for line in lines:
		print(line)
	if args.command == "missing":
		print(f"{len(lines)} untranslated string(s) for {args.lang}", file=sys.stderr)
		return 1 if lines else 0
	return 0


if __name__ == "__main__":
	sys.exit(main())

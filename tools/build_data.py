#!/usr/bin/env python3
"""Build the data files cho40 ships (cho40/data/*.json) from the shared research folder.

The app never reads the shared folder at run time; it reads the files written here.
Re-running with the same input gives byte-identical output.

Usage (from the repository root):
	python3 tools/build_data.py                      # reads ../shared/data, writes cho40/data
	python3 tools/build_data.py --shared PATH        # PATH = the shared "data" folder (or its parent)
	python3 tools/build_data.py --check              # exit 1 if the shipped files differ from a fresh build
"""

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = REPO_ROOT / "cho40" / "data"

ADMIN_CSV = "vn_admin_units_2025_old_to_new.csv"
BANK_BINS_JSON = "vn_bank_bins.json"
PILOT_MARKETS_CSV = "pilot_markets_bac_kan.csv"
MARKETS_NOTES = Path("..") / "domain" / "markets.md"

ADMIN_UNITS_FILE = "admin_units.json"
BANKS_FILE = "banks.json"
PILOT_MARKETS_FILE = "pilot_markets.json"

PROVINCE_CODE = "19"
FORMER_BAC_KAN_CODE = "06"
VALID_FROM = "2025-07-01"
MARKET_CODE_PREFIX = "BK"

ADMIN_CSV_COLUMNS = [
	"Tỉnh, thành phố",
	"Tên Xã mới",
	"Mã Xã mới",
	"Tên Xã cũ",
	"Mã Xã cũ",
	"Ghi chú",
	"Quận/huyện",
	"Tỉnh cũ",
]
NEW_UNIT_TYPES = ("Phường", "Xã", "Đặc khu")
UNIT_PREFIXES = ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Phường", "Xã", "Tỉnh", "Đặc khu")
CODED_NAME = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d+)\)\s*$")
UNKNOWN_VALUES = {"", "unknown"}
MARKET_NAME_NOISE = ("thi tran", "trung tam", "dau moi nong lam san")


class ConversionRow(NamedTuple):
	province_code: str
	new_name: str
	new_code: str
	old_name: str
	old_code: str
	note: str
	district_name: str
	district_code: str
	old_province_name: str
	old_province_code: str


# ---------------------------------------------------------------- text helpers


def clean_text(text: str) -> str:
	return " ".join(unicodedata.normalize("NFC", text or "").split())


def clean_unit_name(text: str) -> str:
	"""Trim and give the unit-type prefix its usual casing ("Thành Phố Bắc Kạn" -> "Thành phố Bắc Kạn")."""
	name = clean_text(text)
	for prefix in UNIT_PREFIXES:
		if name.casefold().startswith(prefix.casefold() + " "):
			return prefix + name[len(prefix) :]
	return name


def split_coded_name(text: str) -> tuple[str, str]:
	"""'Huyện Ba Bể (061)' -> ('Huyện Ba Bể', '061')."""
	match = CODED_NAME.match(clean_text(text))
	if not match:
		raise ValueError(f"expected 'Name (code)', got {text!r}")
	return clean_unit_name(match["name"]), match["code"]


def unit_type_of(name: str) -> str:
	for unit_type in NEW_UNIT_TYPES:
		if name.startswith(unit_type + " "):
			return unit_type
	raise ValueError(f"unknown unit type in {name!r}")


def ascii_fold(text: str) -> str:
	text = text.replace("đ", "d").replace("Đ", "D")
	decomposed = unicodedata.normalize("NFD", text)
	return "".join(char for char in decomposed if not unicodedata.combining(char))


def known_or_none(text: str) -> str | None:
	value = clean_text(text)
	return None if value.casefold() in UNKNOWN_VALUES else value


# ---------------------------------------------------------------- admin units


def read_conversion_rows(csv_path: Path) -> list[ConversionRow]:
	with csv_path.open(encoding="utf-8-sig", newline="") as handle:
		rows = list(csv.reader(handle))
	check_admin_header(rows[1])
	return [conversion_row(row) for row in rows[2:] if is_unit_row(row)]


def check_admin_header(header: list[str]) -> None:
	columns = [clean_text(cell) for cell in header[: len(ADMIN_CSV_COLUMNS)]]
	if columns != ADMIN_CSV_COLUMNS:
		raise ValueError(f"unexpected columns in {ADMIN_CSV}: {columns}")


def is_unit_row(row: list[str]) -> bool:
	"""Province title rows ("THÀNH PHỐ HÀ NỘI", "Tỉnh Bắc Ninh (24)") have no new commune code."""
	return len(row) >= len(ADMIN_CSV_COLUMNS) and bool(clean_text(row[2]))


def conversion_row(row: list[str]) -> ConversionRow:
	_, province_code = split_coded_name(row[0])
	district_name, district_code = split_coded_name(row[6])
	old_province_name, old_province_code = split_coded_name(row[7])
	return ConversionRow(
		province_code=province_code,
		new_name=clean_unit_name(row[1]),
		new_code=clean_text(row[2]),
		old_name=clean_unit_name(row[3]),
		old_code=clean_text(row[4]),
		note=clean_text(row[5]),
		district_name=district_name,
		district_code=district_code,
		old_province_name=old_province_name,
		old_province_code=old_province_code,
	)


def province_name_of(csv_path: Path, province_code: str) -> str:
	with csv_path.open(encoding="utf-8-sig", newline="") as handle:
		for row in csv.reader(handle):
			if row and CODED_NAME.match(clean_text(row[0])):
				name, code = split_coded_name(row[0])
				if code == province_code:
					return name
	raise ValueError(f"province {province_code} not found in {csv_path.name}")


def former_unit(row: ConversionRow) -> dict:
	return {
		"code": row.old_code,
		"name": row.old_name,
		"district_code": row.district_code,
		"district": row.district_name,
		"province_code": row.old_province_code,
		"province": row.old_province_name,
		"note": row.note,
	}


def most_common(values: list[str]) -> str:
	"""Most frequent spelling; ties go to the first one seen."""
	return Counter(values).most_common(1)[0][0]


def commune_record(code: str, rows: list[ConversionRow]) -> dict:
	name = most_common([row.new_name for row in rows])
	unique_former = {tuple(former_unit(row).items()) for row in rows}
	former_units = sorted(
		(dict(items) for items in unique_former), key=lambda unit: (unit["code"], unit["name"])
	)
	return {
		"code": code,
		"name": name,
		"unit_type": unit_type_of(name),
		"province_code": rows[0].province_code,
		"former_units": former_units,
	}


def build_communes(rows: list[ConversionRow]) -> list[dict]:
	groups: dict[str, list[ConversionRow]] = {}
	for row in rows:
		groups.setdefault(row.new_code, []).append(row)
	return [commune_record(code, groups[code]) for code in sorted(groups)]


def former_provinces(rows: list[ConversionRow]) -> list[dict]:
	names = {row.old_province_code: row.old_province_name for row in rows}
	return [{"code": code, "name": names[code]} for code in sorted(names)]


def name_variants(rows: list[ConversionRow]) -> dict[str, list[str]]:
	spellings: dict[str, set[str]] = {}
	for row in rows:
		spellings.setdefault(row.new_code, set()).add(row.new_name)
	return {code: sorted(names) for code, names in sorted(spellings.items()) if len(names) > 1}


def build_admin_units(csv_path: Path) -> tuple[dict, list[ConversionRow]]:
	rows = [row for row in read_conversion_rows(csv_path) if row.province_code == PROVINCE_CODE]
	province_name = province_name_of(csv_path, PROVINCE_CODE)
	document = {
		"source": f"{ADMIN_CSV}: official old-to-new commune conversion table (Resolution 202/2025/QH15 etc.)",
		"valid_from": VALID_FROM,
		"provinces": [
			{
				"code": PROVINCE_CODE,
				"name": province_name,
				"unit_type": unit_type_of_province(province_name),
				"former": former_provinces(rows),
			}
		],
		"communes": build_communes(rows),
	}
	return document, rows


def unit_type_of_province(name: str) -> str:
	return "Thành phố" if name.startswith("Thành phố ") else "Tỉnh"


def admin_counts(document: dict, rows: list[ConversionRow]) -> dict:
	communes = document["communes"]
	from_bac_kan = [c for c in communes if any_former_in(c, FORMER_BAC_KAN_CODE)]
	former_codes = {unit["code"] for c in communes for unit in c["former_units"]}
	bac_kan_former = {
		unit["code"]
		for c in communes
		for unit in c["former_units"]
		if unit["province_code"] == FORMER_BAC_KAN_CODE
	}
	types = Counter(c["unit_type"] for c in communes)
	return {
		"units": len(communes),
		"communes": types["Xã"],
		"wards": types["Phường"],
		"special_zones": types["Đặc khu"],
		"former_unit_links": sum(len(c["former_units"]) for c in communes),
		"former_units": len(former_codes),
		"split_former_units": sum(1 for row in rows if row.note.startswith("Nhập một phần")),
		"units_from_bac_kan": len(from_bac_kan),
		"bac_kan_former_units": len(bac_kan_former),
		"mixed_bac_kan_and_thai_nguyen": sum(
			1 for c in from_bac_kan if not only_former_in(c, FORMER_BAC_KAN_CODE)
		),
		"name_variants": name_variants(rows),
	}


def any_former_in(commune: dict, province_code: str) -> bool:
	return any(unit["province_code"] == province_code for unit in commune["former_units"])


def only_former_in(commune: dict, province_code: str) -> bool:
	return all(unit["province_code"] == province_code for unit in commune["former_units"])


def check_markets_claim(notes_path: Path, counts: dict) -> str:
	"""markets.md says "Bắc Kạn's 108 communes became 37"; compare with the table."""
	if not notes_path.exists():
		return f"not checked ({notes_path} missing)"
	match = re.search(r"(\d+)\s+communes\s+became\s+(\d+)", notes_path.read_text(encoding="utf-8"))
	if not match:
		return "not checked (claim not found in markets.md)"
	claimed = (int(match[1]), int(match[2]))
	found = (counts["bac_kan_former_units"], counts["units_from_bac_kan"])
	verdict = "OK" if claimed == found else "MISMATCH"
	return f"{verdict}: markets.md says {claimed[0]} -> {claimed[1]}, the CSV gives {found[0]} -> {found[1]}"


# ---------------------------------------------------------------- banks


def bank_entry(raw: dict, kind: str) -> dict:
	short = clean_text(raw["short"])
	return {
		"short": short,
		"bin": str(raw["bin"]).strip(),
		"code": raw.get("code") or None,
		"name": clean_text(raw.get("name") or short),
		"kind": kind,
	}


def build_banks(json_path: Path) -> list[dict]:
	data = json.loads(json_path.read_text(encoding="utf-8"))
	entries = [bank_entry(raw, "bank") for raw in data["banks"]]
	entries += [bank_entry(raw, "ewallet") for raw in data.get("ewallets_with_napas_bin", [])]
	check_unique_bins(entries)
	return sorted(entries, key=lambda entry: (entry["short"].casefold(), entry["bin"]))


def check_unique_bins(entries: list[dict]) -> None:
	repeated = [bin_ for bin_, count in Counter(entry["bin"] for entry in entries).items() if count > 1]
	if repeated:
		raise ValueError(f"BIN listed more than once: {repeated}")
	malformed = [entry["bin"] for entry in entries if not re.fullmatch(r"\d{6}", entry["bin"])]
	if malformed:
		raise ValueError(f"BIN is not 6 digits: {malformed}")


# ---------------------------------------------------------------- pilot markets


def market_slug(market_name: str) -> str:
	"""'Chợ thị trấn Nà Phặc' -> 'NAPHAC'; 'Chợ Bắc Kạn (chợ trung tâm)' -> 'BACKAN'."""
	text = re.sub(r"\(.*?\)", " ", ascii_fold(market_name).lower())
	text = re.sub(r"^\s*cho\s+", " ", text)
	for phrase in MARKET_NAME_NOISE:
		text = re.sub(rf"\b{phrase}\b", " ", text)
	return re.sub(r"[^a-z0-9]", "", text).upper()


def district_slug(district_name: str) -> str:
	if district_name.startswith("Thành phố "):
		return "CITY"
	return re.sub(r"[^A-Z0-9]", "", ascii_fold(district_name.removeprefix("Huyện ")).upper())


def unique_code(code: str, taken: set[str]) -> str:
	candidate, number = code, 1
	while candidate in taken:
		number += 1
		candidate = f"{code}-{number}"
	taken.add(candidate)
	return candidate


def read_pilot_rows(csv_path: Path) -> list[dict]:
	with csv_path.open(encoding="utf-8-sig", newline="") as handle:
		return list(csv.DictReader(handle))


def is_market_known(row: dict) -> bool:
	name = clean_text(row["market_name"])
	return bool(name) and not name.startswith("(") and clean_text(row["confidence"]) != "missing"


def former_unit_index(communes: list[dict]) -> dict[tuple[str, str], tuple[str, str]]:
	"""(former unit name, former district name) -> (former unit code, new commune code)."""
	return {
		(unit["name"], unit["district"]): (unit["code"], commune["code"])
		for commune in communes
		for unit in commune["former_units"]
	}


def same_name_elsewhere(market_name: str, former_district: str, communes: list[dict]) -> list[str]:
	"""Communes named like the market but in another former district: a trap for name matching."""
	place = clean_text(re.sub(r"^Chợ\s+", "", market_name))
	hits = []
	for commune in communes:
		if commune["name"].split(" ", 1)[-1] != place:
			continue
		districts = {unit["district"] for unit in commune["former_units"]}
		if former_district not in districts:
			hits.append(f"{commune['name']} ({commune['code']}, former {', '.join(sorted(districts))})")
	return hits


def missing_note(row: dict, market_known: bool, communes: list[dict]) -> str:
	if not market_known:
		return f"Market not known: {clean_text(row['market_name']).strip('()')}."
	note = f"Commune unknown ({clean_text(row['confidence'])}); set it once the former ward is confirmed."
	collisions = same_name_elsewhere(row["market_name"], clean_unit_name(row["former_district"]), communes)
	if collisions:
		note += " Do not match by name: " + "; ".join(collisions) + " is a different place."
	return note


def pilot_market(row: dict, position_in_district: int, communes_by_code: dict, former_index: dict) -> dict:
	market_known = is_market_known(row)
	commune_code = known_or_none(row["new_unit_code"])
	former_district = clean_unit_name(row["former_district"])
	former_name = known_or_none(row["former_unit_before_2025_07"])
	former_name = clean_unit_name(former_name) if former_name else None
	former_code, mapped_commune = former_index.get((former_name, former_district), (None, None))
	if commune_code and commune_code not in communes_by_code:
		raise ValueError(f"pilot market {row['market_name']!r}: commune {commune_code} not in admin units")
	if commune_code and mapped_commune and mapped_commune != commune_code:
		raise ValueError(f"pilot market {row['market_name']!r}: {former_name} maps to {mapped_commune}")
	province_name, province_code = split_coded_name(row["province_from_2025_07"])
	missing = not market_known or commune_code is None
	communes = list(communes_by_code.values())
	return {
		"code": None,
		"market_name": clean_text(row["market_name"]) if market_known else None,
		"former_unit": former_name,
		"former_unit_code": former_code,
		"former_district": former_district,
		"commune_code": commune_code,
		"commune_name": communes_by_code[commune_code]["name"] if commune_code else None,
		"province": province_name,
		"province_code": province_code,
		"confidence": known_or_none(row["confidence"]),
		"source": known_or_none(row["source"]),
		"missing": missing,
		"note": missing_note(row, market_known, communes) if missing else None,
		"_position": position_in_district,
	}


def assign_market_codes(markets: list[dict]) -> None:
	taken: set[str] = set()
	for market in markets:
		position = market.pop("_position")
		slug = market_slug(market["market_name"]) if market["market_name"] else ""
		if not slug:
			slug = f"{district_slug(market['former_district'])}-{position}"
		market["code"] = unique_code(f"{MARKET_CODE_PREFIX}-{slug}", taken)


def build_pilot_markets(csv_path: Path, communes: list[dict]) -> list[dict]:
	communes_by_code = {commune["code"]: commune for commune in communes}
	former_index = former_unit_index(communes)
	positions: Counter = Counter()
	markets = []
	for row in read_pilot_rows(csv_path):
		positions[clean_unit_name(row["former_district"])] += 1
		position = positions[clean_unit_name(row["former_district"])]
		markets.append(pilot_market(row, position, communes_by_code, former_index))
	assign_market_codes(markets)
	return markets


# ---------------------------------------------------------------- output


def to_json(data) -> bytes:
	return (json.dumps(data, ensure_ascii=False, indent="\t") + "\n").encode("utf-8")


def build_outputs(shared_data: Path) -> tuple[dict[str, bytes], dict]:
	admin_units, rows = build_admin_units(shared_data / ADMIN_CSV)
	counts = admin_counts(admin_units, rows)
	counts["markets_md_check"] = check_markets_claim(shared_data / MARKETS_NOTES, counts)
	banks = build_banks(shared_data / BANK_BINS_JSON)
	markets = build_pilot_markets(shared_data / PILOT_MARKETS_CSV, admin_units["communes"])
	counts["banks"] = sum(1 for bank in banks if bank["kind"] == "bank")
	counts["ewallets"] = sum(1 for bank in banks if bank["kind"] == "ewallet")
	counts["pilot_markets"] = len(markets)
	counts["pilot_markets_missing"] = sum(1 for market in markets if market["missing"])
	outputs = {
		ADMIN_UNITS_FILE: to_json(admin_units),
		BANKS_FILE: to_json(banks),
		PILOT_MARKETS_FILE: to_json(markets),
	}
	return outputs, counts


def build(shared_data: Path, out_dir: Path) -> dict:
	"""Write the three data files into out_dir and return the counts."""
	outputs, counts = build_outputs(shared_data)
	out_dir.mkdir(parents=True, exist_ok=True)
	for file_name, content in outputs.items():
		(out_dir / file_name).write_bytes(content)
	return counts


def stale_files(shared_data: Path, out_dir: Path) -> list[str]:
	outputs, _ = build_outputs(shared_data)
	return [name for name, content in outputs.items() if not is_same_file(out_dir / name, content)]


def is_same_file(path: Path, content: bytes) -> bool:
	return path.exists() and path.read_bytes() == content


def resolve_shared_data(path: Path) -> Path:
	if (path / ADMIN_CSV).exists():
		return path
	if (path / "data" / ADMIN_CSV).exists():
		return path / "data"
	raise SystemExit(f"{ADMIN_CSV} not found in {path} (pass --shared PATH to the shared data folder)")


def print_counts(counts: dict, out_dir: Path) -> None:
	print(f"admin units (province {PROVINCE_CODE}): {counts['units']}")
	print(
		f"  communes (Xã): {counts['communes']}, wards (Phường): {counts['wards']}, "
		f"special zones: {counts['special_zones']}"
	)
	print(
		f"  former units: {counts['former_units']} ({counts['former_unit_links']} links, "
		f"{counts['split_former_units']} partial-merge links)"
	)
	print(
		f"  formed from former Bắc Kạn: {counts['units_from_bac_kan']} "
		f"(from {counts['bac_kan_former_units']} former units; "
		f"{counts['mixed_bac_kan_and_thai_nguyen']} mixed with former Thái Nguyên)"
	)
	print(f"  markets.md check: {counts['markets_md_check']}")
	for code, names in counts["name_variants"].items():
		print(f"  name variants for {code}: {' / '.join(names)} (kept the most frequent)")
	print(f"banks: {counts['banks']}, e-wallets: {counts['ewallets']}")
	print(f"pilot markets: {counts['pilot_markets']} ({counts['pilot_markets_missing']} missing)")
	print(f"written to {out_dir}")


def parse_args(argv: list[str]) -> argparse.Namespace:
	parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
	parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED_DATA, help="shared data folder")
	parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default cho40/data)")
	parser.add_argument("--check", action="store_true", help="only compare; exit 1 when files are stale")
	return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
	args = parse_args(sys.argv[1:] if argv is None else argv)
	shared_data = resolve_shared_data(args.shared)
	if args.check:
		stale = stale_files(shared_data, args.out)
		print("stale: " + ", ".join(stale) if stale else "up to date")
		return 1 if stale else 0
	print_counts(build(shared_data, args.out), args.out)
	return 0


if __name__ == "__main__":
	sys.exit(main())

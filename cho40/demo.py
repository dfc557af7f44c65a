"""`bench --site S cho40 demo`: the pilot markets from registry to paid invoices, idempotently.

Markets, stalls and traders are generated from a fixed seed, so a second run finds everything
already there; billing and statement import are idempotent on their own.
"""

import datetime
import json
import random
import tempfile
import time
from pathlib import Path

import frappe
from frappe.utils import add_days, get_first_day, today

from cho40 import demo_data
from cho40.billing_period import purpose_label
from cho40.market_payments.statement_import import import_file
from cho40.payment_code import purpose_for
from cho40.setup import ensure_company

SEED = 820  # Plan 820/KH-UBND
COLLECTION_BANK = "VietinBank"
COLLECTION_ACCOUNT_NO = "106870820820"
PAID_SHARE = 0.7


def run(log=print) -> dict:
	started = time.monotonic()
	rng = random.Random(SEED)
	company = ensure_company()
	log(f"Company: {company}")
	bank_account = ensure_collection_account(company)
	markets, missing = create_markets(company, bank_account)
	log(f"Markets: {len(markets)} created or found; {len(missing)} named in the plan but not identifiable:")
	for row in missing:
		log(f"  [THIẾU DỮ LIỆU] {row['market_name'] or '?'} ({row['former_district']}): {row['note']}")
	for market in markets:
		populate_market(rng, market)
	log(f"Stalls: {frappe.db.count('Market Stall')}, traders: {frappe.db.count('Trader')}")

	billing_started = time.monotonic()
	month = get_first_day(today())
	billing = bill_markets(markets, month)
	billing_seconds = time.monotonic() - billing_started
	log(
		f"Billing {month:%m/%Y}: {billing['created']} invoices created, {billing['existing']} already there, "
		f"{billing['errors']} errors, {vnd(billing['total'])} in {billing_seconds:.1f}s"
	)

	statement = import_generated_statement(random.Random(SEED + 1), bank_account, month, markets)
	log(
		f"Statement {statement.name}: {statement.rows_read} rows, {statement.transactions_created} new bank "
		f"transactions, {statement.duplicates_skipped} duplicates skipped, {statement.payments_matched} "
		f"payments matched ({vnd(statement.amount_matched)}), {statement.unmatched_credits} credits unmatched"
	)
	print_department_report(log, month)
	seconds = time.monotonic() - started
	log(f"Demo finished in {seconds:.0f}s")
	return {
		"billing": billing,
		"billing_seconds": billing_seconds,
		"seconds": seconds,
		"statement": statement.name,
	}


def ensure_collection_account(company: str) -> str:
	name = frappe.db.get_value("Bank Account", {"bank_account_no": COLLECTION_ACCOUNT_NO, "company": company})
	if name:
		return name
	bank = frappe.db.get_value("Bank", {"cho40_short_code": "ICB"}) or COLLECTION_BANK
	abbr = frappe.get_cached_value("Company", company, "abbr")
	parent = frappe.db.get_value("Account", {"company": company, "is_group": 1, "account_type": "Bank"})
	gl_account = frappe.db.get_value("Account", {"company": company, "account_name": "Tiền gửi VietinBank"})
	if not gl_account:
		gl_account = (
			frappe.get_doc(
				{
					"doctype": "Account",
					"account_name": "Tiền gửi VietinBank",
					"company": company,
					"parent_account": parent,
					"account_type": "Bank",
					"account_currency": "VND",
				}
			)
			.insert(ignore_permissions=True)
			.name
		)
	return (
		frappe.get_doc(
			{
				"doctype": "Bank Account",
				"account_name": f"Thu phí chợ {abbr}",
				"bank": bank,
				"account": gl_account,
				"is_company_account": 1,
				"company": company,
				"bank_account_no": COLLECTION_ACCOUNT_NO,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def create_markets(company: str, bank_account: str) -> tuple[list[str], list[dict]]:
	"""Every market the plan names; a row the sources could not identify is reported, not invented."""
	rows = json.loads((Path(__file__).parent / "data" / "pilot_markets.json").read_text())
	markets = [_ensure_market(row, company, bank_account) for row in rows if row["confidence"] != "missing"]
	return markets, [row for row in rows if row["missing"]]


def _ensure_market(row: dict, company: str, bank_account: str) -> str:
	if frappe.db.exists("Market", row["code"]):
		return row["code"]
	confirmed = bool(row.get("commune_code")) and not row["missing"]
	frappe.get_doc(
		{
			"doctype": "Market",
			"market_code": row["code"],
			"market_name": row["market_name"],
			"commune": row.get("commune_code"),
			"former_district": row.get("former_district"),
			"is_pilot": 1,
			"data_status": "Confirmed" if confirmed else "Needs Verification",
			"company": company,
			"collection_bank_account": bank_account,
			"managing_board": f"Ban quản lý {row['market_name']}",
			"note": " | ".join(filter(None, [row.get("confidence"), row.get("note"), row.get("source")])),
		}
	).insert(ignore_permissions=True)
	return row["code"]


def populate_market(rng: random.Random, market: str) -> None:
	"""Stalls and traders for one market; the rng draws happen even when the records exist, so
	every market gets the same data on every run."""
	stalls = demo_data.stall_layout(rng, rng.randint(18, 32))
	frappe.db.set_value("Market", market, {"business_points": len(stalls) * 12, "permanent_building": 1})
	for stall in stalls:
		name = f"{market}-{stall['code'].upper()}"
		if not frappe.db.exists("Market Stall", name):
			frappe.get_doc(
				{
					"doctype": "Market Stall",
					"market": market,
					"stall_code": stall["code"],
					"zone": stall["zone"],
					"stall_row": stall["row"],
					"stall_type": stall["stall_type"],
					"area_m2": stall["area_m2"],
					"open_sides": stall["open_sides"],
					"monthly_charge": stall["monthly_charge"],
				}
			).insert(ignore_permissions=True)
		trader = _demo_trader(rng, market, name)
		if rng.random() < 0.85 and not frappe.db.exists("Trader", {"citizen_id": trader["citizen_id"]}):
			frappe.get_doc(trader).insert(ignore_permissions=True)
	frappe.db.commit()


def _demo_trader(rng: random.Random, market: str, stall: str) -> dict:
	birth_year = rng.randint(1958, 2000)
	female = rng.random() < 0.6
	cccd = demo_data.citizen_id(rng, birth_year, female=female)
	bin_, account_no = demo_data.bank_account(rng)
	has_bank = rng.random() < 0.88
	return {
		"doctype": "Trader",
		"trader_name": demo_data.vietnamese_person_name(rng, female=female),
		"market": market,
		"citizen_id": cccd,
		"tax_code": cccd,
		"mobile_no": demo_data.mobile_number(rng),
		"goods_category": demo_data.goods_category(rng),
		"bank_accounts": [
			{"bank": frappe.db.get_value("Bank", {"cho40_bin": bin_}), "account_number": account_no}
		]
		if has_bank
		else [],
		"stalls": [{"stall": stall, "from_date": "2025-01-01"}],
	}


def bill_markets(markets: list[str], month) -> dict:
	from cho40.billing.run import execute

	totals = {"created": 0, "existing": 0, "errors": 0, "total": 0}
	for market in markets:
		name = frappe.db.get_value("Billing Run", {"market": market, "billing_month": month})
		if not name:
			run = frappe.get_doc(
				{"doctype": "Billing Run", "market": market, "billing_month": month, "posting_date": month}
			).insert(ignore_permissions=True)
			frappe.db.commit()
			name = run.name
		stats = execute(name)
		for key in totals:
			totals[key] += stats[key]
	return totals


def import_generated_statement(rng: random.Random, bank_account: str, month, markets: list[str]):
	"""A VietinBank export in which about 70% of the month's invoices are paid, a few in part."""
	invoices = frappe.get_all(
		"Sales Invoice",
		filters={"cho40_billing_period": f"{month:%Y-%m}", "docstatus": 1, "market": ("in", markets)},
		fields=["name", "grand_total", "cho40_payment_code"],
		order_by="name",
	)
	rows = []
	for invoice in invoices:
		if rng.random() >= PAID_SHARE:
			continue
		amount = int(invoice.grand_total)
		if rng.random() < 0.05:
			amount = amount // 2  # paid in part
		when = _moment(rng, month)
		purpose = purpose_for(invoice.cho40_payment_code, purpose_label(month))
		rows.append(
			{
				"date": when,
				"description": demo_data.mangle_description(rng, purpose, COLLECTION_BANK, when),
				"credit": amount,
				"debit": 0,
				"reference": demo_data.statement_reference(rng, COLLECTION_BANK, when),
			}
		)
	for _ in range(5):  # transfers that are not market charges
		when = _moment(rng, month)
		rows.append(
			{
				"date": when,
				"description": demo_data.mangle_description(rng, "Chuyen tien ung ho", COLLECTION_BANK, when),
				"credit": rng.randint(1, 50) * 10_000,
				"debit": 0,
				"reference": demo_data.statement_reference(rng, COLLECTION_BANK, when),
			}
		)
	rows.sort(key=lambda row: row["date"])
	account_no = frappe.db.get_value("Bank Account", bank_account, "bank_account_no")
	with tempfile.TemporaryDirectory() as folder:
		path = demo_data.write_statement_xlsx(
			Path(folder) / "statement.xlsx", rows, account_no, COLLECTION_BANK
		)
		content = Path(path).read_bytes()
	return import_file(bank_account, content, f"sao-ke-{account_no}-{month:%Y%m}.xlsx")


def _moment(rng: random.Random, month) -> datetime.datetime:
	"""A time on the first day of the billed month: the statement is the same whatever day the
	demo runs, so running it again imports nothing new."""
	return datetime.datetime(month.year, month.month, month.day, rng.randint(6, 20), rng.randint(0, 59))


def print_department_report(log, month) -> None:
	from cho40.reporting.report.market_cashless_collection.market_cashless_collection import execute

	frappe.local.lang = frappe.db.get_default("lang") or "en"
	columns, data = execute(
		frappe._dict(from_date=month, to_date=add_days(get_first_day(add_days(month, 32)), -1), only_pilot=1)
	)[:2]
	table = [[str(column["label"]) for column in columns]]
	table += [
		[_cell(row.get(column["fieldname"]), column["fieldtype"]) for column in columns] for row in data
	]
	widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
	log("")
	log(f"{frappe._('Market Cashless Collection')} — {month:%m/%Y}")
	for line in table:
		log("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


def vnd(amount) -> str:
	"""1234567 → '1.234.567 ₫', the way Vietnamese documents write money."""
	return f"{round(amount or 0):,}".replace(",", ".") + " ₫"


def _cell(value, fieldtype: str) -> str:
	if fieldtype == "Currency":
		return vnd(value)
	if fieldtype == "Percent":
		return f"{value:.1f}%".replace(".", ",")
	return "" if value is None else str(value)

"""`bench --site S cho40 benchmark [--traders N]`: how long billing and reconciliation take.

Creates a market of N traders (one stall each), bills the month, bills it again (the idempotent
re-run), imports a statement paying every invoice, imports it again, and prints the timings.
Runs against the real site, so use a scratch site.
"""

import random
import tempfile
import time
from pathlib import Path

import frappe
from frappe.utils import get_first_day, today

from cho40 import demo_data, vietqr
from cho40.billing.run import execute
from cho40.billing_period import purpose_label
from cho40.demo import COLLECTION_BANK, _moment
from cho40.market_payments.statement_import import import_file
from cho40.payment_code import purpose_for
from cho40.tests import factories


def run(traders: int = 200, log=print) -> dict:
	if not (frappe.conf.allow_tests or frappe.conf.developer_mode):
		frappe.throw(
			"The benchmark adds a market of test data: run it on a site with allow_tests or developer_mode"
		)
	rng = random.Random(2026)
	market = factories.market(market_name="Chợ đo hiệu năng")
	for _ in range(traders):
		stall = factories.stall(market.name, rng.randint(5, 60) * 10_000).name
		factories.trader(market.name, stalls=[stall])
	frappe.db.commit()
	month = get_first_day(today())
	billing_run = factories.billing_run(market.name, month).name
	frappe.db.commit()

	results = {"traders": traders}
	results["billing_s"], stats = _timed(lambda: execute(billing_run))
	results["rebilling_s"], again = _timed(lambda: execute(billing_run))
	assert stats["created"] == traders and again["created"] == 0, (stats, again)

	content = _statement_paying_everything(rng, market, month)
	results["import_s"], statement = _timed(
		lambda: import_file(market.collection_bank_account, content, f"benchmark-{market.name}.xlsx")
	)
	results["reimport_s"], repeat = _timed(
		lambda: import_file(market.collection_bank_account, content, f"benchmark-{market.name}-2.xlsx")
	)
	assert statement.payments_matched == traders and repeat.transactions_created == 0

	payload = vietqr.build_payload("970415", "113000777888", 450_000, "CHO7KM2QP5 T12.2026")
	results["vietqr_decode_us"], _ = _timed(lambda: [vietqr.decode_payload(payload) for _ in range(10_000)])
	results["vietqr_decode_us"] *= 100  # 10,000 decodes: seconds → µs per decode

	log(f"Traders/invoices:          {traders}")
	log(
		f"Billing:                   {results['billing_s']:.1f} s  ({results['billing_s'] * 1000 / traders:.0f} ms per invoice)"
	)
	log(f"Billing again (no-op):     {results['rebilling_s']:.2f} s")
	log(
		f"Statement import+matching: {results['import_s']:.1f} s  ({results['import_s'] * 1000 / traders:.0f} ms per paid invoice)"
	)
	log(f"Statement re-import:       {results['reimport_s']:.2f} s")
	log(f"VietQR decode:             {results['vietqr_decode_us']:.0f} µs per payload")
	return results


def _timed(work):
	started = time.perf_counter()
	value = work()
	return time.perf_counter() - started, value


def _statement_paying_everything(rng, market, month) -> bytes:
	invoices = frappe.get_all(
		"Sales Invoice",
		filters={"market": market.name, "docstatus": 1},
		fields=["grand_total", "cho40_payment_code"],
	)
	rows = []
	for invoice in invoices:
		when = _moment(rng, month)
		purpose = purpose_for(invoice.cho40_payment_code, purpose_label(month))
		rows.append(
			{
				"date": when,
				"description": demo_data.mangle_description(rng, purpose, COLLECTION_BANK, when),
				"credit": int(invoice.grand_total),
				"debit": 0,
				"reference": demo_data.statement_reference(rng, COLLECTION_BANK, when),
			}
		)
	with tempfile.TemporaryDirectory() as folder:
		path = demo_data.write_statement_xlsx(
			Path(folder) / "s.xlsx", rows, factories.COLLECTION_ACCOUNT_NO, COLLECTION_BANK
		)
		return Path(path).read_bytes()

"""The billing job: one submitted Sales Invoice per trader, market and month.

Safe to re-run: each invoice carries a unique billing key, so a repeated or resumed run only adds
the invoices still missing. Each invoice commits on its own, so a crash keeps what was done.
"""

import frappe
from frappe import _
from frappe.utils import add_days, getdate

from cho40.billing.defaults import get_settings
from cho40.billing_period import billing_key, month_bounds, period_key


def execute(billing_run: str) -> dict:
	run = frappe.get_doc("Billing Run", billing_run)
	run.db_set({"status": "Running", "error_message": None}, commit=True)
	try:
		stats = _bill_market(run)
	except Exception:
		frappe.db.rollback()
		run.db_set({"status": "Failed", "error_message": frappe.get_traceback()}, commit=True)
		raise
	return stats


def _bill_market(run) -> dict:
	start, end = month_bounds(getdate(run.billing_month))
	charges = stall_charges(run.market, start, end)
	created = 0
	errors = []
	for done, (trader, lines) in enumerate(charges.items(), start=1):
		key = billing_key(run.market, trader, start)
		if not frappe.db.exists("Sales Invoice", {"cho40_billing_key": key}):
			try:
				_make_invoice(run, trader, lines, key, start)
				frappe.db.commit()
				created += 1
			except frappe.UniqueValidationError:
				frappe.db.rollback()  # another run billed this trader a moment ago
			except Exception as error:
				frappe.db.rollback()
				errors.append({"trader": trader, "message": str(error)[:500]})
		_publish_progress(run.name, done, len(charges))

	# Counted from the database: runs of the same month started side by side all end right.
	billed, total = frappe.db.sql(
		"""select count(*), coalesce(sum(grand_total), 0) from `tabSales Invoice`
		where market = %s and cho40_billing_period = %s and docstatus = 1 and cho40_billing_key is not null""",
		(run.market, period_key(start)),
	)[0]
	run.reload()
	run.traders_billed = len(charges)
	run.invoices_created = created
	run.invoices_existing = billed - created
	run.total_billed = total
	run.set("errors", errors)
	run.status = "Completed with Errors" if errors else "Completed"
	run.flags.ignore_permissions = True
	run.save()
	frappe.db.commit()
	return {"created": created, "existing": billed - created, "errors": len(errors), "total": total}


def stall_charges(market: str, start, end) -> dict[str, list[dict]]:
	"""Stalls each active trader holds during the month, with their monthly charge."""
	rows = frappe.db.sql(
		"""
		select trader.name as trader, stall.name as stall, stall.stall_code, stall.monthly_charge
		from `tabTrader` trader
		join `tabTrader Stall` held on held.parent = trader.name and held.parenttype = 'Trader'
		join `tabMarket Stall` stall on stall.name = held.stall
		where trader.market = %(market)s and trader.status = 'Active'
			and ifnull(held.from_date, '1900-01-01') <= %(end)s
			and ifnull(held.to_date, '2999-12-31') >= %(start)s
			and stall.monthly_charge > 0
		order by trader.name, stall.stall_code
		""",
		{"market": market, "start": start, "end": end},
		as_dict=True,
	)
	charges: dict[str, list[dict]] = {}
	for row in rows:
		charges.setdefault(row.trader, []).append(row)
	return charges


def _make_invoice(run, trader_name: str, lines: list[dict], key: str, start):
	settings = get_settings()
	trader = frappe.db.get_value("Trader", trader_name, ["customer", "trader_name"], as_dict=True)
	if not trader.customer:
		frappe.throw(_("Trader {0} has no customer").format(trader_name))
	company = frappe.db.get_value("Market", run.market, "company")
	month = f"{start.month:02d}/{start.year}"
	# The invoice is read by the trader: write it in the site's language, not the runner's.
	language = frappe.db.get_default("lang")
	invoice = frappe.get_doc(
		{
			"doctype": "Sales Invoice",
			"customer": trader.customer,
			"company": company,
			"posting_date": run.posting_date,
			"set_posting_time": 1,
			"due_date": add_days(run.posting_date, settings.invoice_due_days or 0),
			"market": run.market,
			"cho40_trader": trader_name,
			"cho40_billing_period": period_key(start),
			"cho40_billing_run": run.name,
			"cho40_billing_key": key,
			"items": [
				{
					"item_code": settings.stall_charge_item,
					"qty": 1,
					"rate": line.monthly_charge,
					"description": _("Stall {0}, month {1}", lang=language).format(line.stall_code, month),
					"market": run.market,
				}
				for line in lines
			],
		}
	)
	invoice.flags.ignore_permissions = True
	invoice.insert()
	invoice.submit()
	return invoice


def _publish_progress(billing_run: str, done: int, total: int) -> None:
	frappe.publish_progress(
		done * 100 / max(total, 1),
		title=_("Billing"),
		doctype="Billing Run",
		docname=billing_run,
		description=_("{0} of {1} traders").format(done, total),
	)

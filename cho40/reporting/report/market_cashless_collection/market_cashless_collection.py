"""Per market: traders, QR-ready traders, invoices billed and what was collected through the bank."""

import frappe
from frappe import _
from frappe.utils import flt, get_first_day, get_last_day, getdate, today


def execute(filters=None):
	filters = frappe._dict(filters or {})
	filters.from_date = getdate(filters.from_date or get_first_day(today()))
	filters.to_date = getdate(filters.to_date or get_last_day(today()))
	markets = _visible_markets(filters)
	rows = [_market_row(market, filters) for market in markets]
	return _columns(), [*rows, _total_row(rows)] if rows else rows, None, _chart(rows)


def _visible_markets(filters) -> list:
	conditions = {"is_active": 1}
	if filters.company:
		conditions["company"] = filters.company
	if filters.only_pilot:
		conditions["is_pilot"] = 1
	# get_list applies the user's permissions: a board sees its own market only.
	return frappe.get_list(
		"Market",
		filters=conditions,
		fields=["name", "market_name", "commune", "former_district"],
		order_by="name",
	)


def _market_row(market, filters) -> dict:
	traders, qr_ready = frappe.db.sql(
		"""select count(*), coalesce(sum(qr_ready), 0) from `tabTrader`
		where market = %s and status = 'Active'""",
		market.name,
	)[0]
	invoices, billed = frappe.db.sql(
		"""select count(*), coalesce(sum(grand_total), 0) from `tabSales Invoice`
		where market = %(market)s and docstatus = 1 and is_return = 0
			and posting_date between %(from_date)s and %(to_date)s""",
		{"market": market.name, **filters},
	)[0]
	collected = frappe.db.sql(
		"""select coalesce(sum(ref.allocated_amount), 0)
		from `tabPayment Entry Reference` ref
		join `tabPayment Entry` pe on pe.name = ref.parent
		join `tabAccount` acc on acc.name = pe.paid_to
		join `tabSales Invoice` si on si.name = ref.reference_name
		where ref.reference_doctype = 'Sales Invoice' and pe.docstatus = 1 and acc.account_type = 'Bank'
			and si.market = %(market)s and si.docstatus = 1
			and si.posting_date between %(from_date)s and %(to_date)s""",
		{"market": market.name, **filters},
	)[0][0]
	return {
		"market": market.name,
		"market_name": market.market_name,
		"former_district": market.former_district,
		"traders": traders,
		"qr_ready": int(qr_ready),
		"qr_ready_percent": _percent(qr_ready, traders),
		"invoices": invoices,
		"billed": flt(billed),
		"collected": flt(collected),
		"collected_percent": _percent(collected, billed),
	}


def _total_row(rows: list[dict]) -> dict:
	"""Percentages of the sums, not sums (or averages) of percentages."""
	total = {
		key: sum(row[key] for row in rows)
		for key in ("traders", "qr_ready", "invoices", "billed", "collected")
	}
	total["market_name"] = _("Total")
	total["qr_ready_percent"] = _percent(total["qr_ready"], total["traders"])
	total["collected_percent"] = _percent(total["collected"], total["billed"])
	return total


def _percent(part, whole) -> float:
	return round(flt(part) * 100 / flt(whole), 1) if whole else 0.0


def _columns() -> list[dict]:
	return [
		{"fieldname": "market", "label": _("Market"), "fieldtype": "Link", "options": "Market", "width": 150},
		{"fieldname": "market_name", "label": _("Market Name"), "fieldtype": "Data", "width": 220},
		{"fieldname": "former_district", "label": _("Former District"), "fieldtype": "Data", "width": 150},
		{"fieldname": "traders", "label": _("Traders"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "qr_ready",
			"label": _("Traders with Bank Account (QR)"),
			"fieldtype": "Int",
			"width": 120,
		},
		{"fieldname": "qr_ready_percent", "label": _("% QR Ready"), "fieldtype": "Percent", "width": 100},
		{"fieldname": "invoices", "label": _("Invoices Billed"), "fieldtype": "Int", "width": 110},
		{"fieldname": "billed", "label": _("Amount Billed"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "collected", "label": _("Collected Cashless"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "collected_percent", "label": _("% Collected"), "fieldtype": "Percent", "width": 100},
	]


def _chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [row["market"] for row in rows],
			"datasets": [
				{"name": _("Amount Billed"), "values": [row["billed"] for row in rows]},
				{"name": _("Collected Cashless"), "values": [row["collected"] for row in rows]},
			],
		},
		"type": "bar",
		"fieldtype": "Currency",
	}

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import get_first_day, today

from cho40 import payment_code, vietqr
from cho40.billing.run import execute
from cho40.invoice_qr import invoice_vietqr_data_uri, invoice_vietqr_payload
from cho40.tests import factories


class TestBillingRun(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.market = factories.market().name
		kiosk = factories.stall(cls.market, 300_000).name
		lot = factories.stall(cls.market, 150_000).name
		single = factories.stall(cls.market, 95_000).name
		factories.stall(cls.market, 500_000)  # vacant: not billed
		cls.two_stalls = factories.trader(cls.market, stalls=[kiosk, lot]).name
		cls.one_stall = factories.trader(cls.market, stalls=[single]).name
		factories.trader(cls.market)  # no stall: nothing to bill
		cls.billing_run = factories.billing_run(cls.market)
		cls.first = execute(cls.billing_run.name)

	def invoices(self):
		return frappe.get_all(
			"Sales Invoice",
			filters={"cho40_billing_run": self.billing_run.name, "docstatus": 1},
			fields=[
				"name",
				"cho40_trader",
				"grand_total",
				"outstanding_amount",
				"market",
				"cho40_payment_code",
			],
		)

	def test_one_submitted_invoice_per_trader_with_the_market_dimension(self):
		self.assertEqual(self.first, {"created": 2, "existing": 0, "errors": 0, "total": 545_000})
		totals = {row.cho40_trader: row.grand_total for row in self.invoices()}
		# 300,000 + 150,000 for the trader with two stalls; 95,000 for the other.
		self.assertEqual(totals, {self.two_stalls: 450_000, self.one_stall: 95_000})
		for invoice in self.invoices():
			self.assertEqual(invoice.market, self.market)
			self.assertTrue(payment_code.is_valid_code(invoice.cho40_payment_code))
		run = frappe.get_doc("Billing Run", self.billing_run.name)
		self.assertEqual((run.status, run.invoices_created, run.total_billed), ("Completed", 2, 545_000))

	def test_rerun_creates_nothing(self):
		again = execute(self.billing_run.name)
		self.assertEqual(again["created"], 0)
		self.assertEqual(again["existing"], 2)
		self.assertEqual(len(self.invoices()), 2)

	def test_second_run_for_the_same_month_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			factories.billing_run(self.market, get_first_day(today()))

	def test_invoice_carries_a_dynamic_vietqr_for_the_collection_account(self):
		invoice = frappe.get_doc(
			"Sales Invoice", {"cho40_trader": self.two_stalls, "cho40_billing_run": self.billing_run.name}
		)
		decoded = vietqr.decode_payload(invoice_vietqr_payload(invoice))
		self.assertEqual(decoded["errors"], [])
		self.assertTrue(decoded["crc_ok"])
		self.assertEqual(decoded["bin"], factories.COLLECTION_BIN)
		self.assertEqual(decoded["account"], factories.COLLECTION_ACCOUNT_NO)
		self.assertEqual(decoded["amount"], 450_000)
		self.assertEqual(decoded["initiation"], "12")
		self.assertIn(invoice.cho40_payment_code, decoded["purpose"])
		self.assertLessEqual(len(decoded["purpose"]), 25)
		self.assertTrue(invoice_vietqr_data_uri(invoice).startswith("data:image/png;base64,"))

	def test_print_format_shows_the_qr_and_amount_in_words(self):
		invoice = frappe.get_doc(
			"Sales Invoice", {"cho40_trader": self.one_stall, "cho40_billing_run": self.billing_run.name}
		)
		html = frappe.get_print("Sales Invoice", invoice.name, print_format="Cho40 Invoice")
		self.assertIn("data:image/png;base64,", html)
		self.assertIn(invoice.cho40_payment_code, html)
		self.assertIn("Chín mươi lăm nghìn đồng", html)


class TestCancelledInvoiceIsBilledAgain(FrappeTestCase):
	def test_cancel_then_rerun_bills_again_once(self):
		market = factories.market().name
		trader = factories.trader(market, stalls=[factories.stall(market, 120_000).name]).name
		run = factories.billing_run(market)
		self.assertEqual(execute(run.name)["created"], 1)
		invoice = frappe.get_doc("Sales Invoice", {"cho40_trader": trader, "docstatus": 1})
		invoice.cancel()
		self.assertEqual(execute(run.name)["created"], 1)
		self.assertEqual(execute(run.name)["created"], 0)
		self.assertEqual(frappe.db.count("Sales Invoice", {"cho40_trader": trader, "docstatus": 1}), 1)


class TestRunBillingButton(FrappeTestCase):
	def test_start_queues_once_and_the_job_completes_the_run(self):
		market = factories.market().name
		factories.trader(market, stalls=[factories.stall(market, 90_000).name])
		billing_run = factories.billing_run(market)
		self.assertEqual(billing_run.start(), "Queued")
		frappe.db.commit()  # the job is handed to the queue on commit
		self.assertEqual(frappe.db.get_value("Billing Run", billing_run.name, "status"), "Queued")
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc("Billing Run", billing_run.name).start()
		execute(billing_run.name)  # what the worker runs
		billing_run.reload()
		self.assertEqual(
			(billing_run.status, billing_run.invoices_created, billing_run.total_billed),
			("Completed", 1, 90_000),
		)
		self.assertEqual(billing_run.start(), "Queued")  # a finished run may be started again


class TestAmendedInvoiceKeepsTheMonth(FrappeTestCase):
	def test_cancel_amend_then_rerun_does_not_bill_twice(self):
		market = factories.market().name
		trader = factories.trader(market, stalls=[factories.stall(market, 450_000).name]).name
		billing_run = factories.billing_run(market)
		execute(billing_run.name)
		original = frappe.get_doc("Sales Invoice", {"cho40_trader": trader, "docstatus": 1})
		original.cancel()
		amended = frappe.copy_doc(original, ignore_no_copy=False)  # what the desk's Amend does
		amended.amended_from = original.name
		amended.items[0].rate = 225_000
		amended.docstatus = 1
		amended.insert(ignore_permissions=True)
		self.assertEqual(amended.cho40_billing_period, original.cho40_billing_period)
		self.assertEqual(execute(billing_run.name)["created"], 0)
		active = frappe.get_all(
			"Sales Invoice", {"cho40_trader": trader, "docstatus": 1}, pluck="grand_total"
		)
		self.assertEqual(active, [225_000])


class TestReportTotals(FrappeTestCase):
	def test_total_row_takes_percentages_of_the_sums(self):
		from cho40.reporting.report.market_cashless_collection.market_cashless_collection import _total_row

		rows = [
			{"traders": 10, "qr_ready": 9, "invoices": 10, "billed": 1_000_000, "collected": 900_000},
			{"traders": 30, "qr_ready": 15, "invoices": 30, "billed": 3_000_000, "collected": 600_000},
		]
		total = _total_row(rows)
		# (9 + 15) / 40 = 60%; (900,000 + 600,000) / 4,000,000 = 37.5% (the average of 90% and 20% would be 55%).
		self.assertEqual((total["qr_ready_percent"], total["collected_percent"]), (60.0, 37.5))
		self.assertEqual((total["billed"], total["collected"]), (4_000_000, 1_500_000))

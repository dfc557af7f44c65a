import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import formatdate, getdate, today

from cho40.billing.run import execute
from cho40.market_payments.statement_import import import_file, import_statement
from cho40.tests import factories


def statement_csv(rows: list[tuple[str, int, str]]) -> str:
	day = formatdate(today(), "dd/mm/yyyy")
	lines = ["Ngày giao dịch,Nội dung,Số tiền ghi có,Số tham chiếu"]
	for description, credit, reference in rows:
		amount = f"{credit:,}".replace(",", ".")
		lines.append(f'{day},"{description}","{amount}",{reference}')
	return "\n".join(lines) + "\n"


def upload_statement(bank_account: str, content: str) -> "frappe.Document":
	return import_file(bank_account, content.encode("utf-8-sig"), f"{factories.unique('sao-ke')}.csv")


def spaced(code: str) -> str:
	return f"{code[:4]} {code[4:7]} {code[7:]}"


class TestStatementReconciliation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		market = factories.market()
		cls.bank_account = market.collection_bank_account
		charges = {
			"exact": 200_000,
			"partial": 300_000,
			"spaced": 180_000,
			"prefixed": 250_000,
			"twice": 70_000,
		}
		cls.traders = {
			key: factories.trader(market.name, stalls=[factories.stall(market.name, charge).name]).name
			for key, charge in charges.items()
		}
		execute(factories.billing_run(market.name).name)
		cls.invoice = {
			key: frappe.get_doc("Sales Invoice", {"cho40_trader": trader, "docstatus": 1})
			for key, trader in cls.traders.items()
		}
		# A second bill for the same trader, so that one transfer can pay two invoices.
		extra = frappe.copy_doc(cls.invoice["twice"], ignore_no_copy=False)
		extra.items[0].rate = 30_000
		extra.docstatus = 1
		extra.insert(ignore_permissions=True)
		cls.extra = extra
		code = {key: invoice.cho40_payment_code for key, invoice in cls.invoice.items()}
		# Banks never repeat a reference; a per-run suffix keeps earlier test runs' rows apart.
		run = frappe.generate_hash(length=6).upper()
		cls.vcb_reference = f"5285 - {run}"
		cls.content = statement_csv(
			[
				(
					f"MBVCB.3712044.155290.{code['exact']} T12.2026.CT tu 0011004123456 NGUYEN THI HOA toi 113000777888 tai VIETINBANK",
					200_000,
					cls.vcb_reference,
				),
				(f"{code['partial'].lower()} thanh toán tiền chợ", 100_000, f"FT26336111111111{run}"),
				(f"CT nhanh 247 den: IBFT {spaced(code['spaced'])} T12.2026", 180_000, f"928K2611{run}"),
				(
					f"TKThe :0011004123456, tai VCB. {code['prefixed']}-031226-08:15:22 842211 -CTLNHIDI000011772206-1/1-CRE-002",
					250_000,
					f"FT26336222222222{run}",
				),
				(
					f"Tra tien cho {code['twice']} va {extra.cho40_payment_code}",
					100_000,
					f"FT26336333333333{run}",
				),
				("Chuyen tien ung ho quy khuyen hoc", 500_000, f"FT26336444444444{run}"),
			]
		)
		cls.first = upload_statement(cls.bank_account, cls.content)

	def outstanding(self, key):
		return frappe.db.get_value("Sales Invoice", self.invoice[key].name, "outstanding_amount")

	def test_every_row_becomes_a_bank_transaction_and_codes_match_however_mangled(self):
		self.assertEqual(self.first.transactions_created, 6)
		self.assertEqual(self.first.payments_matched, 5)
		self.assertEqual(self.first.amount_matched, 830_000)  # 200 + 100 + 180 + 250 + 100 thousand
		self.assertEqual(self.first.unmatched_credits, 1)
		for key in ("exact", "spaced", "prefixed", "twice"):
			self.assertEqual(self.outstanding(key), 0, key)
		self.assertEqual(frappe.db.get_value("Sales Invoice", self.extra.name, "outstanding_amount"), 0)
		self.assertEqual(self.outstanding("partial"), 200_000)  # 300,000 billed, 100,000 paid

	def test_reimport_adds_nothing_and_pays_nothing_twice(self):
		again = upload_statement(self.bank_account, self.content)
		self.assertEqual(again.transactions_created, 0)
		self.assertEqual(again.duplicates_skipped, 6)
		self.assertEqual(again.payments_matched, 0)
		self.assertEqual(self.outstanding("partial"), 200_000)
		payments = frappe.get_all(
			"Payment Entry Reference",
			filters={"reference_name": self.invoice["exact"].name, "docstatus": 1},
			pluck="allocated_amount",
		)
		self.assertEqual(payments, [200_000])

	def test_bank_transactions_are_reconciled(self):
		transaction = frappe.get_doc(
			"Bank Transaction", {"reference_number": self.vcb_reference, "bank_account": self.bank_account}
		)
		self.assertEqual(transaction.status, "Reconciled")
		self.assertEqual(transaction.unallocated_amount, 0)
		self.assertEqual(getdate(transaction.date), getdate(today()))

	def test_gl_entries_of_a_paid_invoice(self):
		invoice = self.invoice["exact"]
		payment = frappe.get_all(
			"Payment Entry Reference",
			filters={"reference_name": invoice.name, "docstatus": 1},
			pluck="parent",
		)[0]
		gl = frappe.get_all(
			"GL Entry",
			filters={"voucher_no": payment, "is_cancelled": 0},
			fields=["account", "debit", "credit", "party"],
		)
		bank_gl = frappe.db.get_value("Bank Account", self.bank_account, "account")
		by_account = {row.account: row for row in gl}
		self.assertEqual((by_account[bank_gl].debit, by_account[bank_gl].credit), (200_000, 0))
		receivable = by_account[invoice.debit_to]
		self.assertEqual(
			(receivable.debit, receivable.credit, receivable.party), (0, 200_000, invoice.customer)
		)
		invoice_gl = frappe.get_all(
			"GL Entry",
			filters={"voucher_no": invoice.name, "is_cancelled": 0},
			fields=["sum(debit) as debit", "sum(credit) as credit"],
		)[0]
		self.assertEqual((invoice_gl.debit, invoice_gl.credit), (200_000, 200_000))


class TestBadStatements(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.bank_account = factories.market().collection_bank_account

	def test_bad_rows_are_reported_and_good_rows_kept(self):
		day = formatdate(today(), "dd/mm/yyyy")
		run = frappe.generate_hash(length=6).upper()
		content = (
			"Ngày giao dịch,Nội dung,Số tiền ghi có,Số tham chiếu\n"
			f'{day},"Chuyen tien A","150.000",REF1{run}\n'
			f'31/02/2026,"Chuyen tien B","20.000",REF2{run}\n'
			f'{day},"Chuyen tien C","12,5",REF3{run}\n'
			f'{day},"Chuyen tien D","75.000",REF4{run}\n'
		)
		statement = upload_statement(self.bank_account, content)
		self.assertEqual(statement.status, "Imported with Errors")
		self.assertEqual(statement.transactions_created, 2)
		self.assertEqual(statement.rows_read, 4)
		errors = {row.row_number: row for row in statement.row_errors}
		self.assertEqual(set(errors), {3, 4})  # file rows: 1 is the header
		self.assertEqual(errors[3].value, "31/02/2026")
		self.assertIn("31/02/2026", errors[3].message)
		self.assertEqual(errors[4].value, "12,5")
		self.assertEqual(
			sorted(
				frappe.get_all(
					"Bank Transaction", {"reference_number": ("like", f"REF_{run}")}, pluck="deposit"
				)
			),
			[75_000, 150_000],
		)

	def test_unreadable_file_fails_with_a_clear_message(self):
		file_doc = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{factories.unique('sao-ke')}.xlsx",
				"content": b"not a workbook",
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		statement = frappe.get_doc(
			{
				"doctype": "Market Bank Statement",
				"bank_account": self.bank_account,
				"statement_file": file_doc.file_url,
			}
		).insert(ignore_permissions=True)
		import_statement(statement.name)
		statement.reload()
		self.assertEqual(statement.status, "Failed")
		self.assertIn(file_doc.file_name, statement.error_message)
		self.assertNotIn("Traceback", statement.error_message)


class TestAccountantImport(FrappeTestCase):
	def test_a_market_accountant_imports_and_reconciles(self):
		market = factories.market()
		trader = factories.trader(market.name, stalls=[factories.stall(market.name, 130_000).name]).name
		execute(factories.billing_run(market.name).name)
		invoice = frappe.get_doc("Sales Invoice", {"cho40_trader": trader, "docstatus": 1})
		accountant = factories.user("accountant")
		market.append("board_members", {"user": accountant, "board_role": "Market Accountant"})
		market.save(ignore_permissions=True)
		frappe.db.commit()
		content = statement_csv([(f"IBFT {invoice.cho40_payment_code}", 130_000, factories.unique("FT"))])
		frappe.set_user(accountant)
		try:
			statement = upload_statement(market.collection_bank_account, content)
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(statement.status, "Imported", statement.row_errors)
		self.assertEqual(frappe.db.get_value("Sales Invoice", invoice.name, "outstanding_amount"), 0)

	def test_one_transfer_for_two_traders_is_left_to_a_person(self):
		market = factories.market()
		traders = [
			factories.trader(market.name, stalls=[factories.stall(market.name, 60_000).name]).name
			for _ in range(2)
		]
		execute(factories.billing_run(market.name).name)
		codes = [
			frappe.db.get_value("Sales Invoice", {"cho40_trader": t, "docstatus": 1}, "cho40_payment_code")
			for t in traders
		]
		statement = upload_statement(
			market.collection_bank_account,
			statement_csv([(" ".join(codes), 120_000, factories.unique("FT"))]),
		)
		self.assertEqual(
			(statement.transactions_created, statement.payments_matched, statement.unmatched_credits),
			(1, 0, 1),
		)
		for trader in traders:
			self.assertEqual(
				frappe.db.get_value(
					"Sales Invoice", {"cho40_trader": trader, "docstatus": 1}, "outstanding_amount"
				),
				60_000,
			)

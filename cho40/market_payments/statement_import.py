"""Bank statement file → ERPNext Bank Transactions → Payment Entries.

Each row gets a stable key (the bank's reference, or a fingerprint of the row) stored in the
Bank Transaction's unique transaction_id, so importing the same file again adds nothing.
"""

import frappe
from frappe import _

from cho40.bank_statement import StatementFormatError, dedupe_keys, parse_statement
from cho40.market_payments.reconcile import reconcile_bank_account


def import_file(bank_account: str, content: bytes, file_name: str):
	"""Upload a statement file as a user would and import it now, in this process."""
	file_doc = frappe.get_doc(
		{"doctype": "File", "file_name": file_name, "content": content, "is_private": 1}
	).insert(ignore_permissions=True)
	statement = frappe.get_doc(
		{
			"doctype": "Market Bank Statement",
			"bank_account": bank_account,
			"statement_file": file_doc.file_url,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	import_statement(statement.name)
	return frappe.get_doc("Market Bank Statement", statement.name)


def import_statement(statement_name: str) -> None:
	statement = frappe.get_doc("Market Bank Statement", statement_name)
	statement.db_set({"status": "Importing", "error_message": None}, commit=True)
	try:
		_import(statement)
	except StatementFormatError as error:
		frappe.db.rollback()
		message = _(error.message).format(error.value)
		statement.db_set({"status": "Failed", "error_message": message}, commit=True)
	except Exception:
		frappe.db.rollback()
		statement.db_set({"status": "Failed", "error_message": frappe.get_traceback()}, commit=True)
		raise


def _import(statement) -> None:
	file_doc = frappe.get_doc("File", {"file_url": statement.statement_file})
	with open(file_doc.get_full_path(), "rb") as statement_file:
		result = parse_statement(file_doc.file_name, statement_file.read())
	account = frappe.db.get_value(
		"Bank Account", statement.bank_account, ["bank_account_no", "company"], as_dict=True
	)
	created = duplicates = 0
	keys = dedupe_keys(result.rows, account.bank_account_no)
	for done, (row, key) in enumerate(zip(result.rows, keys, strict=True), start=1):
		frappe.publish_progress(
			done * 100 / len(keys),
			title=_("Importing bank statement"),
			doctype="Market Bank Statement",
			docname=statement.name,
		)
		if frappe.db.exists("Bank Transaction", {"transaction_id": key}):
			duplicates += 1
			continue
		_create_transaction(statement, account.company, row, key)
		created += 1
	frappe.db.commit()

	matched = reconcile_bank_account(statement.bank_account)
	statement.reload()
	statement.rows_read = len(result.rows) + len(result.errors)
	statement.transactions_created = created
	statement.duplicates_skipped = duplicates
	statement.payments_matched = (statement.payments_matched or 0) + matched["matched"]
	statement.amount_matched = (statement.amount_matched or 0) + matched["amount"]
	statement.unmatched_credits = _unmatched_credits(keys)
	statement.set(
		"row_errors",
		[
			{
				"row_number": error.row_number,
				"field": error.field,
				"value": str(error.value)[:140],
				"message": _(error.message).format(error.value),
			}
			for error in result.errors
		]
		+ [
			{
				"field": "reconciliation",
				"value": transaction,
				"message": _("Bank transaction {0} could not be matched to its invoice: {1}").format(
					transaction, message
				),
			}
			for transaction, message in matched["failures"]
		],
	)
	statement.status = "Imported with Errors" if statement.row_errors else "Imported"
	statement.flags.ignore_permissions = True
	statement.save()
	frappe.db.commit()


def _unmatched_credits(keys: list[str]) -> int:
	"""Credits of this file that no payment code matched: left for a person to reconcile."""
	if not keys:
		return 0
	return frappe.db.count(
		"Bank Transaction",
		{"transaction_id": ("in", keys), "docstatus": 1, "deposit": (">", 0), "unallocated_amount": (">", 0)},
	)


def _create_transaction(statement, company: str, row, key: str) -> None:
	transaction = frappe.get_doc(
		{
			"doctype": "Bank Transaction",
			"date": row.posted_on,
			"bank_account": statement.bank_account,
			"company": company,
			"deposit": row.credit,
			"withdrawal": row.debit,
			"currency": frappe.get_cached_value("Company", company, "default_currency"),
			"description": row.description,
			"reference_number": row.reference or None,
			"transaction_id": key,
		}
	)
	transaction.flags.ignore_permissions = True
	transaction.insert()
	transaction.submit()


def validate_statement_file(statement) -> None:
	if not statement.statement_file:
		return
	name = statement.statement_file.lower()
	if not name.endswith((".xlsx", ".xls", ".csv")):
		frappe.throw(
			_("Statement File {0} must be an Excel (.xlsx, .xls) or CSV file").format(
				frappe.bold(statement.statement_file)
			)
		)

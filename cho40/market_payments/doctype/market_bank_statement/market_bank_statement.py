# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe import _
from frappe.model.document import Document

from cho40.market_payments.statement_import import validate_statement_file


class MarketBankStatement(Document):
	def validate(self):
		validate_statement_file(self)

	@frappe.whitelist()
	def start_import(self):
		self.check_permission("write")
		if self.status in ("Queued", "Importing"):
			frappe.throw(_("Statement {0} is already being imported").format(self.name))
		self.db_set({"status": "Queued", "error_message": None})
		frappe.enqueue(
			"cho40.market_payments.statement_import.import_statement",
			queue="long",
			timeout=3600,
			job_id=f"cho40-statement::{self.name}",
			deduplicate=True,
			enqueue_after_commit=True,
			statement_name=self.name,
		)
		return self.status

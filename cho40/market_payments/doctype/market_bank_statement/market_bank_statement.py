# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe.model.document import Document

from cho40.jobs import queue_for
from cho40.market_payments.statement_import import validate_statement_file


class MarketBankStatement(Document):
	def validate(self):
		validate_statement_file(self)

	@frappe.whitelist()
	def start_import(self):
		"""Queue the import; importing the same file again adds nothing."""
		return queue_for(
			self,
			"cho40.market_payments.statement_import.import_statement",
			("Queued", "Importing"),
			statement_name=self.name,
		)

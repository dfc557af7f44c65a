# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from cho40.billing_period import month_bounds
from cho40.jobs import queue_for


class BillingRun(Document):
	def before_insert(self):
		self.set_period()
		self.check_one_run_per_month()

	def validate(self):
		self.set_period()
		self.check_one_run_per_month()

	def set_period(self):
		"""Any day of the month names the month; the run's name uses its first day."""
		self.billing_month, self.period_end = month_bounds(getdate(self.billing_month))

	def check_one_run_per_month(self):
		duplicate = frappe.db.exists(
			"Billing Run",
			{"market": self.market, "billing_month": self.billing_month, "name": ("!=", self.name or "")},
		)
		if duplicate:
			frappe.throw(
				_("Market {0} already has billing run {1} for this month").format(
					frappe.bold(self.market), frappe.bold(duplicate)
				)
			)

	@frappe.whitelist()
	def start(self):
		"""Queue the run; the job is safe to start again, it only adds the invoices still missing."""
		return queue_for(self, "cho40.billing.run.execute", ("Queued", "Running"), billing_run=self.name)

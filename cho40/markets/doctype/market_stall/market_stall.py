# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe import _
from frappe.model.document import Document


class MarketStall(Document):
	def before_insert(self):
		# Before naming, so that "c9 01" and "C901" are one stall code and one name.
		self.normalise_code()

	def validate(self):
		self.normalise_code()
		for fieldname in ("area_m2", "open_sides", "monthly_charge"):
			if (self.get(fieldname) or 0) < 0:
				frappe.throw(
					_("{0} cannot be negative: {1}").format(
						_(self.meta.get_label(fieldname)), frappe.bold(self.get(fieldname))
					)
				)
		if self.open_sides and self.open_sides > 4:
			frappe.throw(
				_("Open Sides must be between 0 and 4, not {0}").format(frappe.bold(self.open_sides))
			)
		self.monthly_charge = round(self.monthly_charge or 0)

	def normalise_code(self):
		self.stall_code = "".join((self.stall_code or "").split()).upper()

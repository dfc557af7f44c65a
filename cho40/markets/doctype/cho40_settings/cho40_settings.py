# Copyright (c) 2026, cho40 developers
# License: MIT

from frappe.model.document import Document


class Cho40Settings(Document):
	pass

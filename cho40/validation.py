"""Frappe side of the pure validators: turns their errors into translated messages that name the field."""

import frappe
from frappe import _

from cho40 import validators


def clean(doc, fieldname: str, validate, **kwargs):
	"""Normalise doc.fieldname with a pure validator, or stop the save with a translated message."""
	value = doc.get(fieldname)
	if value in (None, ""):
		return
	try:
		doc.set(fieldname, validate(value, **kwargs))
	except validators.InvalidValue as error:
		throw_invalid(doc, fieldname, error)


def throw_invalid(doc, fieldname: str, error, row_label: str | None = None):
	label = _(doc.meta.get_label(fieldname))
	where = f"{row_label}: " if row_label else ""
	frappe.throw(
		where + _(error.message).format(frappe.bold(error.value)),
		title=_("Invalid {0}").format(label),
		exc=frappe.ValidationError,
	)

"""Background jobs that belong to a document: status on the document, one job per document."""

import frappe
from frappe import _


def queue_for(doc, method: str, busy_statuses: tuple[str, ...], **kwargs) -> str:
	"""Queue `method` for `doc` unless it is already queued or running; the job sets the status after."""
	doc.check_permission("write")
	if doc.status in busy_statuses:
		frappe.throw(_("{0} {1} is already {2}").format(_(doc.doctype), doc.name, _(doc.status)))
	doc.db_set({"status": "Queued", "error_message": None})
	frappe.enqueue(
		method,
		queue="long",
		timeout=3600,
		job_id=f"cho40::{doc.doctype}::{doc.name}",
		deduplicate=True,
		enqueue_after_commit=True,
		**kwargs,
	)
	return "Queued"

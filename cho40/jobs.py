"""Background jobs that belong to a document: status on the document, one job per document."""

import frappe
from frappe import _
from frappe.utils.background_jobs import is_job_enqueued


def queue_for(doc, method: str, busy_statuses: tuple[str, ...], **kwargs) -> str:
	"""Queue `method` for `doc` unless it is already queued or running; the job sets the status after."""
	doc.check_permission("write")
	job_id = f"cho40::{doc.doctype}::{doc.name}"
	# A job lost with its worker leaves the status behind; only a job really in the queue blocks.
	if doc.status in busy_statuses and is_job_enqueued(job_id):
		frappe.throw(_("{0} {1} is already {2}").format(_(doc.doctype), doc.name, _(doc.status)))
	doc.db_set({"status": "Queued", "error_message": None})
	frappe.enqueue(
		method,
		queue="long",
		timeout=3600,
		job_id=job_id,
		deduplicate=True,
		enqueue_after_commit=True,
		**kwargs,
	)
	return "Queued"

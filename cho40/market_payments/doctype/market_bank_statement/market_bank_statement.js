frappe.ui.form.on("Market Bank Statement", {
	refresh(frm) {
		if (!frm.is_new() && !["Queued", "Importing"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Import and Reconcile"), () =>
				frm.call("start_import").then(() => frm.reload_doc())
			).addClass("btn-primary");
		}
		if (["Queued", "Importing"].includes(frm.doc.status)) {
			frm.dashboard.set_headline(
				__("Importing in the background; this page refreshes when done.")
			);
			setTimeout(() => frm.reload_doc(), 3000);
		}
	},
});

frappe.ui.form.on("Billing Run", {
	refresh(frm) {
		if (!frm.is_new() && !["Queued", "Running"].includes(frm.doc.status)) {
			const label = frm.doc.status === "Draft" ? __("Run Billing") : __("Run Again");
			frm.add_custom_button(label, () =>
				frm.call("start").then(() => frm.reload_doc())
			).addClass("btn-primary");
		}
		if (frm.doc.invoices_created || frm.doc.invoices_existing) {
			frm.add_custom_button(__("Invoices"), () =>
				frappe.set_route("List", "Sales Invoice", { cho40_billing_run: frm.doc.name })
			);
		}
		if (["Queued", "Running"].includes(frm.doc.status)) {
			frm.dashboard.set_headline(
				__("Billing in the background; this page refreshes when done.")
			);
			setTimeout(() => frm.reload_doc(), 3000);
		}
	},
});

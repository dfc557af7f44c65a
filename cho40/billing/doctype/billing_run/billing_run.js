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
		frappe.realtime.off("cho40_billing_progress");
		frappe.realtime.on("cho40_billing_progress", (data) => {
			if (data.billing_run !== frm.doc.name) return;
			frm.dashboard.show_progress(
				__("Billing"),
				(data.done / Math.max(data.total, 1)) * 100,
				__("{0} of {1} traders", [data.done, data.total])
			);
			if (data.done >= data.total) frm.reload_doc();
		});
	},
});

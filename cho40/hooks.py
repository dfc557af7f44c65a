app_name = "cho40"
app_title = "Chợ 4.0"
app_publisher = "cho40 developers"
app_description = "Chợ 4.0 – cashless markets programme on ERPNext"
app_email = "dev@cho40.local"
app_license = "MIT"
required_apps = ["frappe/erpnext"]

after_install = "cho40.install.after_install"
after_migrate = "cho40.install.after_migrate"
before_uninstall = "cho40.install.before_uninstall"
before_tests = "cho40.setup.before_tests"

doc_events = {
	"Sales Invoice": {
		"before_insert": "cho40.overrides.sales_invoice.before_insert",
		"on_cancel": "cho40.overrides.sales_invoice.release_billing_key",
	},
}

jinja = {
	"methods": [
		"cho40.invoice_qr.invoice_vietqr_data_uri",
		"cho40.invoice_qr.invoice_vietqr_payload",
		"cho40.amount_words.amount_in_words",
	],
}

MARKET_SCOPED_DOCTYPES = (
	"Market",
	"Market Stall",
	"Trader",
	"Billing Run",
	"Sales Invoice",
	"Payment Entry",
	"Customer",
)
# Linked to Market only through their parent or their bank account: scoped in SQL.
INDIRECTLY_SCOPED_DOCTYPES = (
	"Trader Bank Account",
	"Trader Stall",
	"Sales Invoice Item",
	"Bank Account",
	"Bank Transaction",
	"Market Bank Statement",
)
permission_query_conditions = {
	**{doctype: "cho40.markets.access.query_conditions" for doctype in MARKET_SCOPED_DOCTYPES},
	**{doctype: "cho40.markets.access.scoped_query_conditions" for doctype in INDIRECTLY_SCOPED_DOCTYPES},
}
has_permission = {
	**{doctype: "cho40.markets.access.has_permission" for doctype in MARKET_SCOPED_DOCTYPES},
	**{doctype: "cho40.markets.access.scoped_has_permission" for doctype in INDIRECTLY_SCOPED_DOCTYPES},
}

"""Fields cho40 adds to ERPNext doctypes. Created in code so every site gets the same set."""

MODULE = "Markets"


def _field(**df):
	return {"module": MODULE, **df}


CUSTOM_FIELDS = {
	"Sales Invoice": [
		_field(
			fieldname="cho40_section",
			label="Chợ 4.0",
			fieldtype="Section Break",
			insert_after="customer_name",
			collapsible=1,
		),
		_field(
			fieldname="cho40_trader",
			label="Trader",
			fieldtype="Link",
			options="Trader",
			insert_after="cho40_section",
			read_only=1,
			in_standard_filter=1,
		),
		_field(
			fieldname="cho40_billing_period",
			label="Billing Period",
			fieldtype="Data",
			insert_after="cho40_trader",
			read_only=1,
			no_copy=1,
		),
		_field(
			fieldname="cho40_billing_run",
			label="Billing Run",
			fieldtype="Link",
			options="Billing Run",
			insert_after="cho40_billing_period",
			read_only=1,
			no_copy=1,
		),
		_field(fieldname="cho40_column_break", fieldtype="Column Break", insert_after="cho40_billing_run"),
		_field(
			fieldname="cho40_payment_code",
			label="Payment Code",
			fieldtype="Data",
			insert_after="cho40_column_break",
			read_only=1,
			no_copy=1,
			unique=1,
			in_standard_filter=1,
			description="Written in the VietQR transfer purpose; finds the invoice in bank statements",
		),
		# Database-enforced: one invoice per trader, market and month, even when a run is repeated.
		_field(
			fieldname="cho40_billing_key",
			label="Billing Key",
			fieldtype="Data",
			insert_after="cho40_payment_code",
			read_only=1,
			hidden=1,
			no_copy=1,
			unique=1,
		),
	],
	"Customer": [
		_field(
			fieldname="cho40_trader",
			label="Trader",
			fieldtype="Link",
			options="Trader",
			insert_after="customer_group",
			read_only=1,
			no_copy=1,
		),
		_field(
			fieldname="cho40_market",
			label="Market",
			fieldtype="Link",
			options="Market",
			insert_after="cho40_trader",
			read_only=1,
			no_copy=1,
		),
	],
	"Bank": [
		_field(
			fieldname="cho40_bin",
			label="NAPAS BIN",
			fieldtype="Data",
			insert_after="bank_name",
			length=6,
			unique=1,
			description="6-digit acquirer BIN used in VietQR codes",
		),
		_field(
			fieldname="cho40_short_code",
			label="Short Code",
			fieldtype="Data",
			insert_after="cho40_bin",
		),
	],
}

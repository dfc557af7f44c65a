import click
from frappe.commands import get_site, pass_context


@click.group("cho40")
def cho40_group():
	"""Chợ 4.0 commands."""


@cho40_group.command("demo")
@pass_context
def demo(context):
	"""Load the pilot markets, bill a month, import a bank statement and print the report."""
	import frappe

	from cho40.demo import run

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		run(log=click.echo)
	finally:
		frappe.destroy()


@cho40_group.command("benchmark")
@click.option("--traders", default=200, show_default=True, help="Traders (= invoices) to bill")
@pass_context
def benchmark(context, traders):
	"""Time billing and statement reconciliation on a scratch site."""
	import frappe

	from cho40.benchmark import run

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		run(traders=traders, log=click.echo)
	finally:
		frappe.destroy()


commands = [cho40_group]

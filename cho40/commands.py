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


commands = [cho40_group]

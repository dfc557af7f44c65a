"""Billing periods computed from dates, so a run for a month is the same whenever it happens."""

import calendar
import datetime


def month_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
	first = day.replace(day=1)
	last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
	return first, last


def period_key(day: datetime.date) -> str:
	return f"{day.year:04d}-{day.month:02d}"


def purpose_label(day: datetime.date) -> str:
	"""Month label that fits the ASCII alphabet banks keep in a transfer purpose: T11.2026."""
	return f"T{day.month:02d}.{day.year:04d}"


def billing_key(market: str, trader: str, day: datetime.date) -> str:
	return f"{market}:{trader}:{period_key(day)}"

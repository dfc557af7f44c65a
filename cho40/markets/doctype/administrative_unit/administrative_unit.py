# Copyright (c) 2026, cho40 developers
# License: MIT

import frappe
from frappe.utils.nestedset import NestedSet


class AdministrativeUnit(NestedSet):
	nsm_parent_field = "parent_administrative_unit"

	def validate(self):
		self.unit_code = (self.unit_code or "").strip()
		self.is_group = int(self.unit_level != "Village")


def import_units(data: dict) -> int:
	"""Create the shipped units that are missing; units already there keep the users' edits."""
	created = 0
	for province in data["provinces"]:
		created += _insert_unit(
			code=province["code"],
			name=province["name"],
			level="Province",
			unit_type=province.get("unit_type"),
			parent=None,
			valid_from=data.get("valid_from"),
			former_units=[
				{"former_code": f["code"], "former_name": f["name"]} for f in province.get("former", [])
			],
		)
	for commune in data["communes"]:
		created += _insert_unit(
			code=commune["code"],
			name=commune["name"],
			level="Commune",
			unit_type=commune.get("unit_type"),
			parent=commune["province_code"],
			valid_from=data.get("valid_from"),
			former_units=[_former_unit_row(f) for f in commune.get("former_units", [])],
		)
	return created


def _former_unit_row(former: dict) -> dict:
	return {
		"former_code": former.get("code"),
		"former_name": former.get("name"),
		"former_district": former.get("district"),
		"former_district_code": former.get("district_code"),
		"former_province": former.get("province"),
		"former_province_code": former.get("province_code"),
		"merge_note": former.get("note"),
	}


def _insert_unit(code, name, level, unit_type, parent, valid_from, former_units) -> int:
	if frappe.db.exists("Administrative Unit", code):
		return 0
	frappe.get_doc(
		{
			"doctype": "Administrative Unit",
			"unit_code": code,
			"unit_name": name,
			"unit_level": level,
			"unit_type": unit_type,
			"parent_administrative_unit": parent,
			"valid_from": valid_from,
			"former_units": former_units,
		}
	).insert(ignore_permissions=True)
	return 1

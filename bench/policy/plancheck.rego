# The bundled national rules (rules/national.rules) in Rego, for the side-by-side benchmark.
# The input is {"plans": [PLAN, ...]}, each plan in plancheck's JSON interchange format. The
# result is the set of violations: {"rule", "plan" (index, or null for a sum), "outcome"},
# the outcome "fail" or "undeclared", as plancheck reports them.
#
# The semantics are plancheck's (README, section Semantics): a declaration commits to its
# least ambitious value ("more than 65" to just above 65, "at least 2025" for a peak year to
# no year at all); `around X within T` accepts X - T and up; a sum adds what each province
# commits to, takes the first plan of each province that declares a figure, and misses only
# when even the provinces that declare nothing could not make up the difference.

package plancheck

# Each rule over every province. `value` and `tolerance` are in the indicator's base unit.
each_rules := [
	{"id": "EI-2025", "indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020, "op": ">=", "value": 13.5, "accepts": []},
	{"id": "EI-2030", "indicator": "energy_intensity_cut", "year": 2030, "baseline": 2020, "op": "qualitative", "accepts": []},
	{"id": "CO2-2025", "indicator": "co2_intensity_cut", "year": 2025, "baseline": 2020, "op": ">=", "value": 18, "accepts": []},
	{"id": "CO2-2030", "indicator": "co2_intensity_cut", "year": 2030, "baseline": 2005, "op": ">=", "value": 65, "accepts": []},
	{"id": "NF-2025", "indicator": "non_fossil_share", "year": 2025, "baseline": null, "op": "around", "value": 20, "tolerance": 1, "accepts": ["renewable_share"]},
	{"id": "NF-2030", "indicator": "non_fossil_share", "year": 2030, "baseline": null, "op": "around", "value": 25, "tolerance": 1, "accepts": ["renewable_share"]},
	{"id": "NF-2060", "indicator": "non_fossil_share", "year": 2060, "baseline": null, "op": ">=", "value": 80, "accepts": ["renewable_share"]},
	{"id": "FC-2025", "indicator": "forest_coverage", "year": 2025, "baseline": null, "op": ">=", "value": 24.1, "accepts": []},
	{"id": "FC-2030", "indicator": "forest_coverage", "year": 2030, "baseline": null, "op": "around", "value": 25, "tolerance": 1, "accepts": []},
	{"id": "FC-HOLD", "indicator": "forest_coverage", "year": 2030, "baseline": null, "op": "own_earlier", "earlier": 2025, "accepts": []},
	{"id": "PEAK-2030", "indicator": "co2_peak_year", "year": null, "baseline": null, "op": "<=", "value": 2030, "accepts": []},
	{"id": "NEUTRAL-2060", "indicator": "carbon_neutrality_year", "year": null, "baseline": null, "op": "<=", "value": 2060, "accepts": []},
]

# Each province against its own row of the assignment for the rule's target.
assigned_rules := [
	{"id": "EI-2025-ASSIGNED", "indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020},
]

# The bundled `assignment ei_2025`: basic figures by province; Tibet publishes no
# energy-intensity statistics, so no rule on the indicator judges it.
assignment := {
	"indicator": "energy_intensity_cut", "year": 2025, "baseline": 2020,
	"basic": {
		"Chongqing": 14, "Guizhou": 13, "Jiangsu": 14, "Guangxi": 13, "Gansu": 12.5,
		"Inner Mongolia": 15, "Tianjin": 14.5, "Shanghai": 14, "Anhui": 14, "Hainan": 13,
		"Jiangxi": 14,
	},
	# The rows a declaration by reference stands for: not those read from the province's own plan.
	"referenced": {"Chongqing", "Guizhou", "Jiangsu"},
}

unassessable := {"energy_intensity_cut": {"Tibet"}}

unassessed(plan, rule) if plan.province in object.get(unassessable, rule.indicator, set())

# The rule's target is the assignment's.
of_assignment(rule) if {
	rule.indicator == assignment.indicator
	rule.year == assignment.year
	rule.baseline == assignment.baseline
}

# Each rule over the sum of every province; missing provinces count as unknown.
sum_rules := [
	{"id": "FS-2025", "indicator": "forest_stock", "year": 2025, "baseline": null, "op": ">=", "value": 18000000000},
	{"id": "FS-2030", "indicator": "forest_stock", "year": 2030, "baseline": null, "op": ">=", "value": 19000000000},
	{"id": "WS-2030", "indicator": "wind_solar_capacity", "year": 2030, "baseline": null, "op": ">=", "value": 1200000000},
]

# Base units: kW for capacity, m3 for volume.
factor := {"%": 1, "pp": 1, "year": 1, "kW": 1, "万kW": 10000, "MW": 1000, "GW": 1000000, "亿kW": 100000000, "m3": 1, "万m3": 10000, "亿m3": 100000000}

provinces := {
	"Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
	"Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
	"Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet",
	"Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
}

year_matches(t, year) if year == null
year_matches(t, year) if object.get(t, "year", null) == year

# A target for the indicator and year, from any baseline year.
any_target(plan, indicator, year) := [t |
	some t in plan.targets
	t.indicator == indicator
	year_matches(t, year)
]

# The target for the indicator and year from exactly this baseline year.
target(plan, indicator, year, baseline) := t if {
	some t in plan.targets
	t.indicator == indicator
	year_matches(t, year)
	object.get(t, "baseline", null) == baseline
}

qualifier(t) := object.get(t, "qualifier", "exact")

base_value(t) := t.value * factor[t.unit]

# What a declaration commits to meets the requirement; higher is better unless the rule is
# "no later than".
meets(t, rule) if {
	rule.op == ">="
	base_value(t) >= rule.value
}

meets(t, rule) if {
	rule.op == ">"
	base_value(t) > rule.value
}

meets(t, rule) if {
	rule.op == ">"
	base_value(t) == rule.value
	qualifier(t) == "more_than"
}

meets(t, rule) if {
	rule.op == "around"
	base_value(t) >= rule.value - rule.tolerance
}

# Lower is better: "at least" or "more than" a year commits to no year at all.
meets(t, rule) if {
	rule.op == "<="
	qualifier(t) in {"exact", "around"}
	base_value(t) <= rule.value
}

declared(t) if qualifier(t) != "by_reference"

violations contains v if {
	some i, plan in input.plans
	some rule in each_rules
	rule.op != "qualitative"
	count(any_target(plan, rule.indicator, rule.year)) == 0
	not has_stand_in(plan, rule)
	not unassessed(plan, rule)
	v := {"rule": rule.id, "plan": i, "outcome": "undeclared"}
}

# A stand-in as a lower bound never fails a "higher is better" rule: it can only pass or
# leave the rule open.
has_stand_in(plan, rule) if {
	some other in rule.accepts
	target(plan, other, rule.year, rule.baseline)
}

violations contains v if {
	some i, plan in input.plans
	some rule in each_rules
	not rule.op in {"qualitative", "own_earlier"}
	t := target(plan, rule.indicator, rule.year, rule.baseline)
	declared(t)
	not meets(t, rule)
	not unassessed(plan, rule)
	v := {"rule": rule.id, "plan": i, "outcome": "fail"}
}

# A declaration by reference stands for the province's assigned figure, where one is known.
violations contains v if {
	some i, plan in input.plans
	some rule in each_rules
	rule.op == ">="
	of_assignment(rule)
	t := target(plan, rule.indicator, rule.year, rule.baseline)
	not declared(t)
	plan.province in assignment.referenced
	assignment.basic[plan.province] < rule.value
	v := {"rule": rule.id, "plan": i, "outcome": "fail"}
}

violations contains v if {
	some i, plan in input.plans
	some rule in assigned_rules
	assignment.basic[plan.province]
	count(any_target(plan, rule.indicator, rule.year)) == 0
	v := {"rule": rule.id, "plan": i, "outcome": "undeclared"}
}

# Below the basic figure; a declaration by reference reaches it.
violations contains v if {
	some i, plan in input.plans
	some rule in assigned_rules
	basic := assignment.basic[plan.province]
	t := target(plan, rule.indicator, rule.year, rule.baseline)
	declared(t)
	base_value(t) < basic
	v := {"rule": rule.id, "plan": i, "outcome": "fail"}
}

# No fallback: the later figure against the same plan's earlier one, figure to figure.
violations contains v if {
	some i, plan in input.plans
	some rule in each_rules
	rule.op == "own_earlier"
	later := target(plan, rule.indicator, rule.year, rule.baseline)
	earlier := target(plan, rule.indicator, rule.earlier, rule.baseline)
	declared(later)
	declared(earlier)
	base_value(later) < base_value(earlier)
	v := {"rule": rule.id, "plan": i, "outcome": "fail"}
}

# The first plan of a province that declares a figure for the sum, and what it commits to.
contributions(rule) := {province: c |
	some province in provinces
	firsts := [i |
		some i, plan in input.plans
		plan.province == province
		declared(target(plan, rule.indicator, rule.year, rule.baseline))
	]
	count(firsts) > 0
	t := target(input.plans[min(firsts)], rule.indicator, rule.year, rule.baseline)
	c := {"value": base_value(t), "more_than": qualifier(t) == "more_than"}
}

# A sum misses only when every province declares and the total still falls short.
violations contains v if {
	some rule in sum_rules
	c := contributions(rule)
	count(c) == count(provinces)
	total := sum([x.value | some x in c])
	strict := count([x | some x in c; x.more_than]) > 0
	not sum_meets(total, strict, rule)
	v := {"rule": rule.id, "plan": null, "outcome": "fail"}
}

sum_meets(total, strict, rule) if {
	rule.op == ">="
	total >= rule.value
}

sum_meets(total, strict, rule) if {
	rule.op == ">"
	total > rule.value
}

sum_meets(total, strict, rule) if {
	rule.op == ">"
	total == rule.value
	strict
}

//! The pest parser of the plan-text language, derived from its grammar.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/plantext.pest"]
pub struct PlanTextParser;

#[cfg(test)]
mod tests {
    use pest::Parser;

    use super::{PlanTextParser, Rule};
    use crate::plantext::fold::fold;

    /// The names of the pairs of `rule` in the folded `document`, in order.
    fn found(document: &str, rule: Rule) -> Vec<String> {
        let folded = fold(document);
        let pairs = PlanTextParser::parse(Rule::document, &folded.text).unwrap();
        pairs
            .flatten()
            .filter(|p| p.as_rule() == rule)
            .map(|p| p.as_str().to_string())
            .collect()
    }

    #[test]
    fn the_targets_of_a_pdf_copy_are_found() {
        let anhui = "到 2025 年,非化石能源消费比重达到 15.5%以上, 单位地区生产总值能耗比 2020 \
                     年下降 14%,单位地 区生产总值二氧化碳排放降幅完成国家下达目标,碳 达峰基础支撑逐步夯实。";
        assert_eq!(
            found(anhui, Rule::target),
            [
                "非化石能源消费比重达到15.5%以上",
                "单位地区生产总值能耗比2020年下降14%",
                "单位地区生产总值二氧化碳排放降幅完成国家下达目标",
            ]
        );
        assert_eq!(found(anhui, Rule::by_year), ["到2025年"]);
    }

    #[test]
    fn one_clause_states_two_targets() {
        let shandong =
            "到2025年,单位地区生产总值能源消耗、二氧化碳排放分别比2020年下降14.5%、20.5%。";
        assert_eq!(found(shandong, Rule::values), ["14.5%、20.5%"]);
        assert_eq!(found(shandong, Rule::bare_co2), ["二氧化碳排放"]);
    }

    #[test]
    fn a_peak_prepared_for_is_not_a_peak_target() {
        let text = "到2030年,为实现碳达峰奠定坚实基础,确保如期实现2030年前碳达峰目标。";
        assert_eq!(found(text, Rule::peak), ["确保如期实现2030年前碳达峰目标"]);
    }

    /// The grammar's list of places is a second copy of the names in `provinces.rs`.
    #[test]
    fn every_province_is_a_place() {
        for p in crate::provinces::Province::all() {
            let named = format!("{}省", p.chinese());
            assert_eq!(found(&named, Rule::place), [p.chinese()], "{}", p.english());
        }
    }

    #[test]
    fn a_look_alike_is_read_as_what_it_is() {
        let text = "到2030年,力争全省新能源装机容量突破1.3亿千瓦。";
        assert_eq!(found(text, Rule::wind_solar_capacity), Vec::<String>::new());
        assert_eq!(found(text, Rule::look_alike), ["新能源装机容量"]);
    }
}

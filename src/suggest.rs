//! "Did you mean" suggestions for unknown names.

/// The closest candidate to `word`, when one is close enough to be a likely typo: as rustc
/// judges, at most one edit in three characters (and at least one).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word_lower, &c.to_lowercase()),
                c,
            )
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// `did you mean `x`?`, or nothing.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = [
            "energy_intensity_cut",
            "co2_intensity_cut",
            "non_fossil_share",
        ];
        assert_eq!(
            closest("energy_intensity_cuts", names),
            Some("energy_intensity_cut")
        );
        assert_eq!(
            closest("co2_intesity_cut", names),
            Some("co2_intensity_cut")
        );
        assert_eq!(closest("gdp_growth", names), None);
        assert_eq!(closest("co2_intensity_cut", ["energy_intensity_cut"]), None);
    }

    #[test]
    fn ignores_case() {
        assert_eq!(closest("beijing", ["Beijing", "Tianjin"]), Some("Beijing"));
    }
}

//! What hovering over a word shows: a rule's explanation, an indicator's, a unit's factor,
//! a province's names. The same text `plancheck explain` and `plancheck rules` print.

use crate::model::{RuleSet, Sources};
use crate::provinces::Province;
use crate::units::Unit;

/// The word around byte `offset`: letters, digits and the characters of names, rule ids
/// and units (`EI-2025`, `energy_intensity_cut`, `万kW`, `%`).
pub fn word_at(text: &str, offset: usize) -> Option<(usize, &str)> {
    let part = |c: char| c.is_alphanumeric() || "_-%³/".contains(c);
    let offset = offset.min(text.len());
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| part(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !part(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    (start < end).then(|| (start, &text[start..end]))
}

/// Markdown for the word, or `None` when it names nothing the rules or plancheck know.
pub fn hover_text(word: &str, rules: &RuleSet, sources: &Sources) -> Option<String> {
    if let Some(text) = crate::explain::explain_rule(rules, sources, word) {
        return Some(text);
    }
    if let Some(text) = crate::catalogue::explain_indicator(rules, word) {
        return Some(text);
    }
    if let Some(unit) = Unit::parse(word) {
        return Some(crate::catalogue::unit_words(unit));
    }
    let province = Province::lookup(word.trim_matches('"'))?;
    let info = province.info();
    let mut text = format!("**{}** {}", info.english, info.chinese);
    if !info.aliases.is_empty() {
        text.push_str(&format!(" (also {})", info.aliases.join(", ")));
    }
    Some(text)
}

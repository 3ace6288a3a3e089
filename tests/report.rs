//! `plancheck report`: the compliance report in Markdown, HTML, JSON and CSV.

mod common;

use std::fs;

use common::{code, plancheck, stdout};
use serde_json::Value;

const DATE: &str = "2026-11-29 08:00 UTC";

fn report(format: &str) -> String {
    let output = plancheck(&["report", "--format", format, "--date", DATE]);
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    stdout(&output)
}

fn json() -> Value {
    serde_json::from_str(&report("json")).unwrap()
}

#[test]
fn markdown_json_and_csv_reports_of_the_bundled_data() {
    insta::assert_snapshot!("report_md", report("md"));
    insta::assert_snapshot!("report_json", report("json"));
    insta::assert_snapshot!("report_csv", report("csv"));
}

#[test]
fn reports_are_byte_identical_from_run_to_run() {
    for format in ["md", "html", "json", "csv"] {
        assert_eq!(report(format), report(format), "{format}");
    }
}

/// The provinces of a ranking, in order.
/// A ranking: indicator, year, baseline.
type Key<'a> = (&'a str, u64, Option<u64>);

fn ranked(
    doc: &Value,
    indicator: &str,
    year: u64,
    baseline: Option<u64>,
) -> Vec<(String, String, Option<String>)> {
    let ranking = doc["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["indicator"] == indicator && r["year"] == year && r["baseline"].as_u64() == baseline
        })
        .unwrap_or_else(|| panic!("no ranking of {indicator} {year}"));
    ranking["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let outcome = e["outcome"].as_str().map(String::from);
            (
                e["province"].as_str().unwrap().to_string(),
                e["value"].as_str().unwrap().to_string(),
                outcome,
            )
        })
        .collect()
}

#[test]
fn the_report_shows_what_the_seed_says_of_the_provinces() {
    let doc = json();
    // "Liaoning and Shandong provinces have set targets for a 14.5% reduction in energy
    // consumption per unit of regional GDP ... higher than the national target (Figure 2)."
    let ei = ranked(&doc, "energy_intensity_cut", 2025, Some(2020));
    let above: Vec<&str> = ei
        .iter()
        .filter(|(_, v, _)| v.parse::<f64>().unwrap() > 13.5)
        .map(|(p, _, _)| p.as_str())
        .collect();
    for province in ["Liaoning", "Shandong"] {
        let (_, value, outcome) = ei.iter().find(|(p, _, _)| p == province).unwrap();
        assert_eq!(
            (value.as_str(), outcome.as_deref()),
            ("14.5", Some("reaches_benchmark")),
            "{province}"
        );
        assert!(above.contains(&province));
    }
    assert!(
        above.len() > 2,
        "the data has more provinces above 13.5 % than the report names: {above:?}"
    );

    // "Shanghai, Sichuan, and Shandong have proposed even more aggressive targets for reducing
    // carbon dioxide emissions per unit of regional GDP, using 2005 as a baseline year."
    let co2 = ranked(&doc, "co2_intensity_cut", 2030, Some(2005));
    let top: Vec<&str> = co2.iter().take(2).map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(top, ["Shanghai", "Shandong"]);

    // "Qinghai, Hainan, and Sichuan have established the most ambitious targets for the share
    // of non-fossil energy consumption in 2025 and 2030 (Figure 4)."
    let nf25 = ranked(&doc, "non_fossil_share", 2025, None);
    assert_eq!(nf25[0].0, "Qinghai");
    assert!(nf25.iter().take(3).any(|(p, _, _)| p == "Sichuan"));
    let nf30 = ranked(&doc, "non_fossil_share", 2030, None);
    let top: Vec<&str> = nf30.iter().take(3).map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(top, ["Qinghai", "Hainan", "Sichuan"]);
}

#[test]
fn a_national_total_over_a_few_provinces_is_not_enough_data() {
    let doc = json();
    let ws = doc["summary"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["rule"] == "WS-2030")
        .unwrap();
    let aggregate = &ws["aggregate"];
    assert_eq!(aggregate["reason"], "not_enough_data");
    assert_eq!(aggregate["outcome"], "not_checkable", "not a fail");
    assert_eq!(
        (
            aggregate["contributors"].as_u64(),
            aggregate["in_scope"].as_u64()
        ),
        (Some(3), Some(31))
    );
    assert_eq!(aggregate["total"], "0.7964");
    assert!(report("md").contains("| `WS-2030` | `wind_solar_capacity by 2030 >= 12 亿kW` | 0.7964\u{a0}亿kW | 3 of 31 | not enough data |"));
}

#[test]
fn province_sections_give_each_target_with_its_status_and_source() {
    let doc = json();
    let ningxia = doc["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["province"] == "Ningxia")
        .unwrap();
    let nf = ningxia["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["indicator"] == "non_fossil_share")
        .unwrap();
    assert_eq!(nf["status"], "draft");
    assert_eq!(nf["source"], "http://hwzcsz.com/news2_2022_1111.html");
    assert_eq!(nf["checks"][0]["rule"], "NF-2025");
    assert_eq!(nf["checks"][0]["margin"], "-5");
    let undeclared: Vec<&str> = ningxia["undeclared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["rule"].as_str().unwrap())
        .collect();
    assert!(undeclared.contains(&"PEAK-2030"));
    let provenance = &doc["provenance"];
    assert_eq!(provenance["generated"], DATE);
    assert_eq!(
        provenance["rule_files"][0]["sha256"]
            .as_str()
            .unwrap()
            .len(),
        64
    );
    assert_eq!(provenance["plan_files"].as_array().unwrap().len(), 31);
}

/// Counts the bars in a chart: rectangles in the outcome colours.
fn bars(svg: &str) -> usize {
    [
        "#0072B2", "#B34700", "#6B6B6B", "#007A5E", "#E69F00", "#455A64", "#B0BEC5",
    ]
    .iter()
    .map(|fill| svg.matches(&format!("fill=\"{fill}\"")).count())
    .sum()
}

#[test]
fn the_html_report_is_one_self_contained_page_with_its_charts() {
    let html = report("html");
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    for id in [
        "summary",
        "charts",
        "matrix",
        "rankings",
        "provinces",
        "provenance",
    ] {
        assert_eq!(
            page.select(&select(&format!("section#{id}"))).count(),
            1,
            "section {id}"
        );
    }
    assert!(
        !html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"),
        "nothing is fetched"
    );
    assert!(
        html.contains("辽宁") && html.contains("内蒙古"),
        "Chinese names are in the page"
    );

    let doc = json();
    // The seed's Figures 2 to 4; Figure 4 draws the 2025 and 2030 shares in one chart.
    let figures: [(&str, &[Key]); 3] = [
        (
            "chart-energy_intensity_cut-2025",
            &[("energy_intensity_cut", 2025, Some(2020))],
        ),
        (
            "chart-co2_intensity_cut-2030",
            &[("co2_intensity_cut", 2030, Some(2005))],
        ),
        (
            "chart-non_fossil_share-2025-2030",
            &[
                ("non_fossil_share", 2025, None),
                ("non_fossil_share", 2030, None),
            ],
        ),
    ];
    for (id, rankings) in figures {
        let figure = page
            .select(&select(&format!("figure#{id}")))
            .next()
            .unwrap_or_else(|| panic!("{id}"));
        let svgs: Vec<_> = figure.select(&select("svg[role=img]")).collect();
        assert_eq!(svgs.len(), 1, "{id}: one chart");
        let declaring: usize = rankings
            .iter()
            .map(|&(indicator, year, baseline)| ranked(&doc, indicator, year, baseline).len())
            .sum();
        assert_eq!(
            bars(&svgs[0].html()),
            declaring,
            "{id}: a bar per province and year that declares it"
        );
    }
    let texts: Vec<String> = page
        .select(&select("figure#chart-non_fossil_share-2025-2030 svg text"))
        .map(|t| t.text().collect::<String>().trim().to_string())
        .collect();
    for national in ["national 20\u{a0}% by 2025", "national 25\u{a0}% by 2030"] {
        assert!(texts.iter().any(|t| t == national), "{national}: {texts:?}");
    }
    let qinghai = texts.iter().filter(|t| t.contains("Qinghai")).count();
    assert_eq!(qinghai, 1, "one row per province, both years in it");
    assert!(
        texts.iter().any(|t| t.starts_with("2025: "))
            && texts.iter().any(|t| t.starts_with("2030: ")),
        "each label names its year"
    );
    let heat = page.select(&select("table.heat tbody tr")).count();
    assert_eq!(heat, 31, "a heat-map row per province");
}

/// Debian's Chromium, where it is installed.
fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
}

/// Headless, and quiet: nothing fetched, nothing synchronised.
const HEADLESS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

#[test]
fn the_html_report_renders_in_a_browser() {
    let Some(chromium) = chromium() else {
        println!("skipped: no Chromium here (Debian's `chromium` package); .ci/run installs it");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    fs::write(&page, report("html")).unwrap();
    let png = dir.path().join("report.png");
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(chromium)
        .args(HEADLESS)
        .arg("--window-size=1100,3000")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let bytes = fs::read(&png).expect("a screenshot");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        bytes.len() > 50_000,
        "a page with charts, not a blank one: {} bytes",
        bytes.len()
    );
}

#[test]
fn a_report_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    let output = plancheck(&[
        "report",
        "--format",
        "md",
        "--date",
        DATE,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 0);
    assert_eq!(fs::read_to_string(&out).unwrap(), report("md"));
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");

    // Input with problems makes no report, and leaves the old one as it was.
    let bad = dir.path().join("bad.plan");
    fs::write(&bad, "province Atlantis\n").unwrap();
    let output = plancheck(&[
        "report",
        bad.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(common::stderr(&output).contains("PC004"));
    assert_eq!(fs::read_to_string(&out).unwrap(), report("md"));
}

/// A report on plans written for the test, against the bundled rules.
fn report_on(plans: &[(&str, &str)], format: &str, more: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["report".to_string()];
    for (name, text) in plans {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        args.push(path.display().to_string());
    }
    args.extend(["--format", format, "--date", DATE].map(String::from));
    args.extend(more.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = plancheck(&args);
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    stdout(&output)
}

const SOURCES: &str = r#"province Gansu
target energy_intensity_cut by 2025 from 2020 {
    value 12.5 %
    document "a script"
    source "javascript:alert(document.domain)"
}
target non_fossil_share by 2025 {
    value 30 %
    source " HTTPS://example.org/gansu "
}
target non_fossil_share by 2030 {
    value 35 %
    source "data:text/html,<b>x</b>"
}
"#;

#[test]
fn only_web_addresses_become_links() {
    let html = report_on(&[("gansu.plan", SOURCES)], "html", &[]);
    let page = scraper::Html::parse_document(&html);
    let links: Vec<&str> = page
        .select(&scraper::Selector::parse("a[href]").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| !href.starts_with('#'))
        .collect();
    assert_eq!(links, ["HTTPS://example.org/gansu"]);
    let text = page.root_element().text().collect::<String>();
    assert!(
        text.contains("javascript:alert(document.domain)"),
        "shown as text"
    );
    assert!(text.contains("data:text/html,<b>x</b>"), "shown as text");
    assert!(!html.contains("<b>x</b>"), "escaped");

    let md = report_on(&[("gansu.plan", SOURCES)], "md", &[]);
    assert!(md.contains("<HTTPS://example.org/gansu>"));
    assert!(md.contains("`javascript:alert(document.domain)`"));
    assert!(!md.contains("<javascript:") && !md.contains("<data:"));
}

#[test]
fn a_target_with_no_status_shows_none() {
    let doc: Value =
        serde_json::from_str(&report_on(&[("gansu.plan", SOURCES)], "json", &[])).unwrap();
    let targets = doc["provinces"][0]["targets"].as_array().unwrap();
    assert!(targets.iter().all(|t| t["status"].is_null()), "{targets:?}");
    for format in ["md", "html"] {
        let text = report_on(&[("gansu.plan", SOURCES)], format, &[]);
        assert!(!text.contains("verified"), "{format}");
        assert!(text.contains("not stated"), "{format}");
    }
}

/// The text of an HTML page as a reader sees it.
fn page_text(html: &str) -> String {
    let page = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    page.select(&body).next().unwrap().text().collect()
}

#[test]
fn markdown_and_html_give_outcomes_and_margins_alike() {
    let md = report("md");
    let html = report("html");
    let text = page_text(&html);
    for both in [
        "reaches benchmark (+1.5\u{a0}pp)",
        "short of benchmark (-0.5\u{a0}pp)",
        "not checkable",
        "17.7\u{a0}%",
    ] {
        assert!(md.contains(both) && text.contains(both), "{both}");
    }
    assert!(!text.contains("not_checkable"), "an outcome in words");
    assert!(
        !text.contains("17.7 %"),
        "a number keeps its unit on its line"
    );
    assert!(!text.contains('`'), "code spans are <code>, not backticks");
    let page = scraper::Html::parse_document(&html);
    let li = scraper::Selector::parse("#provinces li code").unwrap();
    assert!(page.select(&li).count() > 31, "messages show code as code");
    let cell = scraper::Selector::parse("table.heat td.reaches_benchmark").unwrap();
    let title = page.select(&cell).next().unwrap().value().attr("title");
    assert_eq!(
        title,
        Some("EI-2025: reaches benchmark (+0.5\u{a0}pp)"),
        "tooltips give the unit"
    );
}

#[test]
fn a_not_checkable_outcome_shows_no_margin() {
    // Beijing declares only renewable_share for 2025, a lower bound of the non-fossil share
    // that falls short of NF-2025: its 14.4 % says nothing of the distance to 20 %.
    let md = report("md");
    assert!(
        !md.contains("not checkable ("),
        "no margin beside not checkable"
    );
    let doc = json();
    let beijing = &doc["provinces"][1];
    assert_eq!(beijing["province"], "Beijing");
    let check = &beijing["targets"][1]["checks"][0];
    assert_eq!(
        (&check["rule"], &check["outcome"]),
        (&Value::from("NF-2025"), &Value::from("not_checkable"))
    );
    assert!(check["margin"].is_null() && check["margin_unit"].is_null());
}

const PEAKS: [(&str, &str); 4] = [
    (
        "shaanxi.plan",
        "province Shaanxi\ntarget co2_peak_year { value 2025 }\n",
    ),
    (
        "gansu.plan",
        "province Gansu\ntarget co2_peak_year { value 2032 }\n",
    ),
    (
        "hunan.plan",
        "province Hunan\ntarget co2_peak_year { value at_least 2025 }\n",
    ),
    (
        "sichuan.plan",
        "province Sichuan\ntarget co2_peak_year { value 2025 }\n",
    ),
];

/// A ranking's entries as (rank, province, commits_to, outcome).
fn ranks(doc: &Value, indicator: &str, year: Option<u64>) -> Vec<(Value, String, Value, Value)> {
    let ranking = doc["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == indicator && r["year"].as_u64() == year)
        .unwrap_or_else(|| panic!("no ranking of {indicator}"));
    ranking["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let province = e["province"].as_str().unwrap().to_string();
            (
                e["rank"].clone(),
                province,
                e["commits_to"].clone(),
                e["outcome"].clone(),
            )
        })
        .collect()
}

#[test]
fn peak_years_rank_by_what_they_commit_to() {
    let doc: Value = serde_json::from_str(&report_on(&PEAKS, "json", &[])).unwrap();
    let peaks = ranks(&doc, "co2_peak_year", None);
    let expected = [
        (1, "Shaanxi", "2025", "pass"),
        (1, "Sichuan", "2025", "pass"),
        (3, "Gansu", "2032", "fail"),
    ];
    for (got, want) in peaks.iter().zip(expected) {
        assert_eq!(
            (
                got.0.as_u64(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (Some(want.0), want.1, Some(want.2), Some(want.3))
        );
    }
    // "At least 2025" commits to no year: never first, and failed in the same row.
    let last = &peaks[3];
    assert_eq!(last.1, "Hunan");
    assert!(last.0.is_null() && last.2.is_null(), "{last:?}");
    assert_eq!(last.3, "fail");
    let md = report_on(&PEAKS, "md", &[]);
    assert!(
        md.contains("| — | Hunan 湖南 | no bound | at least 2025 | firm | fail |"),
        "{md}"
    );
}

#[test]
fn equal_commitments_share_a_rank() {
    let ei = ranks(&json(), "energy_intensity_cut", Some(2025));
    let ei: Vec<u64> = ei.iter().map(|e| e.0.as_u64().unwrap()).collect();
    assert_eq!(&ei[..10], [1, 2, 2, 2, 2, 2, 2, 2, 9, 9]);
    let co2: Vec<u64> = ranks(&json(), "co2_intensity_cut", Some(2030))
        .iter()
        .map(|e| e.0.as_u64().unwrap())
        .collect();
    assert_eq!(
        co2,
        [1, 2, 3, 4, 4, 4, 4, 4, 4],
        "70 %, then at least 68 %, then more than 65 % (Guizhou) above the six at least 65 %"
    );
}

#[test]
fn years_read_as_years() {
    let md = report_on(&PEAKS, "md", &[]);
    assert!(md.contains("| Gansu 甘肃 | 2032 |"), "{md}");
    assert!(md.contains("fail (-2\u{a0}years)"), "{md}");
    assert!(md.contains("pass (+5\u{a0}years)"), "{md}");
    assert!(!md.contains("2032 year") && !md.contains("2 year"), "{md}");
}

#[test]
fn rankings_count_what_the_summary_counts() {
    let doc = json();
    let summary = |rule: &Value| {
        doc["summary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["rule"] == *rule)
            .unwrap()["counts"]
            .clone()
    };
    let html = report("html");
    let page = scraper::Html::parse_document(&html);
    let mut drawn: std::collections::BTreeMap<String, std::collections::BTreeMap<&str, usize>> =
        Default::default();
    for ranking in doc["rankings"].as_array().unwrap() {
        let Some(rule) = ranking["national"].get("rule") else {
            continue;
        };
        let entries = ranking["entries"].as_array().unwrap();
        let count = |outcome: &str| entries.iter().filter(|e| e["outcome"] == outcome).count();
        let counts = summary(rule);
        for outcome in ["pass", "fail", "reaches_benchmark", "short_of_benchmark"] {
            assert_eq!(
                count(outcome) as u64,
                counts[outcome].as_u64().unwrap(),
                "{rule} {outcome}"
            );
        }
        // The 2025 and 2030 non-fossil shares share a chart, as the seed's Figure 4.
        let indicator = ranking["indicator"].as_str().unwrap();
        let years = match indicator {
            "non_fossil_share" => "2025-2030".to_string(),
            _ => ranking["year"].to_string(),
        };
        let drawn = drawn
            .entry(format!("figure#chart-{indicator}-{years}"))
            .or_default();
        for outcome in ["pass", "reaches_benchmark", "fail"] {
            *drawn.entry(outcome).or_default() += count(outcome);
        }
    }
    let mut charts = 0;
    for (id, counts) in &drawn {
        let Some(figure) = page.select(&scraper::Selector::parse(id).unwrap()).next() else {
            continue;
        };
        charts += 1;
        let svg = figure.html();
        for (fill, outcome) in [("#0072B2", "pass"), ("#455A64", "reaches_benchmark")] {
            assert_eq!(
                svg.matches(&format!("fill=\"{fill}\"")).count(),
                counts[outcome],
                "{id}"
            );
        }
        assert_eq!(
            svg.matches("fill=\"#B34700\"").count(),
            counts["fail"],
            "{id}: a benchmark never draws the vermillion of a miss"
        );
    }
    assert_eq!(
        charts, 3,
        "the three figures are among the rankings: {drawn:?}"
    );
    // Beijing meets NF-2030 through its renewable share, which the rule accepts: the
    // ranking and the matrix say so.
    let nf30 = doc["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "non_fossil_share" && r["year"] == 2030)
        .unwrap();
    let beijing = nf30["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["province"] == "Beijing")
        .expect("Beijing is ranked");
    assert_eq!(
        (&beijing["outcome"], &beijing["stand_in"]),
        (
            &Value::from("reaches_benchmark"),
            &Value::from("renewable_share")
        )
    );
    assert!(report("md").contains("| reaches benchmark via `renewable_share` |"));
    let cell =
        scraper::Selector::parse("table.heat td[title^=\"NF-2030: reaches benchmark\"]").unwrap();
    let marked: Vec<_> = page
        .select(&cell)
        .filter(|c| {
            c.value()
                .attr("title")
                .unwrap()
                .ends_with("via renewable_share")
        })
        .map(|c| c.text().collect::<String>())
        .collect();
    assert_eq!(marked, ["●*"]);
}

#[test]
fn a_national_total_is_given_as_a_total_over_provinces() {
    let doc = json();
    let ranking = |indicator: &str, year: u64| {
        doc["rankings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator"] == indicator && r["year"] == year)
            .unwrap()
            .clone()
    };
    for (indicator, year, rule, value, sum, contributors) in [
        ("forest_stock", 2025, "FS-2025", "180", "34.47", 5),
        ("forest_stock", 2030, "FS-2030", "190", "13.15", 2),
        ("wind_solar_capacity", 2030, "WS-2030", "12", "0.7964", 3),
    ] {
        let r = ranking(indicator, year);
        assert!(r["national"].is_null(), "no per-province figure for {rule}");
        let total = &r["national_total"];
        assert_eq!(
            (&total["rule"], &total["value"], &total["sum"]),
            (&Value::from(rule), &Value::from(value), &Value::from(sum))
        );
        assert_eq!(total["contributors"], contributors);
        assert_eq!(total["in_scope"], 31);
        assert_eq!(total["reason"], "not_enough_data");
        assert_eq!(
            r["entries"].as_array().unwrap().len(),
            contributors,
            "{rule}: a row per contributor"
        );
    }
    assert!(ranking("wind_solar_capacity", 2025)["national_total"].is_null());
    let md = report("md");
    assert!(md.contains(
        "National total: 12\u{a0}亿kW (`WS-2030`: `wind_solar_capacity by 2030 >= 12 亿kW`), a total over provinces, not a figure for each. The 3 of 31 provinces that declare it sum to 0.7964\u{a0}亿kW: not enough data."
    ));
    let text = page_text(&report("html"));
    assert!(text.contains("National total: 180\u{a0}亿m3"));
}

/// A report on `fixtures/report/gansu-waivers.plan`, made on 2025-06-01: the waiver of
/// EI-2025 covers its miss, that of PEAK-2030 has expired, that of NF-2025 covers nothing.
fn waivers_report(format: &str) -> String {
    let output = plancheck(&[
        "report",
        "fixtures/report/gansu-waivers.plan",
        "--format",
        format,
        "--date",
        "2025-06-01T00:00:00Z",
    ]);
    assert_eq!(code(&output), 0, "{}", common::stderr(&output));
    stdout(&output)
}

#[test]
fn a_waived_finding_is_counted_once_and_shown_with_its_waiver() {
    let doc: Value = serde_json::from_str(&waivers_report("json")).unwrap();
    let ei = &doc["summary"][0];
    assert_eq!(ei["rule"], "EI-2025");
    assert_eq!(
        (&ei["counts"]["short_of_benchmark"], &ei["counts"]["waived"]),
        (&0.into(), &1.into())
    );
    let gansu = &doc["provinces"][0];
    let counts = gansu["counts"].as_object().unwrap();
    let total: u64 = counts.values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(
        total, 13,
        "one count per rule over each province: {counts:?}"
    );
    let waiver = &gansu["targets"][0]["checks"][0]["waiver"];
    assert_eq!(waiver["approved_by"], "NDRC, letter 2022-17");
    assert_eq!(waiver["severity"], "warning");

    let md = waivers_report("md");
    assert!(md.contains("| `EI-2025` | `energy_intensity_cut by 2025 from 2020 >= 13.5 %` | benchmark | 0 | 0 | 0 | 0 | 0 | 0 | 1 |"));
    let why = "the nationally assigned target for Gansu (approved by NDRC, letter 2022-17, expires 2027-12-31)";
    assert!(
        md.contains(&format!(
            "`EI-2025` waived (short of benchmark, -1\u{a0}pp): {why}"
        )),
        "{md}"
    );
    let text = page_text(&waivers_report("html"));
    assert!(text.contains(&format!(
        "EI-2025 waived (short of benchmark, -1\u{a0}pp): {why}"
    )));
}

#[test]
fn waivers_that_are_problems_are_listed() {
    let doc: Value = serde_json::from_str(&waivers_report("json")).unwrap();
    let problems: Vec<(&str, &str, &str)> = doc["waivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["rule"].as_str().unwrap(),
                w["code"].as_str().unwrap(),
                w["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            ("PEAK-2030", "PC031", "expired"),
            ("NF-2025", "PC032", "unused")
        ]
    );
    let expired = "the waiver of `PEAK-2030` expired on 2024-12-31, so it covers nothing";
    assert!(waivers_report("md").contains(expired));
    let text = page_text(&waivers_report("html"));
    assert!(text.contains(&expired.replace('`', "")));
    assert!(text.contains("PC032"));
}

#[test]
fn a_waived_bar_is_not_drawn_as_a_miss() {
    let html = waivers_report("html");
    let page = scraper::Html::parse_document(&html);
    let figure = scraper::Selector::parse("figure#chart-energy_intensity_cut-2025").unwrap();
    let svg = page.select(&figure).next().unwrap().html();
    assert_eq!(svg.matches("fill=\"#E69F00\"").count(), 1, "waived orange");
    assert_eq!(
        svg.matches("fill=\"#B34700\"").count(),
        0,
        "not the fail red"
    );
    let rankings = &serde_json::from_str::<Value>(&waivers_report("json")).unwrap()["rankings"];
    assert_eq!(rankings[0]["entries"][0]["waived"], true);
}

/// The x coordinates of a chart's national line and of its value labels, from its SVG.
fn line_and_labels(svg: &scraper::ElementRef) -> (f64, Vec<(f64, String)>) {
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    // The furthest right of the national lines (a paired chart has one for each year).
    let line = svg
        .select(&select("polyline[stroke=\"#882255\"]"))
        .map(|l| {
            let points = l.value().attr("points").unwrap();
            points
                .split(',')
                .next()
                .unwrap()
                .trim()
                .parse::<f64>()
                .unwrap()
        })
        .reduce(f64::max)
        .expect("a national line");
    let labels = svg
        .select(&select("text[text-anchor=\"start\"][fill=\"#000000\"]"))
        .map(|t| {
            let x = t.value().attr("x").unwrap().parse().unwrap();
            (x, t.text().collect::<String>().trim().to_string())
        })
        .collect();
    (line, labels)
}

#[test]
fn value_labels_clear_the_national_line() {
    let html = report("html");
    let page = scraper::Html::parse_document(&html);
    let figures = scraper::Selector::parse("figure svg[role=img]").unwrap();
    let mut charts = 0;
    for svg in page.select(&figures) {
        let (line, labels) = line_and_labels(&svg);
        assert!(labels.len() > 1);
        for (x, text) in labels {
            assert!(
                x > line,
                "`{text}` at {x} starts left of the national line at {line}"
            );
        }
        charts += 1;
    }
    assert_eq!(charts, 3);
}

#[test]
fn a_negative_value_gets_a_bar_left_of_zero() {
    let plans = [
        (
            "gansu.plan",
            "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { value -3 % }\n",
        ),
        (
            "beijing.plan",
            "province Beijing\ntarget energy_intensity_cut by 2025 from 2020 { value 14 % }\n",
        ),
    ];
    let html = report_on(&plans, "html", &[]);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let svg = page.select(&select("figure svg[role=img]")).next().unwrap();
    assert_eq!(bars(&svg.html()), 2, "a bar for each, the negative one too");
    let rect = |fill: &str| {
        let r = svg
            .select(&select(&format!("rect[fill=\"{fill}\"]")))
            .next()
            .unwrap();
        let at = |a: &str| r.value().attr(a).unwrap().parse::<f64>().unwrap();
        (at("x"), at("width"))
    };
    let (zero, _) = rect("#455A64");
    let (x, width) = rect("#B0BEC5");
    assert!(
        width > 0.0 && (x + width - zero).abs() < 1.5,
        "from zero leftwards"
    );
    // The names are drawn beside the plot, in their own SVG the page keeps in view.
    let names = page.select(&select("figure .names svg")).next().unwrap();
    let name = names
        .select(&select("text[text-anchor=\"end\"]"))
        .find(|t| t.text().any(|s| s.contains("Gansu")));
    assert!(name.is_some(), "{}", names.html());
    let (line, labels) = line_and_labels(&svg);
    // The outcome's symbol leads the label: a second cue beside the bar's colour.
    let label = labels.iter().find(|(_, t)| t == "○ -3\u{a0}%").unwrap();
    assert!(
        label.0 > line && label.0 > zero,
        "its label is clear of both lines"
    );
}

#[test]
fn headings_keep_with_their_charts_in_print() {
    let html = report("html");
    let print = &html[html.find("@media print").expect("print styles")..];
    let print = &print[..print.find("\n  }").unwrap()];
    assert!(
        print.contains("h2, h3, .legend, p.note { break-after: avoid; }"),
        "{print}"
    );
    assert!(print.contains("figure { break-inside: avoid; }"), "{print}");
}

/// Lays the HTML report out 400 px wide in headless Chromium and measures it: how wide the
/// page is, whether each table scrolls inside a box within the screen, the smallest text in
/// the charts as shown, the lowest contrast of text on its background (WCAG's formula, on
/// the colours the browser computed), and where the province names of the heat map and of a
/// chart are once each is scrolled sideways.
const PHONE_PROBE: &str = r#"<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="report.html" style="width:400px;height:800px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var w = this.contentWindow, d = this.contentDocument;
  var out = { viewport: w.innerWidth, page: d.documentElement.scrollWidth, unboxed: [], fonts: [] };
  d.querySelectorAll('table').forEach(function (t) {
    var box = t.parentElement;
    var scrolls = w.getComputedStyle(box).overflowX === 'auto';
    if (!scrolls || box.getBoundingClientRect().right > w.innerWidth) out.unboxed.push(t.outerHTML.slice(0, 80));
  });
  d.querySelectorAll('figure svg').forEach(function (svg) {
    var scale = svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
    svg.querySelectorAll('text').forEach(function (t) {
      out.fonts.push(parseFloat(t.getAttribute('font-size')) * scale);
    });
  });
  function rgb(s) { return s.match(/[\d.]+/g).map(Number); }
  function lum(c) {
    var a = c.slice(0, 3).map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2];
  }
  out.contrast = 21;
  d.querySelectorAll('table.heat td.cell, .legend span, figcaption, p.note, .meta, td, th').forEach(function (el) {
    if (el.textContent.trim() === '') return;
    var cs = w.getComputedStyle(el), bg = cs.backgroundColor;
    var fg = lum(rgb(cs.color)), back = lum(bg === 'rgba(0, 0, 0, 0)' ? [255, 255, 255] : rgb(bg));
    var ratio = (Math.max(fg, back) + 0.05) / (Math.min(fg, back) + 0.05);
    if (ratio < out.contrast) { out.contrast = ratio; out.worst = el.className + ': ' + cs.color + ' on ' + bg; }
  });
  var heat = d.querySelector('table.heat'), box = heat.parentElement;
  box.scrollLeft = 300;
  var name = heat.querySelector('tbody th[scope=row]');
  out.scrolled = box.scrollLeft;
  out.name_offset = name.getBoundingClientRect().left - box.getBoundingClientRect().left;
  var chart = d.querySelector('.chart');
  chart.scrollLeft = 200;
  out.chart_scrolled = chart.scrollLeft;
  out.chart_names_offset = chart.querySelector('.names').getBoundingClientRect().left - chart.getBoundingClientRect().left;
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>"#;

#[test]
fn the_html_report_reads_on_a_phone() {
    let Some(chromium) = chromium() else {
        println!("skipped: no Chromium here");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("report.html"), report("html")).unwrap();
    let probe = dir.path().join("probe.html");
    fs::write(&probe, PHONE_PROBE).unwrap();
    let output = std::process::Command::new(chromium)
        .args(HEADLESS)
        .args([
            "--allow-file-access-from-files",
            "--window-size=800,900",
            "--dump-dom",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("file://{}", probe.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + 16;
    let end = start + dom[start..].find("</pre>").unwrap();
    let m: Value = serde_json::from_str(&dom[start..end].replace("&quot;", "\"")).unwrap();
    assert_eq!(m["viewport"], 400);
    assert!(
        m["page"].as_u64() <= Some(400),
        "the page never scrolls sideways: {m}"
    );
    assert_eq!(
        m["unboxed"],
        serde_json::json!([]),
        "tables scroll in their box"
    );
    let smallest = m["fonts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_f64().unwrap())
        .fold(f64::MAX, f64::min);
    assert!(
        smallest >= 10.5,
        "chart text at {smallest:.1} px on a phone"
    );
    assert!(
        m["contrast"].as_f64().unwrap() >= 4.5,
        "text contrast at least 4.5:1: {m}"
    );
    assert!(
        m["scrolled"].as_f64().unwrap() > 0.0,
        "the heat map scrolls: {m}"
    );
    assert!(
        m["name_offset"].as_f64().unwrap().abs() < 1.0,
        "its province column stays in view: {m}"
    );
    assert!(
        m["chart_scrolled"].as_f64().unwrap() > 0.0,
        "a chart scrolls: {m}"
    );
    assert!(
        m["chart_names_offset"].as_f64().unwrap().abs() < 1.0,
        "its province names stay in view: {m}"
    );
}

#[test]
fn csv_starts_with_a_byte_order_mark_unless_told_not_to() {
    let csv = report("csv");
    assert!(
        csv.starts_with("\u{feff}province,"),
        "Excel reads it as UTF-8"
    );
    let plain = stdout(&plancheck(&[
        "report", "--format", "csv", "--date", DATE, "--no-bom",
    ]));
    assert_eq!(plain, csv.trim_start_matches('\u{feff}'));
    // A CSV reader takes the mark for what it is, not part of the first column's name.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "province");
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[1], "安徽");
}

#[test]
fn csv_has_a_row_for_each_national_total() {
    let csv = report("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let totals: Vec<(String, String, String, String)> = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| r[column("province")].is_empty())
        .map(|r| {
            let get = |name: &str| r[column(name)].to_string();
            (
                get("rule"),
                get("value"),
                get("contributors"),
                get("outcome"),
            )
        })
        .collect();
    let expected = [
        ("FS-2025", "34.47", "5"),
        ("FS-2030", "13.15", "2"),
        ("WS-2030", "0.7964", "3"),
    ];
    assert_eq!(totals.len(), expected.len(), "{totals:?}");
    for (got, want) in totals.iter().zip(expected) {
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (want.0, want.1, want.2, "not_checkable")
        );
    }
}

#[test]
fn the_report_date_must_be_a_real_date_with_at_most_a_time_of_day() {
    for bad in [
        "2026-02-30",
        "2026-13-01",
        "26-11-29",
        "yesterday",
        "2026-11-29T08:00",
        "2026-11-29 25:00 UTC",
        "2026-11-29 08:00",
        "2026-11-29T24:00Z",
        "",
    ] {
        let output = plancheck(&["report", "--format", "json", &format!("--date={bad}")]);
        assert_eq!(code(&output), 2, "`{bad}`");
        assert!(
            common::stderr(&output).contains("--date"),
            "`{bad}`: {}",
            common::stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "`{bad}`: no report");
    }
    for good in [
        "2024-02-29",
        "2026-11-29 08:00 UTC",
        "2026-11-29 08:00:59 UTC",
    ] {
        let output = plancheck(&["report", "--format", "json", "--date", good]);
        assert_eq!(code(&output), 0, "`{good}`");
        let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert_eq!(doc["provenance"]["generated"], good);
    }
}

/// What a screen reader needs: a `main` landmark, headers that say what they head, Chinese
/// names marked as Chinese, and a title and a description on every chart.
#[test]
fn the_html_report_is_accessible_to_a_screen_reader() {
    let html = stdout(&plancheck(&["report", "--format", "html"]));
    let page = scraper::Html::parse_document(&html);
    let select = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(page.select(&select("main")).count(), 1);
    let heads: Vec<_> = page.select(&select("thead th")).collect();
    assert!(!heads.is_empty());
    assert!(
        heads
            .iter()
            .all(|th| th.value().attr("scope") == Some("col"))
    );
    let rows: Vec<_> = page.select(&select(".heat tbody th")).collect();
    assert_eq!(rows.len(), 31);
    assert!(
        rows.iter()
            .all(|th| th.value().attr("scope") == Some("row"))
    );
    let zh: Vec<String> = page
        .select(&select("[lang=zh]"))
        .map(|e| e.text().collect())
        .collect();
    assert!(zh.iter().any(|t| t == "山东"), "{zh:?}");
    // The plots; the names beside each are hidden from screen readers, which read the
    // rankings' tables.
    let charts: Vec<_> = page
        .select(&select("svg"))
        .filter(|svg| !in_names(svg))
        .collect();
    assert!(!charts.is_empty());
    for svg in charts {
        assert_eq!(svg.value().attr("role"), Some("img"));
        let title = svg.select(&select("title")).next().expect("a title");
        assert!(!title.text().collect::<String>().is_empty());
        assert!(svg.select(&select("desc")).next().is_some());
    }
}

/// Whether an element is in a chart's column of province names (`aria-hidden`).
fn in_names(e: &scraper::ElementRef) -> bool {
    e.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .any(|a| a.value().attr("aria-hidden") == Some("true"))
}

/// Each chart names the provinces of the run it has no bar for, and why; a soft figure (力争,
/// a conflicting or secondary status) is marked in the chart and in the tables.
#[test]
fn charts_name_who_they_leave_out_and_soft_figures_are_marked() {
    let plans = [
        (
            "gansu.plan",
            "province Gansu\ntarget energy_intensity_cut by 2025 from 2020 { value 12.5 %  commitment strive }\n",
        ),
        (
            "hebei.plan",
            "province Hebei\ntarget energy_intensity_cut by 2025 from 2020 { value 14.5 %  status conflicting \"two copies differ\" }\n",
        ),
        (
            "qinghai.plan",
            "province Qinghai\ntarget energy_intensity_cut by 2025 from 2020 { value by_reference }\n",
        ),
        (
            "tianjin.plan",
            "province Tianjin\ntarget energy_intensity_cut by 2025 from 2015 { value 30 % }\n",
        ),
        (
            "hainan.plan",
            "province Hainan\ntarget forest_coverage by 2025 { value 62 % }\n",
        ),
    ];
    let json: Value = serde_json::from_str(&report_on(&plans, "json", &[])).unwrap();
    let ranking = json["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator"] == "energy_intensity_cut" && r["baseline"] == 2020)
        .unwrap();
    let left: Vec<(&str, &str)> = ranking["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["province"].as_str().unwrap(),
                l["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        left,
        [
            ("Hainan", "undeclared"),
            ("Qinghai", "by_reference"),
            ("Tianjin", "other_baseline")
        ]
    );
    let statuses: Vec<&Value> = ranking["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["status"])
        .collect();
    assert!(
        statuses.contains(&&serde_json::json!("conflicting")),
        "{statuses:?}"
    );

    let html = report_on(&plans, "html", &[]);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let figure = page
        .select(&select("figure#chart-energy_intensity_cut-2025"))
        .next()
        .unwrap();
    let caption: String = figure
        .select(&select("figcaption"))
        .next()
        .unwrap()
        .text()
        .collect();
    for part in [
        "Not shown (3)",
        "Hainan 海南 (no target for 2025)",
        "Qinghai 青海 (by reference, with no figure)",
        "Tianjin 天津 (measured from 2015)",
    ] {
        assert!(caption.contains(part), "{part}: {caption}");
    }
    let labels: Vec<String> = figure
        .select(&select("svg text"))
        .map(|t| t.text().collect::<String>().trim().to_string())
        .collect();
    let label = |value: &str| labels.iter().find(|l| l.contains(value)).cloned();
    // EI-2025 is a benchmark: its symbols are the benchmark's, beside the soft marks.
    assert_eq!(label("12.5").as_deref(), Some("○ 12.5\u{a0}% · strive"));
    assert_eq!(
        label("14.5").as_deref(),
        Some("● 14.5\u{a0}% · conflicting")
    );
    let soft: Vec<String> = page
        .select(&select("#rankings td.soft"))
        .map(|t| t.text().collect())
        .collect();
    assert!(
        soft.contains(&"strive".to_string()) && soft.contains(&"conflicting".to_string()),
        "{soft:?}"
    );
}

/// Figure 4 keeps its id and names its year when the run declares one of its two years;
/// a city's target makes no ranking; a draft figure is marked soft.
#[test]
fn figure_four_with_one_year_and_a_city_plan() {
    let plans = [
        (
            "hebei.plan",
            "province Hebei\ntarget non_fossil_share by 2030 { value 25 %  status draft }\n",
        ),
        (
            "guangan.plan",
            "province Sichuan\ncity 广安\ntarget forest_coverage by 2025 { value 40 % }\n",
        ),
    ];
    let html = report_on(&plans, "html", &[]);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let figure = page
        .select(&select("figure#chart-non_fossil_share-2025-2030"))
        .next()
        .expect("the figure's id, whichever years it draws");
    let caption: String = figure
        .select(&select("figcaption"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        caption.contains("by 2030, the 1 province that declares it."),
        "{caption}"
    );
    let labels: String = figure
        .select(&select("svg text"))
        .flat_map(|t| t.text())
        .collect();
    assert!(labels.contains("· draft"), "{labels}");
    let json: Value = serde_json::from_str(&report_on(&plans, "json", &[])).unwrap();
    let indicators: Vec<&Value> = json["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["indicator"])
        .collect();
    assert_eq!(indicators, [&serde_json::json!("non_fossil_share")]);
}

//! `plancheck extract`, and `check` reading documents, as a reviewer runs them.

mod common;

use std::path::PathBuf;

use common::{code, plancheck, plancheck_in, shared, stderr, stdout};

fn text(name: &str) -> String {
    shared("plan-texts").join(name).display().to_string()
}

fn summary(output: &std::process::Output) -> serde_json::Value {
    let doc: serde_json::Value = serde_json::from_str(&stdout(output)).expect("JSON");
    doc["summary"].clone()
}

/// What `check` finds in a document is what it finds in the plan extracted from it, in
/// either format: extraction loses nothing that checking uses.
#[test]
fn an_extracted_plan_checks_as_its_document_does() {
    let dir = tempfile::tempdir().unwrap();
    for (format, ext) in [("plan", "plan"), ("json", "json")] {
        let out = plancheck(&["extract", &text("fujian.txt"), "--format", format]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let path = dir.path().join(format!("fujian.{ext}"));
        std::fs::write(&path, stdout(&out)).unwrap();
        let from_file = plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
        let from_text = plancheck(&["check", &text("fujian.txt"), "--format", "json"]);
        assert_eq!(summary(&from_file), summary(&from_text), "{format}");
        assert_eq!(summary(&from_text)["plans"], 1);
    }
}

#[test]
fn an_extracted_plan_is_in_fmts_layout() {
    let dir = tempfile::tempdir().unwrap();
    let out = plancheck(&["extract", &text("inner-mongolia.txt")]);
    std::fs::write(dir.path().join("im.plan"), stdout(&out)).unwrap();
    let fmt = plancheck_in(dir.path(), &["fmt", "--check", "im.plan"]);
    assert_eq!(code(&fmt), 0, "{}", stdout(&fmt));
}

/// Each `# read from FILE:LINE:COLUMN: "…"` comment points at the sentence it quotes.
#[test]
fn every_target_says_where_it_was_read() {
    let path = text("shandong.txt");
    let document = std::fs::read_to_string(&path).unwrap();
    let out = stdout(&plancheck(&["extract", &path]));
    let comments: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("# read from "))
        .collect();
    assert_eq!(comments.len(), 10, "{out}");
    for comment in comments {
        let rest = comment
            .strip_prefix(&format!("# read from {path}:"))
            .unwrap();
        let (line, rest) = rest.split_once(':').unwrap();
        let (column, quoted) = rest.split_once(": ").unwrap();
        let line: usize = line.parse().unwrap();
        let column: usize = column.parse().unwrap();
        let sentence = quoted.trim_matches('"');
        let at: String = document
            .lines()
            .nth(line - 1)
            .unwrap()
            .chars()
            .skip(column - 1)
            .collect();
        let first_line = sentence.split(' ').next().unwrap();
        assert!(
            at.starts_with(first_line),
            "{comment}: the text there is {at}"
        );
    }
}

/// A finding's label points at the figure in the document, and the rule's at the rule.
#[test]
fn findings_point_at_the_sentence_in_the_document() {
    let out = plancheck(&["check", &text("anhui.txt"), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let finding = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "NF-2025")
        .unwrap();
    let at = &finding["location"];
    let document = std::fs::read_to_string(text("anhui.txt")).unwrap();
    let offset = at["offset"].as_u64().unwrap() as usize;
    let length = at["length"].as_u64().unwrap() as usize;
    assert_eq!(&document[offset..offset + length], "15.5%以上");
    assert_eq!(
        (at["line"].as_u64(), at["column"].as_u64()),
        (Some(8), Some(22))
    );
    assert_eq!(
        finding["rule_location"]["file"],
        "<bundled>/rules/national.rules"
    );
}

#[test]
fn a_possible_target_not_read_is_a_note_or_with_strict_an_error() {
    let chongqing = text("chongqing.txt");
    let out = plancheck(&["extract", &chongqing]);
    assert_eq!(code(&out), 0);
    assert!(stderr(&out).contains("PC120"), "{}", stderr(&out));
    assert!(stdout(&out).contains("target wind_solar_capacity by 2030"));
    let strict = plancheck(&["extract", &chongqing, "--strict"]);
    assert_eq!(code(&strict), 2);
    assert!(stderr(&strict).contains("PC120"));
    assert_eq!(stdout(&strict), "", "no plan is written");
    // `check` reports the note and still checks the plan; a note is not an input error.
    let check = plancheck(&["check", &chongqing, "--format", "json"]);
    assert_eq!(summary(&check)["input_errors"], 0);
    assert_ne!(code(&check), 2);
}

fn written(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Input from which no plan can be read stops with exit 2 and says why.
#[test]
fn documents_that_state_no_plan_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.txt", b" \r\n", "PC102"),
        (
            "nothing.txt",
            "山东省人民政府关于印发方案的通知。\n".as_bytes(),
            "PC124",
        ),
        (
            "binary.txt",
            &[0x7f, b'E', b'L', b'F', 0, 0, 0xff, 0xfe, 0x80],
            "PC10",
        ),
        ("national.txt", b"", "PC123"),
        (
            "truncated.txt",
            "山东省:到2025年,非化石能源消费比重达到".as_bytes(),
            "PC124",
        ),
    ];
    for (name, bytes, wanted) in cases {
        let path = match name {
            "national.txt" => PathBuf::from(text("national.txt")),
            _ => written(&dir, name, bytes),
        };
        for command in ["extract", "check"] {
            let out = plancheck(&[command, path.to_str().unwrap()]);
            assert_eq!(code(&out), 2, "{command} {name}: {}", stderr(&out));
            let shown = format!("{}{}", stderr(&out), stdout(&out));
            assert!(shown.contains(wanted), "{command} {name}: {shown}");
        }
    }
}

#[test]
fn the_province_can_be_given() {
    let out = plancheck(&[
        "extract",
        &text("cities/sichuan-guangan.txt"),
        "--province",
        "四川",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("province Sichuan"));
    let bad = plancheck(&["extract", &text("anhui.txt"), "--province", "Atlantis"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("not a province"));
}

/// Government files are often GB18030 (GBK): read as the same text, the same targets.
/// A city's plan, read with `--city`: its province comes from the city, its plan says the
/// city, and a target `完成省上下达目标` is its province's to give, not another authority's.
#[test]
fn a_city_plan_is_read_as_the_citys() {
    let guangan = text("cities/sichuan-guangan.txt");
    let out = plancheck(&["extract", &guangan, "--city", "广安"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plan = stdout(&out);
    assert!(
        plan.contains("province Sichuan\ncity     \"Guang'an\"\n"),
        "{plan}"
    );
    assert!(plan.contains("value      at_least 14.5 %"), "{plan}");
    assert!(
        !stderr(&out).contains("assigned by 省上"),
        "{}",
        stderr(&out)
    );
    // The plan checks as a city's, beside nothing else: its targets are no province's.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guangan.plan");
    std::fs::write(&path, &plan).unwrap();
    let checked = plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&checked), 0, "{}", stderr(&checked));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&checked)).unwrap();
    // Rules judge provinces' plans: the city's targets are listed as checked by no rule.
    let unchecked = doc["unchecked"].as_array().unwrap();
    assert!(!unchecked.is_empty());
    assert!(
        unchecked.iter().all(|u| u["city"] == "Guang'an"),
        "{unchecked:?}"
    );
    let by_reference = unchecked
        .iter()
        .find(|u| u["declared"]["qualifier"] == "by_reference");
    assert_eq!(
        by_reference.map(|u| &u["declared"]["indicator"]),
        Some(&"co2_intensity_cut".into()),
        "完成省上下达目标 read by reference: {unchecked:?}"
    );
    let json = stdout(&plancheck(&[
        "extract", &guangan, "--city", "Guang'an", "--format", "json",
    ]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (&json["province"], &json["city"]),
        (&"Sichuan".into(), &"Guang'an".into())
    );

    // Without `--city`, the same text names no province, and its 省上 targets are noted.
    let plain = plancheck(&["extract", &guangan]);
    assert_eq!(code(&plain), 2);
    assert!(
        stderr(&plain).contains("assigned by 省上"),
        "{}",
        stderr(&plain)
    );
    // A name two provinces have, or none has, is a usage error.
    let two = plancheck(&["extract", &guangan, "--city", "朝阳"]);
    assert_eq!(code(&two), 2);
    assert!(
        stderr(&two).contains("say which with `--province`"),
        "{}",
        stderr(&two)
    );
    let none = plancheck(&["extract", &guangan, "--city", "Atlantis"]);
    assert_eq!(code(&none), 2);
    assert!(
        stderr(&none).contains("is not a division plancheck knows"),
        "{}",
        stderr(&none)
    );
    assert!(!stderr(&none).contains("did you mean"), "{}", stderr(&none));
    // A near miss is named.
    let near = plancheck(&["extract", &guangan, "--city", "Guangan"]);
    assert!(
        stderr(&near).contains("did you mean `Guang'an`?"),
        "{}",
        stderr(&near)
    );
}

#[test]
fn a_gb18030_document_reads_as_its_utf8_copy() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = std::fs::read_to_string(text("shandong.txt")).unwrap();
    let (bytes, _, lossy) = encoding_rs::GB18030.encode(&utf8);
    assert!(
        !lossy && std::str::from_utf8(&bytes).is_err(),
        "a real GB18030 file"
    );
    let path = written(&dir, "shandong-gbk.txt", &bytes);
    let gbk = plancheck(&["extract", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&gbk), 0, "{}", stderr(&gbk));
    let targets = |out: &std::process::Output| {
        let doc: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
        let mut list = doc["targets"].as_array().unwrap().clone();
        for t in &mut list {
            t.as_object_mut().unwrap().remove("read_from");
        }
        list
    };
    let utf8 = plancheck(&["extract", &text("shandong.txt"), "--format", "json"]);
    assert_eq!(targets(&gbk), targets(&utf8));
    assert_eq!(targets(&gbk).len(), 10);
}

/// A government page is read as a browser shows it, and findings point into its HTML.
#[test]
fn a_web_page_is_read_and_findings_point_into_its_html() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\">\
                <title>安徽省人民政府关于印发安徽省碳达峰实施方案的通知</title>\
                <script>var t = '到2025年,非化石能源消费比重达到99%';</script></head>\r\n\
                <body><div class=\"content\"><p>到&nbsp;2025&nbsp;年,非化石能源消费比重达到\
                <span>15.5%以上</span>,单位地区生产总值能耗比&#50;020年下降14%。</p></div></body></html>";
    let path = written(&dir, "anhui.html", html.as_bytes());
    let out = plancheck(&["extract", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["province"], "Anhui");
    let values: Vec<_> = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["value"].clone())
        .collect();
    assert_eq!(
        values,
        [serde_json::json!(15.5), serde_json::json!(14)],
        "not the script's 99"
    );
    let check = plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
    let found: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let finding = found["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "NF-2025")
        .unwrap();
    let offset = finding["location"]["offset"].as_u64().unwrap() as usize;
    let length = finding["location"]["length"].as_u64().unwrap() as usize;
    assert_eq!(&html[offset..offset + length], "15.5%以上");
}

/// A Word document as Word writes one: a zip with the paragraphs in word/document.xml.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| {
            let escaped = p.replace('&', "&amp;").replace('<', "&lt;");
            format!(
                "<w:p><w:pPr/><w:r><w:rPr/><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>"
            )
        })
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    docx_of(&xml)
}

/// A zip holding this as its word/document.xml.
fn docx_of(xml: &str) -> Vec<u8> {
    use std::io::Write;
    let types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
                 <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in [("[Content_Types].xml", types), ("word/document.xml", xml)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_document_is_read_paragraph_by_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = docx(&[
        "甘肃省碳达峰实施方案",
        "到2025年,非化石能源消费比重达到30%,单位地区生产总值能源消耗比2020年下降12.5%。",
        "到2030年,非化石能源消费比重达到35%左右,力争实现碳达峰目标。",
    ]);
    let path = written(&dir, "gansu.docx", &bytes);
    let out = plancheck(&["extract", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plan = stdout(&out);
    assert!(plan.contains("province Gansu"), "{plan}");
    assert_eq!(plan.matches("\ntarget ").count(), 4, "{plan}");
    assert!(
        plan.contains("gansu.docx:3:8: \"非化石能源消费比重达到35%左右\""),
        "{plan}"
    );
    let not_zip = written(&dir, "broken.docx", b"PK\x03\x04 this is not a zip");
    let refused = plancheck(&["check", not_zip.to_str().unwrap()]);
    assert_eq!(code(&refused), 2);
    assert!(stdout(&refused).contains("PC101") || stderr(&refused).contains("PC101"));
}

/// The sentence a target was read from is quoted as the page shows it, without the markup
/// between its runs, in both formats; the place is still the place in the HTML.
#[test]
fn a_web_page_s_sentence_is_quoted_without_its_markup() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><body><p>广东省:到2025年,<b>非化石能源消费比重</b>达到<span class=\"n\">32%</span>以上&amp;左右。</p></body></html>";
    let path = written(&dir, "guangdong.html", html.as_bytes());
    let plan = stdout(&plancheck(&["extract", path.to_str().unwrap()]));
    assert!(
        plan.contains("guangdong.html:1:30: \"非化石能源消费比重达到32%以上&左右\""),
        "{plan}"
    );
    let json = plancheck(&["extract", path.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let from = &json["targets"][0]["read_from"];
    assert_eq!(from["sentence"], "非化石能源消费比重达到32%以上&左右");
    assert_eq!(
        (from["line"].as_u64(), from["column"].as_u64()),
        (Some(1), Some(30))
    );
}

/// A Word document whose XML is cut short, or holds no document, is refused as such (PC101,
/// exit 2), not read as a shorter or an empty document.
#[test]
fn a_broken_word_document_says_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let whole = "<w:document><w:body><w:p><w:r><w:t>甘肃省:到2025年,非化石能源消费比重达到30%。</w:t></w:r></w:p><w:p><w:r><w:t>到2030年,非化石能源消费比重达到35%左右。</w:t></w:r></w:p></w:body></w:document>";
    let cut = &whole[..whole.find("<w:p><w:r><w:t>到2030").unwrap()];
    let cases = [
        ("cut.docx", cut, "the file is cut short"),
        ("empty.docx", "", "no <w:document> element"),
        (
            "other.docx",
            "<html><body/></html>",
            "no <w:document> element",
        ),
        (
            "mismatched.docx",
            "<w:document><w:body></w:p></w:document>",
            "not well-formed",
        ),
    ];
    for (name, xml, says) in cases {
        let path = written(&dir, name, &docx_of(xml));
        let out = plancheck(&["check", path.to_str().unwrap(), "--format", "concise"]);
        assert_eq!(code(&out), 2, "{name}");
        let all = stdout(&out) + &stderr(&out);
        assert!(all.contains("PC101") && all.contains(says), "{name}: {all}");
    }
    let path = written(&dir, "whole.docx", &docx_of(whole));
    let out = plancheck(&["extract", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// An analyst's report over documents: the notes are shown, the report is made.
#[test]
fn a_report_is_made_from_documents() {
    let out = plancheck(&[
        "report",
        &text("gansu.txt"),
        &text("shandong.txt"),
        "--format",
        "csv",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("PC121"),
        "the look-alike note: {}",
        stderr(&out)
    );
    let csv = stdout(&out);
    assert!(csv.contains("Gansu") && csv.contains("Shandong"), "{csv}");
    // A document from which nothing is read stops the report, as any unreadable plan does.
    let refused = plancheck(&["report", &text("national.txt"), "--format", "csv"]);
    assert_eq!(code(&refused), 2);
    assert!(stderr(&refused).contains("PC123"));
}

/// Big5 (traditional) text is read as Big5, not as the GBK it would also decode as.
#[test]
fn a_big5_document_reads_as_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "福建省:到2030年,單位地區生產總值二氧化碳排放比2005年下降65%以上;非化石能源消費比重達到30%以上。\n";
    let (bytes, _, lossy) = encoding_rs::BIG5.encode(text);
    assert!(!lossy);
    let path = written(&dir, "fujian-big5.txt", &bytes);
    let out = plancheck(&["extract", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("target co2_intensity_cut by 2030 from 2005"));
    assert!(stdout(&out).contains("value      at_least 30 %"));
}

/// A control byte is no text in UTF-8 either (PC101, exit 2, at the byte); a form feed, the
/// page break pdftotext writes, is text.
#[test]
fn a_control_byte_is_no_text_and_a_page_break_is() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "到2025年,非化石能源消费比重达到15.5%以上。\n";
    for (name, between, code_wanted) in [
        ("nul.txt", "\u{0}", 2),
        ("escape.txt", "\u{1b}[2J", 2),
        ("soh.txt", "\u{1}", 2),
        ("page.txt", "\u{c}", 0),
    ] {
        let text = format!("安徽省碳达峰实施方案\n{between}{sentence}");
        let path = written(&dir, name, text.as_bytes());
        let out = plancheck(&["extract", path.to_str().unwrap()]);
        assert_eq!(code(&out), code_wanted, "{name}: {}", stderr(&out));
        if code_wanted == 2 {
            assert!(stderr(&out).contains("PC101"), "{name}: {}", stderr(&out));
            assert!(stderr(&out).contains(":2:1]"), "{name}: {}", stderr(&out));
        }
    }
}

/// Names are matched whatever their case, by `extract` and `check` alike.
#[test]
fn upper_case_extensions_are_the_same_documents() {
    let dir = tempfile::tempdir().unwrap();
    let text = "安徽省:到2025年,非化石能源消费比重达到15.5%以上。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let path = written(&dir, "ANHUI.TXT", &gbk);
    for command in ["extract", "check"] {
        let out = plancheck(&[command, path.to_str().unwrap()]);
        assert_ne!(code(&out), 2, "{command}: {}{}", stderr(&out), stdout(&out));
    }
}

/// Notes, however many, leave the exit code alone.
#[test]
fn many_notes_are_still_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("浙江省:到2025年,非化石能源消费比重达到24%。\n");
    for i in 0..120 {
        text.push_str(&format!("到2025年,重点行业能耗达到{i}%左右。\n"));
    }
    let path = written(&dir, "many.txt", text.as_bytes());
    for command in ["extract", "check"] {
        let out = plancheck(&[command, path.to_str().unwrap()]);
        assert_eq!(code(&out), 0, "{command}: {}", stderr(&out));
    }
}

/// A span that ends with a character a reference stands for ends after the reference.
#[test]
fn a_span_in_html_ends_after_a_named_reference() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<title>安徽省</title><p>到2025年,非化石能源消费比重达到15.5&percnt;以上。</p>";
    let path = written(&dir, "a.html", html.as_bytes());
    let out = plancheck(&["check", path.to_str().unwrap(), "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "NF-2025")
        .unwrap();
    let offset = f["location"]["offset"].as_u64().unwrap() as usize;
    let length = f["location"]["length"].as_u64().unwrap() as usize;
    assert_eq!(&html[offset..offset + length], "15.5&percnt;以上");
}

/// An analyst who reads only the report sees what the documents hold and was not read.
#[test]
fn a_report_lists_the_notes_on_its_documents() {
    let hunan = text("hunan.txt");
    let md = stdout(&plancheck(&["report", &hunan, "--format", "md"]));
    let notes = md
        .split("## Notes on the input")
        .nth(1)
        .expect("a notes section");
    assert!(
        notes.contains("`PC122`") && notes.contains("firm the first time, strive the second"),
        "{notes}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&plancheck(&["report", &hunan, "--format", "json"]))).unwrap();
    let codes: Vec<&str> = json["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"PC120") && codes.contains(&"PC122"),
        "{codes:?}"
    );
    let html = stdout(&plancheck(&["report", &hunan, "--format", "html"]));
    assert!(html.contains("<h3>Notes on the input</h3>"));
}

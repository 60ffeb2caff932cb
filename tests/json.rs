//! The JSON of an `Article` (the serde feature): one shape, `schema/article.schema.json`, for
//! every page of the corpus and of `../shared/realpages`; keys in the schema's order; a round
//! trip that keeps the article.
//!
//! The schema is checked by a small validator here rather than the `jsonschema` crate (dozens of
//! crates to build for a test): it knows the keywords the schema uses and fails on any other,
//! so the schema cannot grow a keyword that goes unchecked.

mod common;

use bonmun::{Article, BlockKind};
use common::FORMATS_PAGE as PAGE;
use serde_json::{Map, Value};
use std::path::Path;

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/article.schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// Checks `value` against `schema` (a subschema of `root`); pushes one line per violation.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else { panic!("schema at {at} is not an object") };
    for (keyword, rule) in schema {
        match keyword.as_str() {
            // Annotations: no constraint.
            "$schema" | "$id" | "title" | "description" | "$defs" => {}
            // `then`/`else` are applied by `if`.
            "then" | "else" => {}
            "$ref" => {
                let pointer = rule.as_str().and_then(|r| r.strip_prefix('#')).expect("a local $ref");
                let target = root.pointer(pointer).unwrap_or_else(|| panic!("no {pointer} in the schema"));
                validate(root, target, value, at, errors);
            }
            "type" => {
                let names: Vec<&str> = match rule {
                    Value::String(s) => vec![s.as_str()],
                    Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("bad type at {at}"),
                };
                let fits = |name: &str| match name {
                    "null" => value.is_null(),
                    "boolean" => value.is_boolean(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "number" => value.is_number(),
                    "array" => value.is_array(),
                    "object" => value.is_object(),
                    other => panic!("unknown type {other} at {at}"),
                };
                if !names.iter().any(|n| fits(n)) {
                    errors.push(format!("{at}: {value} is not of type {names:?}"));
                }
            }
            "const" if value != rule => errors.push(format!("{at}: {value} is not {rule}")),
            "const" => {}
            "enum" => {
                if !rule.as_array().expect("enum is an array").contains(value) {
                    errors.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "minimum" | "maximum" => {
                let (Some(v), Some(bound)) = (value.as_f64(), rule.as_f64()) else { continue };
                if (keyword == "minimum" && v < bound) || (keyword == "maximum" && v > bound) {
                    errors.push(format!("{at}: {v} is past the {keyword} {bound}"));
                }
            }
            "minLength" => {
                let Some(s) = value.as_str() else { continue };
                if (s.chars().count() as u64) < rule.as_u64().expect("minLength") {
                    errors.push(format!("{at}: {s:?} is too short"));
                }
            }
            "pattern" => {
                let Some(s) = value.as_str() else { continue };
                let re = regex::Regex::new(rule.as_str().expect("pattern")).expect("pattern is a regex");
                if !re.is_match(s) {
                    errors.push(format!("{at}: {s:?} does not match {rule}"));
                }
            }
            "required" => {
                let Some(obj) = value.as_object() else { continue };
                for key in rule.as_array().expect("required").iter().filter_map(Value::as_str) {
                    if !obj.contains_key(key) {
                        errors.push(format!("{at}: {key:?} is missing"));
                    }
                }
            }
            "properties" => {
                let Some(obj) = value.as_object() else { continue };
                for (key, sub) in rule.as_object().expect("properties") {
                    if let Some(v) = obj.get(key) {
                        validate(root, sub, v, &format!("{at}/{key}"), errors);
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(rule, &Value::Bool(false), "only additionalProperties: false is supported");
                let (Some(obj), Some(props)) = (value.as_object(), schema.get("properties")) else {
                    continue;
                };
                for key in obj.keys().filter(|k| props.get(k.as_str()).is_none()) {
                    errors.push(format!("{at}: unexpected key {key:?}"));
                }
            }
            "items" => {
                let Some(items) = value.as_array() else { continue };
                for (i, item) in items.iter().enumerate() {
                    validate(root, rule, item, &format!("{at}/{i}"), errors);
                }
            }
            "not" => {
                let mut inner = Vec::new();
                validate(root, rule, value, at, &mut inner);
                if inner.is_empty() {
                    errors.push(format!("{at}: {value} matches what `not` forbids: {rule}"));
                }
            }
            "if" => {
                let mut inner = Vec::new();
                validate(root, rule, value, at, &mut inner);
                let branch = if inner.is_empty() { "then" } else { "else" };
                if let Some(sub) = schema.get(branch) {
                    validate(root, sub, value, at, errors);
                }
            }
            other => panic!("the validator does not know the keyword {other:?} (at {at})"),
        }
    }
}

fn violations(value: &Value) -> Vec<String> {
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, value, "", &mut errors);
    errors
}

/// Makes a valid article's JSON invalid in one way.
type Breaks = Box<dyn Fn(&mut Map<String, Value>)>;

/// The validator itself must fail on what the schema forbids, or passing means nothing.
#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let article = bonmun::extract(PAGE.as_bytes()).expect("extracts");
    let good = serde_json::to_value(&article).expect("serializes");
    assert_eq!(violations(&good), Vec::<String>::new());
    let broken: [(&str, Breaks); 8] = [
        ("no schema_version", Box::new(|o| drop(o.remove("schema_version")))),
        ("schema_version 2", Box::new(|o| drop(o.insert("schema_version".into(), 2.into())))),
        ("paragraphs again", Box::new(|o| drop(o.insert("paragraphs".into(), Value::Array(vec![]))))),
        ("kind as an object", Box::new(|o| o["blocks"][0]["kind"] = serde_json::json!({"heading": 2}))),
        (
            "heading without level",
            Box::new(|o| o["blocks"][1] = serde_json::json!({"kind": "heading", "text": "x"})),
        ),
        ("paragraph with level", Box::new(|o| o["blocks"][0]["level"] = 2.into())),
        (
            "date without offset",
            Box::new(|o| drop(o.insert("published".into(), "2024-03-11T09:12:00".into()))),
        ),
        ("unknown charset source", Box::new(|o| drop(o.insert("charset_source".into(), "guess".into())))),
    ];
    for (name, breaks) in broken {
        let mut bad = good.clone();
        breaks(bad.as_object_mut().expect("an object"));
        assert!(!violations(&bad).is_empty(), "{name}: passed the schema: {bad}");
    }
}

/// Every corpus page (and every real page, when `../shared` is there) gives JSON the schema
/// accepts, with the keys in the schema's order.
#[test]
fn every_page_validates_against_the_schema() {
    let schema = schema();
    let order: Vec<&str> =
        schema["required"].as_array().expect("required").iter().filter_map(Value::as_str).collect();
    let mut dirs = vec![common::corpus_dir()];
    dirs.extend(common::realpages_dir());
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in dirs {
        // With links kept too: the one optional key must fit the schema as well.
        let linked = bonmun::Extractor::new(bonmun::Config::default().with_keep_links(true));
        for page in common::load(&dir) {
            let Ok(article) = bonmun::extract(&page.html) else { continue };
            if let Ok(with_links) = linked.extract(&page.html) {
                let value = serde_json::to_value(&with_links).expect("serializes");
                for v in violations(&value) {
                    failures.push(format!("{} (links): {v}", page.id));
                }
                let back: Article = serde_json::from_value(value).expect("deserializes");
                assert_eq!(back, with_links, "{}: the links' round trip", page.id);
            }
            let json = serde_json::to_string(&article).expect("serializes");
            let value: Value = serde_json::from_str(&json).expect("parses");
            for v in violations(&value) {
                failures.push(format!("{}: {v}", page.id));
            }
            // serde_json's Map sorts its keys, so the order is read from the text.
            let mut at = 0;
            for key in &order {
                match json.get(at..).and_then(|rest| rest.find(&format!("\"{key}\":"))) {
                    Some(pos) => at += pos,
                    None => failures.push(format!("{}: {key:?} out of order", page.id)),
                }
            }
            checked += 1;
        }
    }
    println!("{checked} pages checked");
    assert!(checked >= 40, "only {checked} pages extracted");
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn json_round_trip_keeps_the_article() {
    let article = bonmun::extract(PAGE.as_bytes()).expect("extracts");
    let json = serde_json::to_string(&article).expect("serializes");
    assert!(json.starts_with(&format!("{{\"schema_version\":{},", Article::SCHEMA_VERSION)), "{json}");
    assert!(json.contains(r#""published":"2024-03-11T09:12:00+09:00""#), "{json}");
    assert!(json.contains(r#"{"kind":"heading","level":3,"text":"주요 품목"}"#), "{json}");
    assert!(json.contains(r#"{"kind":"paragraph","text":"#), "{json}");
    // The body is carried once.
    assert!(!json.contains("\"paragraphs\""), "{json}");
    let back: Article = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, article);
}

#[test]
fn links_are_read_back_only_as_the_text_allows() {
    let block = |links: &str| format!(r#"{{"kind":"paragraph","text":"새 정책 발표","links":{links}}}"#);
    let good: bonmun::Block =
        serde_json::from_str(&block(r#"[{"start":0,"end":3,"href":"/a"},{"start":4,"end":10,"href":"/b"}]"#))
            .expect("deserializes");
    assert_eq!(good.links.iter().filter_map(|l| good.link_text(l)).collect::<Vec<_>>(), ["새", "정책"]);
    for bad in [
        r#"[{"start":0,"end":2,"href":"/a"}]"#,
        r#"[{"start":3,"end":3,"href":"/a"}]"#,
        r#"[{"start":0,"end":99,"href":"/a"}]"#,
        r#"[{"start":4,"end":10,"href":"/b"},{"start":0,"end":3,"href":"/a"}]"#,
        r#"[{"start":0,"end":3}]"#,
    ] {
        assert!(serde_json::from_str::<bonmun::Block>(&block(bad)).is_err(), "{bad}");
    }
}

#[test]
fn json_of_a_kind_is_the_shape_of_a_block() {
    let kinds = [BlockKind::Paragraph, BlockKind::Heading(2), BlockKind::TableRow];
    let json = serde_json::to_string(&kinds).expect("serializes");
    assert_eq!(json, r#"[{"kind":"paragraph"},{"kind":"heading","level":2},{"kind":"table_row"}]"#);
    let back: Vec<BlockKind> = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, kinds);
    for bad in [r#"{"kind":"heading"}"#, r#"{"kind":"heading","level":7}"#, r#"{"kind":"quote","level":1}"#] {
        assert!(serde_json::from_str::<BlockKind>(bad).is_err(), "{bad}");
    }
}

#[test]
fn keep_captions_survives_the_round_trip() {
    for keep_captions in [false, true] {
        let article = bonmun::Extractor::new(bonmun::Config::default().with_keep_captions(keep_captions))
            .extract(PAGE.as_bytes())
            .expect("extracts");
        let value = serde_json::to_value(&article).expect("serializes");
        assert_eq!(value["keep_captions"], keep_captions);
        let back: Article = serde_json::from_value(value).expect("deserializes");
        assert_eq!(back, article);
        assert_eq!(back.text(), article.text());
        assert_eq!(back.text().contains("공장 전경"), keep_captions);
    }
}

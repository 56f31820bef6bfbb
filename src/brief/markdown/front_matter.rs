//! YAML front matter to [`Meta`]: title, subtitle, author/authors (a string
//! or a list), affiliation, date, series and publisher. Other keys are ignored.

use yaml_rust2::parser::Parser;
use yaml_rust2::{Event, Yaml, YamlLoader};

use crate::brief::Meta;
use crate::brief::decode::clean_fragment;

/// Front matter larger than this is not parsed: no real brief needs it, and
/// it bounds the work a hostile block can cause.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Deeper nesting than this is refused before building the tree: the YAML
/// tree is built and dropped recursively, so depth must stay small.
const MAX_NESTING: usize = 16;

/// Fills `meta` from YAML front matter; false when the block is not a YAML
/// mapping (the caller then keeps the raw text so nothing is lost).
pub(super) fn apply(yaml: &str, meta: &mut Meta) -> bool {
    if yaml.len() > MAX_FRONT_MATTER_BYTES || !is_shallow_and_alias_free(yaml) {
        return false;
    }
    let Ok(docs) = YamlLoader::load_from_str(yaml) else {
        return false;
    };
    let Some(Yaml::Hash(map)) = docs.first() else {
        return false;
    };
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        match key.to_ascii_lowercase().as_str() {
            "title" => meta.title = scalar(value),
            "subtitle" => meta.subtitle = scalar(value),
            "author" | "authors" => meta.authors = people(value),
            "affiliation" => meta.affiliation = scalar(value),
            "date" => meta.date = scalar(value),
            "series" => meta.series = scalar(value),
            "publisher" => meta.publisher = scalar(value),
            _ => {}
        }
    }
    true
}

/// A scalar as text, cleaned like the rest of the brief (a YAML escape such
/// as `"\e"` must not smuggle a control character through).
fn scalar(value: &Yaml) -> Option<String> {
    let text = match value {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(n) => n.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => return None,
    };
    let text = clean_fragment(text.trim()).into_owned();
    (!text.is_empty()).then_some(text)
}

/// Authors given as one string, a list of strings, or a list of mappings
/// with a `name`.
fn people(value: &Yaml) -> Vec<String> {
    match value {
        Yaml::Array(items) => items
            .iter()
            .filter_map(|item| match item {
                Yaml::Hash(_) => scalar(&item["name"]),
                _ => scalar(item),
            })
            .collect(),
        _ => scalar(value).into_iter().collect(),
    }
}

/// Walks the YAML events once, without building anything: true when nesting
/// stays within [`MAX_NESTING`] and there is no alias (aliases are copied on
/// loading, so a few nested ones can blow up memory; briefs never need them).
fn is_shallow_and_alias_free(yaml: &str) -> bool {
    let mut parser = Parser::new_from_str(yaml);
    let mut depth = 0usize;
    loop {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => return true,
            Ok((Event::SequenceStart(..) | Event::MappingStart(..), _)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return false;
                }
            }
            Ok((Event::SequenceEnd | Event::MappingEnd, _)) => depth = depth.saturating_sub(1),
            Ok((Event::Alias(_), _)) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

//! Property tests: no input makes a loader panic, and ids are deterministic.

use gloss::brief::load::Format;
use gloss::brief::{Brief, load_bytes};
use proptest::prelude::*;

const FORMATS: [Format; 2] = [Format::Markdown, Format::PlainText];

fn ids(brief: &Brief) -> Vec<String> {
    brief
        .sections
        .iter()
        .map(|s| s.id.clone())
        .chain(brief.paragraphs().map(|p| p.id.clone()))
        .collect()
}

/// Text that looks like a brief: Markdown and plain-text structure, CJK,
/// control characters, radicals and line ends of every kind.
fn brief_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# ".to_string()),
        Just("## ".to_string()),
        Just("===\n".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("> ".to_string()),
        Just("| a | b |\n|---|---|\n".to_string()),
        Just("[^1]".to_string()),
        Just("[^1]: note\n".to_string()),
        Just("---\ntitle: x\n---\n".to_string()),
        Just("```\n".to_string()),
        Just("*".to_string()),
        Just("`".to_string()),
        Just("[a](b)".to_string()),
        Just("<div>".to_string()),
        Just("一、".to_string()),
        Just("（一）".to_string()),
        Just("資料來源：".to_string()),
        Just("- 2 -\n".to_string()),
        Just("\x0c".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("\x1b[31m".to_string()),
        Just("\u{2F00}\u{2EA0}".to_string()),
        "[a-zA-Z0-9 .,]{0,12}",
        "[\u{4e00}-\u{9fff}，。、]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for format in FORMATS {
            let _ = load_bytes(&bytes, format, "prop");
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        for format in FORMATS {
            let _ = load_bytes(text.as_bytes(), format, "prop");
        }
    }

    #[test]
    fn brief_like_text_never_panics_and_ids_are_deterministic(text in brief_like()) {
        for format in FORMATS {
            match (load_bytes(text.as_bytes(), format, "a"), load_bytes(text.as_bytes(), format, "b")) {
                (Ok(first), Ok(second)) => {
                    prop_assert_eq!(ids(&first), ids(&second));
                    prop_assert!(ids(&first).iter().all(|id| !id.is_empty()));
                    // Nothing a terminal would act on survives loading.
                    for p in first.paragraphs() {
                        let t = p.text();
                        prop_assert!(!t.chars().any(|c| c.is_control() && c != '\n' && c != '\x0c'),
                            "control character in {:?}", t);
                    }
                }
                // Refusing is fine (whitespace only, say), as long as it is every time.
                (Err(_), Err(_)) => {}
                (a, b) => prop_assert!(false, "loading twice differs: {:?} / {:?}", a.is_ok(), b.is_ok()),
            }
        }
    }
}

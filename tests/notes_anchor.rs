//! Re-anchoring notes on edited copies of the sample briefs. The copies are
//! made from the loaded brief (so they follow whatever the loaders produce)
//! and on small synthetic briefs for section moves.

use std::path::Path;

use gloss::brief::{Brief, Paragraph, ParagraphKind, Section, assign_ids, load_path};
use gloss::notes::{Anchor, AnchorStatus, BriefMap};

fn sample() -> Brief {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("briefs/prospect-forum-us-china-after-beijing-summit.txt");
    load_path(&path).unwrap()
}

/// (section index, paragraph index) of the longest paragraph with at least
/// three sentences: a realistic paragraph to annotate.
fn annotated(brief: &Brief) -> (usize, usize) {
    let mut best = (0, 0, 0);
    for (s, section) in brief.sections.iter().enumerate() {
        for (p, para) in section.paragraphs.iter().enumerate() {
            let text = para.text();
            let n = text.chars().count();
            if text.matches('。').count() >= 3 && n > best.2 {
                best = (s, p, n);
            }
        }
    }
    assert!(
        best.2 > 0,
        "the sample brief has a paragraph of several sentences"
    );
    (best.0, best.1)
}

fn anchor_on(brief: &Brief, (s, p): (usize, usize)) -> Anchor {
    let id = &brief.sections[s].paragraphs[p].id;
    BriefMap::new(brief).anchor_for(id).unwrap()
}

fn set_text(brief: &mut Brief, (s, p): (usize, usize), text: &str) {
    brief.sections[s].paragraphs[p].spans = vec![gloss::brief::Span::plain(text)];
    assign_ids(brief);
}

fn text_at(brief: &Brief, (s, p): (usize, usize)) -> String {
    brief.sections[s].paragraphs[p].text()
}

#[test]
fn a_paragraph_inserted_before_keeps_the_note_on_its_paragraph() {
    let original = sample();
    let at = annotated(&original);
    let anchor = anchor_on(&original, at);
    let mut edited = original.clone();
    edited.sections[at.0].paragraphs.insert(
        0,
        Paragraph::plain(ParagraphKind::Text, "編者按：本文為新增的說明段落。"),
    );
    assign_ids(&mut edited);
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Anchored);
    assert_eq!(r.score, 1.0);
    let moved = (at.0, at.1 + 1);
    assert_eq!(
        r.paragraph.as_deref(),
        Some(edited.sections[moved.0].paragraphs[moved.1].id.as_str())
    );
    assert_eq!(r.position, Some(anchor.position + 1));
}

#[test]
fn a_sentence_changed_inside_the_paragraph_stays_anchored_by_similarity() {
    let original = sample();
    let at = annotated(&original);
    let anchor = anchor_on(&original, at);
    let text = text_at(&original, at);
    let first_sentence_end = text.find('。').unwrap() + '。'.len_utf8();
    let changed = format!(
        "此句已由編者改寫以反映最新情勢。{}",
        &text[first_sentence_end..]
    );
    let mut edited = original.clone();
    set_text(&mut edited, at, &changed);
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Anchored, "score {}", r.score);
    assert!(r.score < 1.0);
    assert_eq!(
        r.paragraph.as_deref(),
        Some(edited.sections[at.0].paragraphs[at.1].id.as_str())
    );
}

#[test]
fn a_paragraph_half_rewritten_needs_review() {
    let original = sample();
    let at = annotated(&original);
    let anchor = anchor_on(&original, at);
    let text: Vec<char> = text_at(&original, at).chars().collect();
    let half = text.len() / 2;
    let kept: String = text[..half + text.len() / 10].iter().collect();
    let rewritten = format!("{kept}後續內容已全面改寫，原有論述不再保留，讀者宜自行查證。");
    let mut edited = original.clone();
    set_text(&mut edited, at, &rewritten);
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::NeedsReview, "score {}", r.score);
    assert_eq!(
        r.paragraph.as_deref(),
        Some(edited.sections[at.0].paragraphs[at.1].id.as_str())
    );
}

#[test]
fn line_breaks_moved_by_a_re_extraction_change_nothing() {
    let original = sample();
    let at = annotated(&original);
    let anchor = anchor_on(&original, at);
    let chars: Vec<char> = text_at(&original, at).chars().collect();
    let mut reflowed = String::new();
    for (i, c) in chars.iter().enumerate() {
        reflowed.push(*c);
        if i % 23 == 22 {
            reflowed.push('\n');
        }
    }
    let mut edited = original.clone();
    set_text(&mut edited, at, &reflowed);
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Anchored);
    assert_eq!(r.score, 1.0);
    assert_eq!(r.position, Some(anchor.position));
}

#[test]
fn a_deleted_paragraph_leaves_an_orphan_that_keeps_its_quote() {
    let original = sample();
    let at = annotated(&original);
    let anchor = anchor_on(&original, at);
    let mut edited = original.clone();
    edited.sections[at.0].paragraphs.remove(at.1);
    assign_ids(&mut edited);
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Orphan, "score {}", r.score);
    assert_eq!(r.paragraph, None);
    assert_eq!(anchor.quote, text_at(&original, at));
}

fn section(title: &str, paragraphs: &[&str]) -> Section {
    Section {
        level: 1,
        title: Some(title.to_string()),
        paragraphs: paragraphs
            .iter()
            .map(|t| Paragraph::plain(ParagraphKind::Text, *t))
            .collect(),
        ..Section::default()
    }
}

#[test]
fn a_moved_section_carries_its_notes_along() {
    let a = section(
        "一、背景",
        &["美中關係自二〇二五年起轉趨緩和。", "雙方恢復高層互訪。"],
    );
    let b = section(
        "二、峰會",
        &["北京峰會達成建設性戰略穩定共識。", "兩國同意擴大經貿往來。"],
    );
    let c = section("三、展望", &["年內仍有四次會面機會。"]);
    let mut before = Brief {
        sections: vec![a.clone(), b.clone(), c.clone()],
        ..Brief::default()
    };
    assign_ids(&mut before);
    let anchor = anchor_on(&before, (1, 1));
    assert_eq!(anchor.section, vec!["二、峰會"]);
    let mut after = Brief {
        sections: vec![a, c, b],
        ..Brief::default()
    };
    assign_ids(&mut after);
    let map = BriefMap::new(&after);
    let r = map.resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Anchored);
    let i = r.position.unwrap();
    assert_eq!(map.text(i), "兩國同意擴大經貿往來。");
    assert_eq!(map.section(i).unwrap(), ["二、峰會"]);
}

#[test]
fn every_note_is_resolved_and_none_dropped() {
    let original = sample();
    let map = BriefMap::new(&original);
    let notes: Vec<gloss::notes::Note> = original
        .paragraphs()
        .map(|p| gloss::notes::Note::new("k", map.anchor_for(&p.id).unwrap(), "n", vec![]))
        .collect();
    let mut edited = original.clone();
    for s in &mut edited.sections {
        s.paragraphs.retain(|p| p.text().chars().count() % 3 != 0);
    }
    assign_ids(&mut edited);
    let resolved = BriefMap::new(&edited).resolve_all(&notes);
    assert_eq!(resolved.len(), notes.len());
    let orphans = resolved
        .values()
        .filter(|r| r.status == AnchorStatus::Orphan)
        .count();
    let removed = map.len() - BriefMap::new(&edited).len();
    assert!(
        orphans >= 1 && orphans <= removed,
        "{orphans} orphans, {removed} removed"
    );
}

#[test]
fn a_passage_follows_its_paragraph_through_an_edit_and_is_flagged_when_gone() {
    let original = sample();
    let at = annotated(&original);
    let text = text_at(&original, at);
    let mut anchor = anchor_on(&original, at);
    // The paragraph's second sentence is the passage.
    let first_end = text.chars().position(|c| c == '。').unwrap() + 1;
    let second_end = first_end
        + text
            .chars()
            .skip(first_end)
            .position(|c| c == '。')
            .unwrap()
        + 1;
    let passage = gloss::notes::passage::Passage::new(&text, first_end..second_end);
    anchor.passage = Some(passage.clone());

    // Words added at the paragraph's start: the passage moves with them.
    let mut edited = original.clone();
    set_text(&mut edited, at, &format!("據報導，{text}"));
    let r = BriefMap::new(&edited).resolve(&anchor);
    assert_eq!(r.status, AnchorStatus::Anchored);
    let found = r.passage.expect("the passage is found again");
    let now: String = text_at(&edited, at)
        .chars()
        .skip(found.start)
        .take(found.len())
        .collect();
    assert_eq!(now, passage.exact);
    assert_eq!(found.start, first_end + 4);

    // The passage's sentence rewritten: the note stays, to be reviewed.
    let mut rewritten = original.clone();
    let changed = text.replacen(&passage.exact, "這一句已經完全改寫了。", 1);
    set_text(&mut rewritten, at, &changed);
    let r = BriefMap::new(&rewritten).resolve(&anchor);
    assert_ne!(r.status, AnchorStatus::Orphan);
    assert_eq!(r.passage, None);
    assert_eq!(r.status, AnchorStatus::NeedsReview);
}

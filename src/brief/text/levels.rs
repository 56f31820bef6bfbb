//! Heading levels. Numbering families nest by rank (壹 > 一 > （一） > 1.);
//! headings without a number nest by their style, in the order the document
//! first uses them: a title set in capitals over title-case heads, and a
//! head that recurs in every section ("Recommended Policy Actions") one
//! level under the heads it recurs beneath.

use std::collections::{HashMap, HashSet};

use super::blocks::Block;
use super::headings::numbering;
use super::roles::Role;

/// A head this many times or more in one brief recurs in every section.
const RECURRING_MIN: usize = 3;

/// The style class of a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// Numbered, with the family's rank.
    Numbered(u8),
    /// Unnumbered and set in capitals: "PILOT SUMMARY".
    Capitals,
    /// Unnumbered, any other case or script.
    Plain,
    /// Unnumbered and repeated in section after section.
    Recurring,
    /// Opened by a tag in brackets: "[P0] …", "【快訊】…", the entries of a
    /// digest under its sections.
    Tagged,
    /// Unnumbered and named by the contents page: the upper levels, over
    /// the heads the contents page leaves out.
    Listed,
    /// Listed, and heading nothing but the next listed head: a part over
    /// the listed heads that follow it.
    ListedPart,
}

/// The class of an unnumbered heading, given how often its text occurs
/// among the brief's unnumbered headings.
pub(super) fn unnumbered_class(text: &str, occurrences: usize) -> Class {
    if occurrences >= RECURRING_MIN {
        Class::Recurring
    } else if super::blocks::bracket_tag(text) {
        Class::Tagged
    } else if in_capitals(text) {
        Class::Capitals
    } else {
        Class::Plain
    }
}

/// True when the letters of `text` (two or more) are all capitals.
pub(super) fn in_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
}

/// The class of every heading of the body (`None` for other blocks). A
/// head typeset as a heading but not numbered (a PDF's) recurs like any
/// other unnumbered one.
pub(super) fn classes(
    body: &[Block],
    roles: &[Role],
    listed: &HashSet<String>,
) -> Vec<Option<Class>> {
    let unnumbered = |block: &Block, role: &Role| match role {
        Role::Unnumbered => true,
        // A chapter's bare number ("2 ASN.1 …") over its "2.1" sections.
        Role::Numbered(rank) if *rank == super::headings::rank::ARABIC => {
            block.marker.is_none()
                && numbering(&block.text).is_none()
                && super::roles::chapter_number(&block.text).is_none()
        }
        Role::Numbered(_) => block.marker.is_none() && numbering(&block.text).is_none(),
        _ => false,
    };
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (block, role) in body.iter().zip(roles) {
        if unnumbered(block, role) {
            *counts.entry(block.text.as_str()).or_insert(0) += 1;
        }
    }
    let listed_typed = |i: usize| {
        matches!(roles.get(i), Some(Role::Numbered(_) | Role::Unnumbered))
            && listed.contains(&super::toc::key(&body[i].text))
    };
    let listed_head = |i: usize| {
        roles.get(i) == Some(&Role::Unnumbered)
            && !listed.is_empty()
            && listed.contains(&super::toc::key(&body[i].text))
    };
    body.iter()
        .zip(roles)
        .enumerate()
        .map(|(i, (block, role))| {
            let count = counts.get(block.text.as_str()).copied().unwrap_or(1);
            match role {
                Role::Numbered(_) if unnumbered(block, role) && count >= RECURRING_MIN => {
                    Some(Class::Recurring)
                }
                // A head set as a heading but not numbered (a PDF's): the
                // contents page, when there is one, says how high it stands.
                Role::Numbered(_) if unnumbered(block, role) && !listed.is_empty() => {
                    Some(if listed_typed(i) && listed_typed(i + 1) {
                        Class::ListedPart
                    } else if listed_typed(i) {
                        Class::Listed
                    } else {
                        Class::Plain
                    })
                }
                Role::Numbered(rank) | Role::RunIn(rank) => Some(Class::Numbered(*rank)),
                Role::Unnumbered => Some(match unnumbered_class(&block.text, count) {
                    Class::Plain if listed_head(i) && listed_head(i + 1) => Class::ListedPart,
                    Class::Plain if listed_head(i) => Class::Listed,
                    class => class,
                }),
                _ => None,
            }
        })
        .collect()
}

/// The classes of the headings above the current one, outermost first,
/// with the type-size tier of those a PDF sets as headings.
#[derive(Debug, Default)]
pub(super) struct Levels {
    open: Vec<Class>,
    tiers: Vec<Option<u8>>,
}

impl Levels {
    /// The level (1 = top) of the next heading, of class `class`, titled
    /// `title`.
    pub(super) fn next(&mut self, class: Class, title: &str) -> u8 {
        self.next_typed(class, title, None)
    }

    /// As [`Levels::next`], for a heading set in type-size tier `tier` (1
    /// the largest) when the page shows one: where two heads are set in
    /// different sizes, the larger is the higher, whatever their classes
    /// ("2. AI Summarisation …" over a smaller unnumbered "AI
    /// Summarisation"); in one size their classes decide.
    pub(super) fn next_typed(&mut self, class: Class, title: &str, tier: Option<u8>) -> u8 {
        if let Some(tier) = tier {
            while self
                .tiers
                .last()
                .copied()
                .flatten()
                .is_some_and(|top| top > tier)
            {
                self.open.pop();
                self.tiers.pop();
            }
            if self
                .tiers
                .last()
                .copied()
                .flatten()
                .is_some_and(|top| top < tier)
            {
                return self.push(class, Some(tier));
            }
        }
        let capitals = in_capitals(title);
        if let Some(at) = self.open.iter().position(|c| *c == class) {
            self.open.truncate(at);
        } else {
            // A number or a title in capitals closes the plain heads above
            // it, and a number the deeper numbers; a title in capitals stays
            // over the numbered parts under it unless they are in capitals
            // too ("INTRODUCTION" then "1 APPLICATION OF …").
            while let Some(top) = self.open.last() {
                let closes = match (*top, class) {
                    (
                        Class::Plain
                        | Class::Recurring
                        | Class::Tagged
                        | Class::Listed
                        | Class::ListedPart,
                        Class::Numbered(_) | Class::Capitals,
                    ) => true,
                    // The contents page names the upper levels: a listed
                    // head closes the heads it leaves out, a part closes
                    // the listed heads.
                    (Class::Plain, Class::Listed | Class::ListedPart) => true,
                    (Class::Listed, Class::ListedPart) => true,
                    (Class::Numbered(above), Class::Numbered(rank)) => above > rank,
                    (Class::Capitals, Class::Numbered(_)) => capitals,
                    _ => false,
                };
                if !closes {
                    break;
                }
                self.open.pop();
            }
        }
        self.tiers.truncate(self.open.len());
        self.push(class, tier)
    }

    fn push(&mut self, class: Class, tier: Option<u8>) -> u8 {
        self.open.push(class);
        self.tiers.push(tier);
        u8::try_from(self.open.len()).unwrap_or(u8::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(classes: &[Class]) -> Vec<u8> {
        let mut levels = Levels::default();
        classes.iter().map(|c| levels.next(*c, "Title")).collect()
    }

    #[test]
    fn a_smaller_typed_head_nests_under_a_larger_numbered_one() {
        use Class::{Capitals, Numbered as N};
        let mut levels = Levels::default();
        let got: Vec<u8> = [
            (Capitals, "PROCESS OUTPUTS", Some(1)),
            (N(50), "2. AI Summarisation: Consensus Mapping", Some(2)),
            // Unnumbered, ranked by its tier, set smaller than "2.".
            (N(3), "Single Subject Deliberation", Some(3)),
            (N(3), "AI Summarisation", Some(3)),
            (N(50), "3. Human Summarisation Outputs", Some(2)),
            (Capitals, "FUTURE DEVELOPMENT", Some(1)),
        ]
        .into_iter()
        .map(|(class, title, tier)| levels.next_typed(class, title, tier))
        .collect();
        assert_eq!(got, [1, 2, 3, 3, 2, 1]);
    }

    #[test]
    fn numbering_families_nest_by_rank() {
        use Class::Numbered as N;
        assert_eq!(
            levels(&[N(10), N(30), N(40), N(30), N(40), N(10), N(30)]),
            [1, 2, 3, 2, 3, 1, 2]
        );
    }

    #[test]
    fn a_recurring_head_sits_under_the_heads_it_recurs_beneath() {
        use Class::*;
        assert_eq!(
            levels(&[
                Plain,
                Numbered(0),
                Plain,
                Recurring,
                Plain,
                Recurring,
                Numbered(0),
                Plain
            ]),
            [1, 1, 2, 3, 2, 3, 1, 2]
        );
    }

    #[test]
    fn titles_in_capitals_stay_over_the_numbered_parts_under_them() {
        use Class::*;
        assert_eq!(
            levels(&[
                Capitals,
                Plain,
                Capitals,
                Numbered(50),
                Plain,
                Numbered(50),
                Capitals
            ]),
            [1, 2, 1, 2, 3, 2, 1]
        );
    }

    #[test]
    fn numbered_parts_in_capitals_stand_beside_a_title_in_capitals() {
        let mut levels = Levels::default();
        let got = [
            (Class::Plain, "The Board"),
            (Class::Capitals, "INTRODUCTION"),
            (Class::Numbered(50), "1 APPLICATION OF THE CRITERION"),
            (Class::Numbered(65), "a) An establishment"),
            (Class::Plain, "Behavioural advertisement"),
            (Class::Numbered(65), "b) Processing"),
            (Class::Numbered(50), "2 APPLICATION OF TARGETING"),
        ]
        .map(|(class, title)| levels.next(class, title));
        assert_eq!(got, [1, 1, 1, 2, 3, 2, 1]);
    }

    #[test]
    fn a_typeset_head_that_recurs_is_recurring_and_a_numbered_one_is_not() {
        let block = |text: &str| Block {
            text: text.to_string(),
            lines: 1,
            marker: None,
            pages: (0, 0),
            widest: 0,
        };
        let texts = [
            "Actions", "1. Trade", "Actions", "1. Trade", "Actions", "1. Trade",
        ];
        let body: Vec<Block> = texts.iter().map(|t| block(t)).collect();
        let roles = [Role::Numbered(20); 6];
        let got = classes(&body, &roles, &HashSet::new());
        assert_eq!(got[0], Some(Class::Recurring));
        assert_eq!(got[1], Some(Class::Numbered(20)));
    }

    #[test]
    fn the_contents_page_names_the_upper_levels() {
        use Class::*;
        assert_eq!(
            levels(&[
                Listed, ListedPart, Listed, Plain, Plain, Listed, Listed, ListedPart, Listed, Plain
            ]),
            [1, 1, 2, 3, 3, 2, 2, 1, 2, 3]
        );
        let block = |text: &str| Block {
            text: text.to_string(),
            lines: 1,
            marker: None,
            pages: (0, 0),
            widest: 0,
        };
        let texts = [
            "Foreword",
            "AI is the opportunity of a generation.",
            "Response",
            "Foundations",
            "Growth Zones",
            "Next steps",
        ];
        let body: Vec<Block> = texts.iter().map(|t| block(t)).collect();
        let listed: HashSet<String> = ["foreword", "response", "foundations", "nextsteps"]
            .into_iter()
            .map(String::from)
            .collect();
        let mut roles = [Role::Unnumbered; 6];
        roles[1] = Role::Paragraph;
        let got = classes(&body, &roles, &listed);
        let want = [
            Some(Listed),
            None,
            Some(ListedPart),
            Some(Listed),
            Some(Plain),
            Some(Listed),
        ];
        assert_eq!(got, want);
        // Heads a PDF typesets as headings stand where the contents page
        // puts them too.
        let typed = classes(&body, &[Role::Numbered(20); 6], &listed);
        assert_eq!(typed[3..], [Some(Listed), Some(Plain), Some(Listed)]);
        let none = classes(&body, &roles, &HashSet::new());
        assert!(!none.contains(&Some(Listed)), "{none:?}");
    }

    #[test]
    fn classes_follow_case_and_recurrence() {
        assert_eq!(unnumbered_class("PILOT SUMMARY", 1), Class::Capitals);
        assert_eq!(unnumbered_class("Pilot Summary", 1), Class::Plain);
        assert_eq!(unnumbered_class("國際情勢", 1), Class::Plain);
        assert_eq!(
            unnumbered_class("Recommended Policy Actions", 30),
            Class::Recurring
        );
    }
}

//! Numbered lists that look like headings: "2. Digital deliberations to
//! source priority questions" is a short line with a number, but when it
//! follows item 1 that is plainly a list item, or item 3 stands right under
//! it with nothing between, it is item 2 of a list.

use super::blocks::Block;
#[cfg(test)]
use super::headings::rank;
use super::headings::{arabic_ordinal, numbering};
use super::roles::{Role, heading_text};

/// The family rank and the ordinal of a block opened by an arabic number;
/// other families are left to the heading rules, as 一、二、 headings of a
/// Chinese report follow each other closely.
fn ordinal(block: &Block) -> Option<(u8, u32)> {
    let text = heading_text(block);
    Some((numbering(&text)?.rank, arabic_ordinal(&text)?))
}

/// True for a role that ends a list: any heading not of the list's family.
fn breaks_list(role: Role, family: u8) -> bool {
    match role {
        Role::Numbered(rank) | Role::RunIn(rank) => rank != family,
        Role::Unnumbered | Role::Contents => true,
        Role::Paragraph | Role::Figure | Role::Caption | Role::EditorNote | Role::Footnote => false,
    }
}

/// Numbered headings that are items of a list become paragraphs: an item
/// whose neighbour in the numbering stands right next to it with nothing
/// between, and every item numbered on from a list item before it.
pub(super) fn demote_numbered_lists(body: &[Block], roles: &mut [Role]) {
    let ordinals: Vec<Option<(u8, u32)>> = body.iter().map(ordinal).collect();
    let mut in_list: Vec<bool> = roles.iter().map(|r| *r == Role::Paragraph).collect();
    for i in 1..body.len() {
        if let (Some((family, n)), Some((next_family, m))) = (ordinals[i - 1], ordinals[i])
            && family == next_family
            && m == n + 1
            && matches!(roles[i - 1], Role::Numbered(_))
            && matches!(roles[i], Role::Numbered(_))
        {
            in_list[i - 1] = true;
            in_list[i] = true;
        }
    }
    // Items numbered on from a list item are list items. Not backwards: a
    // heading over text stays one though the next number is set in a list.
    spread(&ordinals, roles, &mut in_list);
    for (role, listed) in roles.iter_mut().zip(in_list) {
        if listed && matches!(role, Role::Numbered(_)) {
            *role = Role::Paragraph;
        }
    }
}

/// Marks an item as a list item when the item numbered just before it, with
/// no other heading between, was one.
fn spread(ordinals: &[Option<(u8, u32)>], roles: &[Role], in_list: &mut [bool]) {
    let mut last: Option<(u8, u32, bool)> = None;
    for i in 0..ordinals.len() {
        match ordinals[i] {
            Some((family, n)) => {
                if let Some((last_family, last_n, listed)) = last
                    && listed
                    && last_family == family
                    && n == last_n + 1
                {
                    in_list[i] = true;
                }
                last = Some((family, n, in_list[i]));
            }
            None => {
                if last.is_some_and(|(family, _, _)| breaks_list(roles[i], family)) {
                    last = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block {
            text: text.to_string(),
            lines: 1,
            marker: None,
            pages: (0, 0),
            widest: 0,
        }
    }

    fn demoted(items: &[(&str, Role)]) -> Vec<Role> {
        let body: Vec<Block> = items.iter().map(|(t, _)| block(t)).collect();
        let mut roles: Vec<Role> = items.iter().map(|(_, r)| *r).collect();
        demote_numbered_lists(&body, &mut roles);
        roles
    }

    const ITEM: Role = Role::Numbered(rank::ARABIC);

    #[test]
    fn items_numbered_on_from_a_list_item_are_list_items() {
        let roles = demoted(&[
            ("Our pilot can be summarised in six steps.", Role::Paragraph),
            ("1. Recruit diverse communities.", Role::Paragraph),
            ("International Cohort (528 Participants)", Role::Paragraph),
            ("2. Digital deliberations to source questions", ITEM),
            ("3. Human summarisation of priorities", ITEM),
            (
                "The question used was: what should guide AI?",
                Role::Paragraph,
            ),
            ("4. Outputs compiled", ITEM),
        ]);
        assert!(roles.iter().all(|r| *r == Role::Paragraph), "{roles:?}");
    }

    #[test]
    fn neighbours_with_nothing_between_are_list_items() {
        let roles = demoted(&[
            ("1. Check accuracy of outputs", ITEM),
            ("2. Check agreement over time", ITEM),
        ]);
        assert_eq!(roles, [Role::Paragraph, Role::Paragraph]);
    }

    #[test]
    fn numbered_headings_over_text_stay_headings() {
        let items = [
            ("1. Introduction", ITEM),
            (
                "The summit produced a framework that both sides accept.",
                Role::Paragraph,
            ),
            ("2. Trade", ITEM),
            (
                "Tariffs fell on both sides of the strait this year.",
                Role::Paragraph,
            ),
            ("2.1 Details", Role::Numbered(rank::ARABIC + 1)),
            ("3. Outlook", ITEM),
        ];
        let roles = demoted(&items);
        assert_eq!(roles, items.map(|(_, r)| r));
    }

    #[test]
    fn a_heading_of_another_family_ends_the_list() {
        let roles = demoted(&[
            ("1. Recruit diverse communities.", Role::Paragraph),
            ("II. Findings", Role::Numbered(rank::CJK)),
            ("2. Digital deliberations", ITEM),
            (
                "Text under the heading, long enough to be prose here.",
                Role::Paragraph,
            ),
        ]);
        assert_eq!(roles[2], ITEM);
    }

    #[test]
    fn chinese_enumerals_are_left_to_the_heading_rules() {
        let items = [
            ("一、總則", Role::Numbered(rank::CJK)),
            ("二、組織", Role::Numbered(rank::CJK)),
        ];
        assert_eq!(demoted(&items), items.map(|(_, r)| r));
    }
}

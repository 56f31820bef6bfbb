//! A glossary set as a table: each term on a line of its own over its
//! short definition. The terms look like unnumbered headings, but sections
//! are not written in the alphabet's order with a sentence or two under
//! each; a run of terms sorted so is a list of definitions.

use super::blocks::Block;
use super::roles::Role;

/// So many terms in alphabetical order make a glossary.
const TERMS_MIN: usize = 4;
/// A definition is short: at most this many words.
const DEFINITION_MAX_WORDS: usize = 80;

/// Turns the terms of a glossary back into running text.
pub(super) fn demote_glossary_terms(body: &[Block], roles: &mut [Role]) {
    let mut i = 0;
    while i < body.len() {
        let terms = terms_from(body, roles, i);
        if terms.len() >= TERMS_MIN {
            for &t in &terms {
                roles[t] = Role::Paragraph;
            }
        }
        i = terms.last().map_or(i + 1, |&t| t + 1);
    }
}

/// The terms of the run that starts at `start`: unnumbered heads, each over
/// one short paragraph (or none: a term whose definition is the next
/// term's), sorted alphabetically.
fn terms_from(body: &[Block], roles: &[Role], start: usize) -> Vec<usize> {
    let mut terms: Vec<usize> = Vec::new();
    let mut k = start;
    while k < body.len() && roles[k] == Role::Unnumbered && latin_term(&body[k].text) {
        if let Some(&last) = terms.last()
            && sort_key(&body[last].text) > sort_key(&body[k].text)
        {
            break;
        }
        let term = k;
        k += 1;
        if k < body.len() && short_definition(&body[k], roles[k]) {
            k += 1;
        }
        // A head with more than one paragraph under it heads a section.
        if k < body.len() && roles[k] != Role::Unnumbered {
            break;
        }
        terms.push(term);
    }
    terms
}

/// A term in a Latin script, in words: the alphabet's order is what proves
/// the run, and headings numbered in turn ("Part 1", "Part 2") sort too.
fn latin_term(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && c.is_ascii())
        && !text.bytes().any(|b| b.is_ascii_digit())
}

fn short_definition(block: &Block, role: Role) -> bool {
    matches!(role, Role::Paragraph | Role::Figure)
        && block.text.split_whitespace().count() <= DEFINITION_MAX_WORDS
}

fn sort_key(text: &str) -> String {
    text.to_lowercase()
}

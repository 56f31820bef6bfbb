//! Text similarity for re-anchoring: a cheap character-pair overlap to
//! pre-filter candidates, and an edit similarity to score the few left.

/// The sorted, deduplicated character pairs of a text (single characters
/// for a text of one).
pub(crate) fn bigrams(chars: &[char]) -> Vec<u64> {
    let mut out: Vec<u64> = if chars.len() < 2 {
        chars.iter().map(|&c| u64::from(c)).collect()
    } else {
        chars
            .windows(2)
            .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Dice coefficient of two sorted, deduplicated sets.
pub(crate) fn dice(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Edit similarity of two character sequences, 1.0 when equal.
// strsim's generic Levenshtein wants a sized container, hence `&Vec`.
#[allow(clippy::ptr_arg)]
pub(crate) fn similarity(a: &Vec<char>, b: &Vec<char>) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - strsim::generic_levenshtein(a, b) as f64 / longest as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_one_minus_normalized_distance() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert!((similarity(&chars("美中關係"), &chars("美中關系")) - 0.75).abs() < 1e-9);
        assert!((similarity(&chars("abcd"), &chars("abcd")) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn pair_overlap_is_one_for_equal_texts_and_zero_for_disjoint_ones() {
        let a = bigrams(&"美中關係".chars().collect::<Vec<_>>());
        let b = bigrams(&"歐洲能源".chars().collect::<Vec<_>>());
        assert!((dice(&a, &a) - 1.0).abs() < 1e-9);
        assert_eq!(dice(&a, &b), 0.0);
    }
}

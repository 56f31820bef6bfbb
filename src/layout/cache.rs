//! A bounded cache of wrapped paragraphs, so that a frame wraps only the
//! paragraphs it shows, and each of them once per width.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::ops::Range;
use std::sync::Arc;

use super::wrap::wrap;

/// The lines of one wrapped paragraph, shared between the cache and its users.
pub type Lines = Arc<[Range<usize>]>;

/// Wrapped lines keyed by paragraph (any key: an index, a hash of the
/// paragraph id, …) for one width at a time, evicting the least recently
/// used paragraph beyond `capacity`.
///
/// The key must identify the text: a caller that shows the same paragraph
/// in another form (another script, say) uses another key or calls
/// [`WrapCache::clear`].
#[derive(Debug)]
pub struct WrapCache<K = u64> {
    width: usize,
    capacity: usize,
    entries: HashMap<K, (Lines, u64)>,
    recency: BTreeMap<u64, K>,
    clock: u64,
    misses: u64,
}

impl<K: Hash + Eq + Clone> WrapCache<K> {
    /// An empty cache holding at most `capacity` paragraphs (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            width: 0,
            capacity: capacity.max(1),
            entries: HashMap::new(),
            recency: BTreeMap::new(),
            clock: 0,
            misses: 0,
        }
    }

    /// The lines of `text` (the paragraph known as `key`) at `width`,
    /// wrapped now unless already cached. A width other than the last one
    /// asked for empties the cache first.
    pub fn lines(&mut self, key: &K, text: &str, width: usize) -> Lines {
        if width != self.width {
            self.clear();
            self.width = width;
        }
        self.clock += 1;
        let now = self.clock;
        if let Some((lines, used)) = self.entries.get_mut(key) {
            self.recency.remove(used);
            *used = now;
            self.recency.insert(now, key.clone());
            return Arc::clone(lines);
        }
        self.misses += 1;
        let lines: Lines = wrap(text, width).into();
        while self.entries.len() >= self.capacity {
            let Some((_, oldest)) = self.recency.pop_first() else {
                break;
            };
            self.entries.remove(&oldest);
        }
        self.entries.insert(key.clone(), (Arc::clone(&lines), now));
        self.recency.insert(now, key.clone());
        lines
    }

    /// Forgets every cached paragraph.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.recency.clear();
    }

    /// How many paragraphs are cached.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if no paragraph is cached.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many times [`WrapCache::lines`] had to wrap, since the cache was made.
    pub fn misses(&self) -> u64 {
        self.misses
    }
}

impl<K: Hash + Eq + Clone> Default for WrapCache<K> {
    /// A cache sized for a few screens of paragraphs.
    fn default() -> Self {
        Self::new(1024)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_each_paragraph_once_per_width() {
        let mut cache = WrapCache::new(8);
        let text = "中美關係這艘大船平穩前行";
        let first = cache.lines(&1, text, 10);
        let again = cache.lines(&1, text, 10);
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(&*first, wrap(text, 10).as_slice());
        assert_eq!(cache.misses(), 1);

        let narrower = cache.lines(&1, text, 6);
        assert_eq!(&*narrower, wrap(text, 6).as_slice());
        assert_eq!(cache.misses(), 2);
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn a_width_change_forgets_the_old_width() {
        let mut cache = WrapCache::new(8);
        cache.lines(&1, "a b", 10);
        cache.lines(&2, "c d", 10);
        assert_eq!(cache.len(), 2);
        cache.lines(&1, "a b", 2);
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn evicts_the_least_recently_used_paragraph() {
        let mut cache = WrapCache::new(2);
        cache.lines(&1, "one", 10);
        cache.lines(&2, "two", 10);
        cache.lines(&1, "one", 10);
        cache.lines(&3, "three", 10);
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.misses(), 3);
        cache.lines(&1, "one", 10);
        assert_eq!(cache.misses(), 3, "paragraph 1 was used recently and kept");
        cache.lines(&2, "two", 10);
        assert_eq!(cache.misses(), 4, "paragraph 2 was the oldest and evicted");
    }

    #[test]
    fn clear_and_zero_capacity() {
        let mut cache: WrapCache<String> = WrapCache::new(0);
        cache.lines(&"p1".to_string(), "x", 5);
        cache.lines(&"p2".to_string(), "y", 5);
        assert_eq!(cache.len(), 1);
        cache.clear();
        assert!(cache.is_empty());
    }
}

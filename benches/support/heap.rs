//! Heap high-water marks for the benches: a counting allocator that
//! forwards to the system's, and a report of the peak against the input.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts live heap bytes and remembers the high-water mark.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: same layout the caller gave us.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: ptr came from System.alloc with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Extra heap at the high-water mark while running `f`, beyond what was live.
pub fn peak_extra<T>(f: impl FnOnce() -> T) -> usize {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed);
    let kept = LIVE.load(Ordering::Relaxed).saturating_sub(base);
    println!(
        "  (heap kept by the result: {:.1} MiB)",
        kept as f64 / (1024.0 * 1024.0)
    );
    drop(out);
    peak.saturating_sub(base)
}

pub fn report_peak(name: &str, input: &[u8], extra: usize) {
    let mb = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "peak heap {name}: input {:.1} MiB, extra {:.1} MiB during load ({:.2}× input; {:.2}× with the input)",
        mb(input.len()),
        mb(extra),
        extra as f64 / input.len() as f64,
        (extra + input.len()) as f64 / input.len() as f64,
    );
}

//! How a piece of work grows with its input: the time at two sizes, each
//! the quickest of a few runs so that a busy machine inflates neither much.
//! A ratio, not a time, is asserted: a linear path on eight times the
//! input takes about eight times as long, a quadratic one sixty-four.

use std::time::{Duration, Instant};

/// Runs of each size; the quickest counts.
const RUNS: usize = 3;

fn quickest(work: &mut dyn FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Time of `large` over time of `small`, each the quickest of [`RUNS`].
pub fn ratio(small: &mut dyn FnMut(), large: &mut dyn FnMut()) -> f64 {
    let small = quickest(small).max(Duration::from_micros(50));
    let large = quickest(large);
    large.as_secs_f64() / small.as_secs_f64()
}

/// Panics unless `large` (eight times `small`'s input) grows no faster
/// than n·log n with room for noise: under 24×, where quadratic work
/// would take about 64×.
pub fn assert_not_quadratic(what: &str, small: &mut dyn FnMut(), large: &mut dyn FnMut()) {
    let r = ratio(small, large);
    assert!(
        r < 24.0,
        "{what}: eight times the input took {r:.1} times as long (quadratic: 64)"
    );
}

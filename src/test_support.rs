//! What the unit tests share: a fixed pseudo-random sequence for generated cases.

/// A linear congruential sequence (Knuth's MMIX constants): generated test cases are the same
/// on every run, so a failure names a case that can be run again.
pub(crate) struct Cases(u64);

impl Cases {
    pub(crate) fn new(seed: u64) -> Cases {
        Cases(seed)
    }

    /// The next number below `n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n.max(1)
    }

    /// `count` pieces drawn from `pieces`, joined.
    pub(crate) fn string(&mut self, pieces: &[&str], count: usize) -> String {
        let mut out = String::new();
        self.append(&mut out, pieces, count);
        out
    }

    /// `count` pieces drawn from `pieces`, appended to `out`.
    pub(crate) fn append(&mut self, out: &mut String, pieces: &[&str], count: usize) {
        for _ in 0..count {
            out.push_str(pieces[self.below(pieces.len())]);
        }
    }
}

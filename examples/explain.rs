//! Shows how bonmun sees a page: every block with its value, verdict and whether it was kept.
//!
//!     cargo run --release --example explain -- PAGE.html
fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read(&path) {
            Ok(bytes) => print!("{}", bonmun::explain(&bytes)),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}

//! Prints the page's first paint (`caseboard::formats::first_paint`) for the shipped universe:
//!
//! ```sh
//! cargo run --example first_paint > static/first-paint.html
//! ```
//!
//! The page takes the committed file (trunk inlines it, see `index.html`) rather than running
//! this during the build: a trunk hook that ran cargo would wait on the lock of any build sharing
//! the target folder and compile the crate natively on every rebuild of `trunk serve`.
//! `tests/first_paint.rs` fails, naming this command, when the file is not what it prints.

use caseboard::formats::first_paint;
use caseboard::model::universe::Universe;

fn main() {
    match Universe::ballard() {
        Ok(universe) => print!("{}", first_paint::html(&universe)),
        Err(e) => {
            eprintln!("the shipped universe does not load: {e}");
            std::process::exit(1);
        }
    }
}

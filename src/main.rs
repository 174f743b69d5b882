#[cfg(target_arch = "wasm32")]
fn main() {
    caseboard::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Caseboard runs in the browser: build it with `trunk build --release` (see README.md).");
}

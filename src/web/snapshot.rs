//! What a picture of the board is taken from (`formats::snapshot`): the board's markup on the
//! page, and the build that drew it.

/// The element that holds the board, its overview and minimap (`ui::workspace`).
const STAGE: &str = "main.stage";
/// trunk's preload of the app's code: its hashed name changes with every build, and
/// `static/snapshot.js` reads the same attribute.
const BUILD: &str = "link[rel=\"preload\"][href$=\".wasm\"]";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The markup of the board on the page, if one is.
pub fn stage_markup() -> Option<String> {
    document()?.query_selector(STAGE).ok().flatten().map(|stage| stage.outer_html())
}

/// The build this page runs, as its preload of the app's code names it.
pub fn build() -> Option<String> {
    document()?.query_selector(BUILD).ok().flatten()?.get_attribute("href")
}

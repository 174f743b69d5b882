//! The "Share" dialog: a link to the board, the board as a file, as a JSON Canvas for Obsidian,
//! and as a picture (SVG or PNG, the whole board or the current view).

use crate::formats::caption::Caption;
use crate::formats::library::file_name;
use crate::formats::{canvas, svg};
use crate::model::scene::{scene, Scene};
use crate::session::links::make_link;
use crate::session::open_board::BoardState;
use crate::ui::chrome::modal::Modal;
use crate::web::{clipboard, download, image};
use leptos::html::{Button, Input};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The empty cork drawn around the whole board in a picture.
const PICTURE_MARGIN: f64 = 48.0;
/// PNGs are drawn at twice the board's size where they can be, for sharp text on dense screens
/// (`formats::png_size` says how much smaller a large board is drawn).
const PNG_SCALE: f64 = 2.0;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Picture {
    Svg,
    Png,
}

#[component]
pub fn ShareDialog(state: BoardState, on_close: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let picture = RwSignal::new(Picture::Png);
    let whole_board = RwSignal::new(true);
    let link_field = NodeRef::<Input>::new();
    let share_link = move |_| {
        status.set("Making the link…".to_string());
        // The dialog may be closed before the link is made: its fields are then gone, and the
        // link is simply not shown.
        spawn_local(async move {
            match make_link(state).await {
                Ok(url) => {
                    if link.try_set(Some(url.clone())).is_some() {
                        return;
                    }
                    let copied = clipboard::copy(&url).await;
                    status.try_set(match copied {
                        Ok(()) => {
                            format!("Link copied ({} characters). Anyone with it sees this board.", url.len())
                        }
                        Err(_) => {
                            "The browser would not copy it: select the link below and copy it yourself."
                                .to_string()
                        }
                    });
                    if let Some(field) = link_field.try_get_untracked().flatten() {
                        field.select();
                    }
                }
                Err(e) => _ = status.try_set(format!("No link: {e}.")),
            }
        });
    };
    let export_canvas = move |_| {
        let text = state.doc.with_board(|b| canvas::export(&board_scene(state), b));
        save_file(state, &file_name(&state.doc.name(), "canvas"), "application/json", &text);
    };
    let export_image = move |_| {
        let scene = board_scene(state);
        let area = if whole_board.get_untracked() {
            svg::bounds(&scene).map(|b| b.grown(PICTURE_MARGIN))
        } else {
            Some(state.visible_world(state.view.viewport.get_untracked()))
        };
        let Some(area) = area else {
            return status.set("The board is empty: there is nothing to draw.".to_string());
        };
        let show = state.doc.universe.with_value(|u| u.title.clone());
        let caption = Caption::new(&state.doc.name(), &show, state.view.effective_horizon());
        let drawing = svg::render(&scene, area, Some(&caption));
        match picture.get_untracked() {
            Picture::Svg => {
                save_file(state, &file_name(&state.doc.name(), "svg"), "image/svg+xml", &drawing.svg)
            }
            Picture::Png => {
                status.set("Drawing the picture…".to_string());
                let name = file_name(&state.doc.name(), "png");
                spawn_local(async move {
                    let png = image::svg_to_png(&drawing.svg, drawing.size, PNG_SCALE).await;
                    let said = match png.and_then(|blob| download::download_blob(&name, &blob)) {
                        Ok(()) => format!("Saved {name}."),
                        Err(e) => format!("The picture could not be made: {e}."),
                    };
                    status.try_set(said);
                });
            }
        }
    };
    let close = on_close.clone();
    let first_ref = NodeRef::<Button>::new();
    first_ref.on_load(|el| {
        let _ = el.focus();
    });
    view! {
        <Modal keys=&["Escape"] on_close=on_close.clone()>
            <div class="dialog share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title">
                <h2 id="share-title">"Share this board"</h2>
                <section class="share-part">
                    <button class="button primary" node_ref=first_ref on:click=share_link>"Share link"</button>
                    <input class="share-url" readonly aria-label="Share link URL" node_ref=link_field
                        placeholder="The link appears here" prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |_| if let Some(f) = link_field.get_untracked() { f.select() }/>
                </section>
                <section class="share-part">
                    <button class="button" on:click=move |_| state.export_board()>"Export board"</button>
                    <button class="button" on:click=export_canvas>"Export for Obsidian"</button>
                </section>
                <section class="share-part">
                    <fieldset class="choice">
                        <legend>"Picture"</legend>
                        <div class="choice-group" role="radiogroup" aria-labelledby="picture-format">
                            <span class="choice-name" id="picture-format">"Format"</span>
                            <span class="choice-options">
                                <label><input type="radio" name="picture-format" prop:checked=move || picture.get() == Picture::Png
                                    on:change=move |_| picture.set(Picture::Png)/>"PNG"</label>
                                <label><input type="radio" name="picture-format" prop:checked=move || picture.get() == Picture::Svg
                                    on:change=move |_| picture.set(Picture::Svg)/>"SVG"</label>
                            </span>
                        </div>
                        <div class="choice-group" role="radiogroup" aria-labelledby="picture-area">
                            <span class="choice-name" id="picture-area">"Area"</span>
                            <span class="choice-options">
                                <label><input type="radio" name="picture-area" prop:checked=move || whole_board.get()
                                    on:change=move |_| whole_board.set(true)/>"Whole board"</label>
                                <label><input type="radio" name="picture-area" prop:checked=move || !whole_board.get()
                                    on:change=move |_| whole_board.set(false)/>"Current view"</label>
                            </span>
                        </div>
                    </fieldset>
                    <button class="button" on:click=export_image>"Export image"</button>
                </section>
                <p class="hint" role="status">{move || status.get()}</p>
                <div class="dialog-actions">
                    <button class="button" on:click=move |_| close()>"Close"</button>
                </div>
            </div>
        </Modal>
    }
}

fn board_scene(state: BoardState) -> Scene {
    state.doc.with_board(|b| {
        state
            .doc
            .universe
            .with_value(|u| state.doc.with_defaults(|d| scene(b, u, d, state.view.effective_horizon())))
    })
}

fn save_file(state: BoardState, name: &str, mime: &str, text: &str) {
    if let Err(e) = download::download(name, mime, text) {
        state.notices.problem("export", format!("{name} could not be saved: {e}."));
    }
}

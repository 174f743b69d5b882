//! The "Boards" region: every board the fan keeps, with its size in storage; open, rename,
//! duplicate and delete them; make a new one; bring one in from a file.

use crate::formats::library::Entry;
use crate::model::board::MAX_BOARD_NAME;
use crate::model::paging::{rows_drawn, rows_shown};
use crate::session::importing::{self, Expected};
use crate::session::keys::board_key;
use crate::session::library::{Boards, Opened};
use crate::session::open_board::BoardState;
use crate::ui::chrome::confirm::ConfirmDialog;
use crate::ui::chrome::icons::{Icon, IconSvg};
use crate::ui::chrome::show_more::ShowMore;
use crate::ui::chrome::text::size;
use crate::web::files;
use leptos::html::Input;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What browsers give one site's localStorage, about; used to show how full it is.
const STORAGE_LIMIT: usize = 5 * 1024 * 1024;

#[component]
pub fn BoardList(boards: Boards, #[prop(optional)] state: Option<BoardState>) -> impl IntoView {
    let deleting = RwSignal::new(None::<Entry>);
    let board_input = NodeRef::<Input>::new();
    let universe_input = NodeRef::<Input>::new();
    let pick = move |input: NodeRef<Input>, expected: Expected| {
        if let Some(file) = input.get_untracked().and_then(|el| files::take_picked(&el)) {
            importing::import_file_as(boards, file, expected);
        }
    };
    // Storage is read once after each save or list change, for the rows and the total alike.
    let sizes = Memo::new(move |_| {
        if let Some(s) = state {
            s.persistence.saves.track();
        }
        boards.library.track();
        boards.stored_sizes()
    });
    let storage_total = move || {
        // The count is Caseboard's own keys: say so when the browser finds the space full anyway.
        let full = if state.is_some_and(|s| s.save_failed()) {
            " The browser refused the last save all the same: the space it gives this site is full, perhaps with other data of the site. Deleting boards or backups you no longer need makes room."
        } else {
            ""
        };
        sizes.with(|sizes| match sizes {
            Ok(sizes) => format!(
                "Caseboard uses {} of the {} or so this browser gives the site.{full}",
                size(sizes.values().sum()),
                size(STORAGE_LIMIT)
            ),
            Err(e) => format!("This browser's storage cannot be read ({e})."),
        })
    };
    // The first pages of the list, and the open board wherever it falls.
    let pages = RwSignal::new(1);
    let boards_total = Signal::derive(move || boards.library.with(|l| l.boards.len()));
    let rows = move || {
        let open = boards.open.with(|o| match o {
            Some(Opened::Stored(id)) => Some(id.clone()),
            _ => None,
        });
        boards.library.with(|l| {
            let shown = rows_shown(l.boards.len(), pages.get());
            rows_drawn(&l.boards, shown, |e| open.as_ref() == Some(&e.id)).cloned().collect::<Vec<_>>()
        })
    };
    view! {
        <section class="boards panel-section" aria-label="Boards">
            <div class="panel-heading-row">
                <h2 class="panel-heading">"Boards"</h2>
                <button class="button small" on:click=move |_| boards.create(&boards.current_universe())>
                    "New board"
                </button>
            </div>
            <ul class="board-list">
                <For each=rows key=|e| (e.id.clone(), e.name.clone()) let:entry>
                    <BoardRow entry boards sizes deleting/>
                </For>
            </ul>
            <ShowMore pages total=boards_total noun="boards"/>
            <p class="hint">{storage_total}</p>
            <div class="button-row">
                <button class="button small" title="Open a board file or an Obsidian .canvas file as a new board (or drop one onto the page)"
                    on:click=move |_| click(board_input)>
                    "Import board"
                </button>
                <button class="button small" title="Load the universe of another show from its JSON file"
                    on:click=move |_| click(universe_input)>
                    "Import universe"
                </button>
            </div>
            <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" node_ref=board_input
                accept=".json,.canvas,application/json"
                on:change=move |_| pick(board_input, Expected::Board)/>
            <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" node_ref=universe_input
                accept=".json,application/json"
                on:change=move |_| pick(universe_input, Expected::Universe)/>
        </section>
        {move || deleting.get().map(|entry| view! {
            <ConfirmDialog
                message=format!("Delete the board “{}” for good? Export it first if you may want it back.", entry.name)
                confirm_label="Delete board"
                on_confirm=move || {
                    deleting.set(None);
                    boards.delete(&entry.id);
                }
                on_cancel=move || deleting.set(None)
            />
        })}
    }
}

#[component]
fn BoardRow(
    entry: Entry,
    boards: Boards,
    sizes: Memo<Result<BTreeMap<String, usize>, String>>,
    deleting: RwSignal<Option<Entry>>,
) -> impl IntoView {
    let id = StoredValue::new(entry.id.clone());
    let is_open = move || boards.open.with(|o| o.as_ref() == Some(&Opened::Stored(id.get_value())));
    let stored_size = move || {
        sizes.with(|sizes| {
            sizes.as_ref().ok().and_then(|s| s.get(&board_key(&id.get_value())).copied()).unwrap_or(0)
        })
    };
    let name = entry.name.clone();
    let for_delete = entry.clone();
    view! {
        <li class="board-row" class:current=is_open>
            <Show
                when=is_open
                fallback={
                    let name = name.clone();
                    move || view! {
                        <button class="board-open" aria-label=format!("Open board {name}")
                            on:click=move |_| boards.switch_to(&id.get_value())>
                            {name.clone()}
                        </button>
                    }
                }
            >
                <input class="board-name" maxlength=MAX_BOARD_NAME.to_string() aria-label="Board name"
                    aria-current="true" prop:value=name.clone()
                    on:change=move |ev| {
                        // The name it got, even when that is the name it had and nothing else
                        // redraws the field.
                        if let Some(given) = boards.rename(&id.get_value(), &event_target_value(&ev)) {
                            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&given);
                        }
                    }/>
            </Show>
            // Short, beside the name: a board is first saved when it is first changed.
            <span class="counts">{move || match stored_size() { 0 => "new".to_string(), bytes => size(bytes) }}</span>
            <button class="icon-button" aria-label=format!("Duplicate board {}", entry.name)
                title="Make a copy of this board" on:click=move |_| boards.duplicate(&id.get_value())>
                <IconSvg icon=Icon::Duplicate/>
            </button>
            <button class="icon-button" aria-label=format!("Delete board {}", entry.name)
                title="Delete this board" on:click=move |_| deleting.set(Some(for_delete.clone()))>
                "×"
            </button>
        </li>
    }
}

fn click(input: NodeRef<Input>) {
    if let Some(el) = input.get_untracked() {
        el.click();
    }
}

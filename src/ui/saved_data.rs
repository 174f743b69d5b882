//! "Saved data": the backups of stored boards that could not be read, each of which can be
//! downloaded or removed.

use crate::ui::board_list::size;
use crate::ui::confirm::ConfirmDialog;
use crate::web::download::download;
use crate::web::storage;
use leptos::prelude::*;

#[component]
pub fn SavedData() -> impl IntoView {
    // Bumped when a backup is removed, to list them again.
    let listed = RwSignal::new(0u32);
    let backups = move || {
        listed.track();
        storage::keys_with_prefix(BACKUP_PREFIX).unwrap_or_default()
    };
    let removing = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !backups().is_empty()>
            <section class="saved-data panel-section" aria-label="Saved data">
                <h2 class="panel-heading">"Backups of boards that could not be read"</h2>
                <ul class="backup-list">
                    <For each=backups key=|k| k.clone() let:key>
                        <BackupRow key=key removing/>
                    </For>
                </ul>
            </section>
        </Show>
        {move || removing.get().map(|key| view! {
            <ConfirmDialog
                message="Remove this backup for good? Download it first if you may want it."
                confirm_label="Remove backup"
                on_confirm=move || {
                    let _ = storage::remove(&key);
                    removing.set(None);
                    listed.update(|n| *n += 1);
                }
                on_cancel=move || removing.set(None)
            />
        })}
    }
}

pub const BACKUP_PREFIX: &str = "caseboard.backup.";

#[component]
fn BackupRow(key: String, removing: RwSignal<Option<String>>) -> impl IntoView {
    let text = storage::read(&key).ok().flatten().unwrap_or_default();
    let when = key.trim_start_matches(BACKUP_PREFIX).parse::<u64>().ok().map(|ms| {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
    });
    let label = format!("{} · {}", when.unwrap_or_else(|| key.clone()), size(text.len()));
    let file = format!("{}.json", key.replace('.', "-"));
    let key_for_remove = key.clone();
    view! {
        <li>
            <span>{label}</span>
            <button class="button small" aria-label=format!("Download backup {key}")
                on:click=move |_| { let _ = download(&file, "application/json", &text); }>
                "Download"
            </button>
            <button class="button small" aria-label=format!("Remove backup {key}")
                on:click=move |_| removing.set(Some(key_for_remove.clone()))>
                "Remove"
            </button>
        </li>
    }
}

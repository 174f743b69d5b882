//! "Saved data": the backups of stored boards that could not be read, each of which can be
//! downloaded or removed (`session::backups`).

use crate::session::backups::Backups;
use crate::session::keys::backup_time;
use crate::session::notices::Notices;
use crate::ui::chrome::confirm::ConfirmDialog;
use crate::ui::chrome::text::size;
use leptos::prelude::*;

#[component]
pub fn SavedData(notices: Notices) -> impl IntoView {
    let backups = Backups::new(notices);
    let removing = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !backups.keys().is_empty()>
            <section class="saved-data panel-section" aria-label="Saved data">
                <h2 class="panel-heading">"Backups of boards that could not be read"</h2>
                <ul class="backup-list">
                    <For each=move || backups.keys() key=|k| k.clone() let:key>
                        <BackupRow key=key backups removing/>
                    </For>
                </ul>
            </section>
        </Show>
        {move || removing.get().map(|key| view! {
            <ConfirmDialog
                message="Remove this backup for good? Download it first if you may want it."
                confirm_label="Remove backup"
                on_confirm=move || {
                    backups.remove(&key);
                    removing.set(None);
                }
                on_cancel=move || removing.set(None)
            />
        })}
    }
}

#[component]
fn BackupRow(key: String, backups: Backups, removing: RwSignal<Option<String>>) -> impl IntoView {
    let when = backup_time(&key).map(|ms| {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
    });
    let label = format!("{} · {}", when.unwrap_or_else(|| key.clone()), size(backups.text(&key).len()));
    let key = StoredValue::new(key);
    view! {
        <li>
            <span>{label}</span>
            <button class="button small" aria-label=format!("Download backup {}", key.get_value())
                on:click=move |_| backups.download(&key.get_value())>
                "Download"
            </button>
            <button class="button small" aria-label=format!("Remove backup {}", key.get_value())
                on:click=move |_| removing.set(Some(key.get_value()))>
                "Remove"
            </button>
        </li>
    }
}

//! The notices list: problems as alerts (`role="alert"`), information as status messages
//! (`role="status"`), each with its action and a dismiss button.

use crate::session::notices::{Level, Notice, Notices};
use leptos::prelude::*;

#[component]
pub fn NoticeList(notices: Notices) -> impl IntoView {
    view! {
        <div class="notices">
            <For each=move || notices.shown() key=|n| (n.topic, n.text.clone()) let:notice>
                <NoticeItem notice notices/>
            </For>
        </div>
    }
}

#[component]
fn NoticeItem(notice: Notice, notices: Notices) -> impl IntoView {
    let (role, class) = match notice.level {
        Level::Problem => ("alert", "notice problem"),
        Level::Info => ("status", "notice info"),
    };
    let topic = notice.topic;
    view! {
        <div class=class role=role>
            <p>{notice.text}</p>
            {notice.action.map(|(label, run)| view! {
                <button class="button small notice-action" on:click=move |_| run.run(())>{label}</button>
            })}
            <button class="notice-close" aria-label="Dismiss notice" on:click=move |_| notices.dismiss_topic(topic)>
                "×"
            </button>
        </div>
    }
}

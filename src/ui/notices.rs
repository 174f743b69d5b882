//! Notices: problems (`role="alert"`) and information (`role="status"`), each dismissible.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Problem,
    Info,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// One notice per topic: a newer one replaces the older.
    pub topic: &'static str,
    pub level: Level,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new() -> Notices {
        Notices(RwSignal::new(Vec::new()))
    }

    pub fn problem(&self, topic: &'static str, text: String) {
        self.show(Notice { topic, level: Level::Problem, text });
    }

    pub fn info(&self, topic: &'static str, text: String) {
        self.show(Notice { topic, level: Level::Info, text });
    }

    fn show(&self, notice: Notice) {
        self.0.update(|all| {
            all.retain(|n| n.topic != notice.topic);
            all.push(notice);
        });
    }

    pub fn dismiss_topic(&self, topic: &'static str) {
        if self.0.with_untracked(|all| all.iter().any(|n| n.topic == topic)) {
            self.0.update(|all| all.retain(|n| n.topic != topic));
        }
    }
}

#[component]
pub fn NoticeList(notices: Notices) -> impl IntoView {
    view! {
        <div class="notices">
            <For each=move || notices.0.get() key=|n| (n.topic, n.text.clone()) let:notice>
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
            <button class="notice-close" aria-label="Dismiss notice" on:click=move |_| notices.dismiss_topic(topic)>
                "×"
            </button>
        </div>
    }
}

//! Notices: problems and information for the fan, one per topic, each dismissible and each able
//! to offer one action (such as "Export board"); `ui::chrome::notices` shows them.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Problem,
    Info,
}

#[derive(Clone)]
pub struct Notice {
    /// One notice per topic: a newer one replaces the older.
    pub topic: &'static str,
    pub level: Level,
    pub text: String,
    pub action: Option<(&'static str, Callback<()>)>,
}

#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    pub fn new() -> Notices {
        Notices(RwSignal::new(Vec::new()))
    }

    pub fn problem(&self, topic: &'static str, text: String) {
        self.show(Notice { topic, level: Level::Problem, text, action: None });
    }

    pub fn info(&self, topic: &'static str, text: String) {
        self.show(Notice { topic, level: Level::Info, text, action: None });
    }

    /// Information with something to do about it, offered as a button.
    pub fn info_with(&self, topic: &'static str, text: String, action: (&'static str, Callback<()>)) {
        self.show(Notice { topic, level: Level::Info, text, action: Some(action) });
    }

    /// A problem with a way out, offered as a button.
    pub fn problem_with(&self, topic: &'static str, text: String, action: (&'static str, Callback<()>)) {
        self.show(Notice { topic, level: Level::Problem, text, action: Some(action) });
    }

    fn show(&self, notice: Notice) {
        self.0.update(|all| {
            all.retain(|n| n.topic != notice.topic);
            all.push(notice);
        });
    }

    /// Every notice shown, oldest first (tracked).
    pub fn shown(&self) -> Vec<Notice> {
        self.0.get()
    }

    pub fn dismiss_topic(&self, topic: &'static str) {
        if self.0.with_untracked(|all| all.iter().any(|n| n.topic == topic)) {
            self.0.update(|all| all.retain(|n| n.topic != topic));
        }
    }
}

impl Default for Notices {
    fn default() -> Notices {
        Notices::new()
    }
}

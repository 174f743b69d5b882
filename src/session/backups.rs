//! "Saved data": the backups of stored text that could not be read (`keys::BACKUP_PREFIX`), each
//! of which the fan can download or remove. A refusal of either is said, never swallowed.

use crate::session::keys::BACKUP_PREFIX;
use crate::session::notices::Notices;
use crate::web::download::download;
use crate::web::storage;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Backups {
    /// Bumped when a backup is removed, to list them again.
    listed: RwSignal<u32>,
    notices: Notices,
}

impl Backups {
    pub fn new(notices: Notices) -> Backups {
        Backups { listed: RwSignal::new(0), notices }
    }

    /// The keys of every backup, oldest first (tracked: a removal lists them again).
    pub fn keys(self) -> Vec<String> {
        self.listed.track();
        storage::keys_with_prefix(BACKUP_PREFIX).unwrap_or_default()
    }

    /// The text a backup holds (empty when storage will not say).
    pub fn text(self, key: &str) -> String {
        storage::read(key).ok().flatten().unwrap_or_default()
    }

    /// Downloads a backup as a file; says so when the browser would not.
    pub fn download(self, key: &str) {
        let file = format!("{}.json", key.replace('.', "-"));
        if let Err(e) = download(&file, "application/json", &self.text(key)) {
            self.notices.problem("export", format!("The backup could not be downloaded: {e}."));
        }
    }

    /// Removes a backup for good (the fan confirmed); says so when the browser would not.
    pub fn remove(self, key: &str) {
        if let Err(e) = storage::remove(key) {
            self.notices
                .problem("backup", format!("The backup could not be removed: {e}. It is still there."));
        }
        self.listed.update(|n| *n += 1);
    }
}

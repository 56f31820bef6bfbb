//! Saving the reader's notes: every change at once, a failed save kept for
//! a retry, and a rescue file when the reader quits with notes unsaved.

use std::path::{Path, PathBuf};

use super::{NotesState, RETRYING};
use crate::app::App;

impl NotesState {
    /// Writes pending changes; a failure is kept for the status bar and
    /// the changes stay in memory for the next try.
    pub fn save(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if !session.has_unsaved() {
            return;
        }
        let said = session.store().messages().len();
        match session.save() {
            Ok(()) => {
                // What the save itself had to say (a link it would not write
                // through) is news, whatever came before.
                let fresh = session
                    .store()
                    .messages()
                    .get(said..)
                    .unwrap_or_default()
                    .join("; ");
                let was_failing = self.save_error.take().is_some();
                if !fresh.is_empty() {
                    self.warn(fresh);
                } else if was_failing {
                    self.say("notes saved");
                }
            }
            Err(e) => {
                self.save_error = Some(e.to_string());
                self.warn(format!("{RETRYING}{e}"));
            }
        }
        self.forget_lines();
    }

    /// The last try before the reader quits: saves what is unsaved, else
    /// writes it to a rescue file. `Err` is the line to print on stderr.
    pub fn finish(&mut self) -> Result<(), String> {
        self.save();
        let Some(session) = self.session.as_ref() else {
            return Ok(());
        };
        if !session.has_unsaved() {
            return Ok(());
        }
        let reason = self.save_error.clone().unwrap_or_default();
        let store = session.store();
        let file = crate::notes::model::StoreFile {
            schema: crate::notes::SCHEMA_VERSION,
            brief: store.brief().clone(),
            notes: store.all_notes().to_vec(),
            extra: Default::default(),
        };
        let bytes = crate::notes::disk::encode(&file).map_err(|e| {
            format!("gloss: your notes could not be saved nor encoded ({e}); {reason}")
        })?;
        let stamp = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let name = format!("gloss-rescue-{}-{stamp}.json", store.brief().key);
        let mut places: Vec<PathBuf> = Vec::new();
        if let Some(data) = &self.data {
            places.push(data.notes_dir().join("rescue"));
        }
        places.push(std::env::temp_dir());
        places.extend(std::env::current_dir().ok());
        for dir in places {
            let path = dir.join(&name);
            if write_rescue(&path, &bytes) {
                return Err(format!(
                    "gloss: the notes could not be saved ({reason}); they are kept in {} — bring them back with `gloss notes import {}`",
                    path.display(),
                    path.display()
                ));
            }
        }
        Err(format!(
            "gloss: the notes could not be saved nor rescued ({reason}); here they are: {}",
            String::from_utf8_lossy(&bytes)
        ))
    }
}

fn write_rescue(path: &Path, bytes: &[u8]) -> bool {
    // Confined to its own folder: a link there never takes the rescue elsewhere.
    path.parent().is_some_and(|dir| {
        std::fs::create_dir_all(dir).is_ok()
            && crate::notes::fsutil::write_atomic(dir, path, bytes).is_ok()
    })
}

impl App {
    /// Shows notes other writers or a sync changed on disk (the event loop
    /// calls this on a timer), keeping the place on screen.
    pub fn reload_notes_if_changed(&mut self) {
        let keep = self.top_byte();
        if self.notes.reload_if_changed() {
            self.restore_top(keep);
        }
    }

    /// Retries a failed save (the event loop calls this on a timer).
    pub fn retry_notes_save(&mut self) {
        if self.notes.has_unsaved() {
            let keep = self.top_byte();
            self.notes.save();
            self.restore_top(keep);
        }
    }
}

//! What the notes benches share: the generated vault they measure.

use aws_study::notes::vault::{BUNDLED_NOTES, LoadedVault, NoteFile, VaultSource};

/// Notes in the generated vault.
pub const VAULT_NOTES: usize = 10_000;

/// A vault of `n` notes made from the bundled ones, with distinct names and wikilinks.
pub fn big_vault(n: usize) -> LoadedVault {
    let notes = (0..n)
        .map(|i| {
            let (name, text) = BUNDLED_NOTES[i % BUNDLED_NOTES.len()];
            NoteFile {
                path: format!("folder{}/{i} {name}", i % 20),
                text: format!(
                    "{text}\n\nSee [[{} {name}]] and #très-fréquent\n",
                    (i + 1) % n
                ),
                problems: Vec::new(),
            }
        })
        .collect();
    LoadedVault::from_parts(VaultSource::Bundled, notes, Vec::new(), Vec::new())
}

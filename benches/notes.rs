//! Benchmarks of the notes core: parsing a real note, indexing a 1,000-note vault (what
//! opening a big Obsidian vault costs, off the UI thread), and searching it (what each
//! keystroke in the search palette costs).
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use aws_study::notes::index::Index;
use aws_study::notes::parse::parse;
use aws_study::notes::search::search;
use aws_study::notes::vault::{BUNDLED_NOTES, LoadedVault, NoteFile, VaultSource};
use criterion::{Criterion, criterion_group, criterion_main};

/// A vault of `n` notes made from the bundled ones, with distinct names and wikilinks.
fn big_vault(n: usize) -> LoadedVault {
    let notes = (0..n)
        .map(|i| {
            let (name, text) = BUNDLED_NOTES[i % BUNDLED_NOTES.len()];
            NoteFile {
                path: format!("folder{}/{i} {name}", i % 20),
                text: format!(
                    "{text}\n\nSee [[{} {name}]] and #très-fréquent\n",
                    (i + 1) % n
                ),
                problem: None,
            }
        })
        .collect();
    LoadedVault::from_parts(VaultSource::Bundled, notes, Vec::new(), Vec::new())
}

fn benches(c: &mut Criterion) {
    let saa = BUNDLED_NOTES
        .iter()
        .find(|(name, _)| name.starts_with("SAA"))
        .map(|(_, text)| *text)
        .unwrap();
    c.bench_function("parse SAA note (17 KB)", |b| {
        b.iter(|| parse(black_box(saa)));
    });

    let vault = big_vault(1000);
    let mut group = c.benchmark_group("vault of 1000 notes");
    group.sample_size(10);
    group.bench_function("index", |b| {
        b.iter(|| Index::build(black_box(vault.clone()), &|_, _| {}));
    });
    let index = Index::build(vault, &|_, _| {});
    group.bench_function("search 'cloudform'", |b| {
        b.iter(|| search(&index, black_box("cloudform"), 30, &[]));
    });
    group.bench_function("search 'moderement frequente'", |b| {
        b.iter(|| search(&index, black_box("moderement frequente"), 30, &[]));
    });
    group.finish();
}

criterion_group!(notes, benches);
criterion_main!(notes);

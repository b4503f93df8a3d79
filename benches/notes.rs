//! Benchmarks of the notes core: parsing the longest bundled note, indexing a generated
//! 10,000-note vault (what opening a big Obsidian vault costs, off the UI thread), and
//! searching it (what each keystroke in the search palette costs). Each parse figure has a
//! bare `pulldown_cmark::Parser` pass over the same text next to it, measured in the same
//! run, as the baseline to compare with; the memory the index keeps is printed before the
//! benches, against the size of the text (counted by an instrumented global allocator).
#![allow(missing_docs, clippy::unwrap_used, clippy::cast_precision_loss)]

use std::alloc::System;
use std::hint::black_box;

use aws_study::notes::index::Index;
use aws_study::notes::parse::parse;
use aws_study::notes::search::search;
use aws_study::notes::vault::{BUNDLED_NOTES, LoadedVault, NoteFile, VaultSource};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pulldown_cmark::{Options, Parser};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Notes in the generated vault.
const VAULT_NOTES: usize = 10_000;

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
                problems: Vec::new(),
            }
        })
        .collect();
    LoadedVault::from_parts(VaultSource::Bundled, notes, Vec::new(), Vec::new())
}

/// The options the note parser gives pulldown-cmark.
fn bare_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_MATH
}

/// A bare pulldown-cmark pass: every event produced and dropped.
fn bare_parse(text: &str) -> usize {
    Parser::new_ext(text, bare_options()).count()
}

/// Bytes still held at the end of a region.
fn held(stats: &stats_alloc::Stats) -> i64 {
    let signed = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    // Reallocations are already counted in both (growth allocated, shrinking freed).
    signed(stats.bytes_allocated) - signed(stats.bytes_deallocated)
}

/// Prints the heap the index of `vault` keeps, against its text size.
fn report_memory(vault: &LoadedVault) {
    let text: usize = vault.notes.iter().map(|n| n.text.len()).sum();
    // The catalogs are built once per process: not part of an index.
    drop(Index::build(big_vault(1), &|_, _| {}));
    let copy = vault.clone();
    let region = Region::new(GLOBAL);
    let index = Index::build(copy, &|_, _| {});
    let kept = held(&region.change());
    let region = Region::new(GLOBAL);
    let docs: Vec<_> = vault.notes.iter().map(|n| parse(&n.text)).collect();
    let parsed = held(&region.change());
    let mb = |b: i64| b as f64 / 1e6;
    let ratio = |b: i64| b as f64 / text as f64;
    println!(
        "memory: {} notes, text {:.1} MB; the index keeps {:.1} MB beyond the text ({:.2}x), of which the parsed documents {:.1} MB ({:.2}x)",
        index.notes.len(),
        text as f64 / 1e6,
        mb(kept),
        ratio(kept),
        mb(parsed),
        ratio(parsed),
    );
    drop(docs);
    drop(index);
}

fn benches(c: &mut Criterion) {
    let (name, longest) = BUNDLED_NOTES
        .iter()
        .max_by_key(|(_, text)| text.len())
        .copied()
        .unwrap();
    let mut group = c.benchmark_group(format!(
        "longest note ({name}, {} KB)",
        longest.len() / 1000
    ));
    group.bench_function("bare pulldown-cmark", |b| {
        b.iter(|| bare_parse(black_box(longest)));
    });
    group.bench_function("parse", |b| {
        b.iter(|| parse(black_box(longest)));
    });
    group.finish();

    // `PARSE_ONLY=1` stops here (e.g. to profile the parser alone).
    if std::env::var_os("PARSE_ONLY").is_some() {
        return;
    }
    let vault = big_vault(VAULT_NOTES);
    // `NO_MEMORY=1` skips the memory count (e.g. to profile one bench alone).
    if std::env::var_os("NO_MEMORY").is_none() {
        report_memory(&vault);
    }
    if std::env::var_os("MEMORY_ONLY").is_some() {
        return;
    }
    let mut group = c.benchmark_group(format!("vault of {VAULT_NOTES} notes"));
    group.sample_size(10);
    group.bench_function("bare pulldown-cmark", |b| {
        b.iter(|| {
            vault
                .notes
                .iter()
                .map(|n| bare_parse(black_box(&n.text)))
                .sum::<usize>()
        });
    });
    // The copy of the vault handed to the index is made outside the timing, and the index
    // is dropped outside it too: the app keeps an index, it does not free one per build.
    group.bench_function("parse + index", |b| {
        b.iter_batched(
            || vault.clone(),
            |v| Index::build(black_box(v), &|_, _| {}),
            BatchSize::LargeInput,
        );
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

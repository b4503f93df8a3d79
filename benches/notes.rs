//! Benchmarks of the notes core: parsing the longest bundled note, indexing a generated
//! 10,000-note vault (what opening a big Obsidian vault costs, off the UI thread), on every
//! core and on one, and searching it (what each keystroke in the search palette costs).
//! Each parse figure has a bare `pulldown_cmark::Parser` pass over the same text next to
//! it, measured in the same run, as the baseline to compare with. The memory the index
//! keeps is the `notes_memory` bench's.
#![allow(missing_docs, clippy::unwrap_used, clippy::cast_precision_loss)]

use std::hint::black_box;

use aws_study::notes::index::Index;
use aws_study::notes::parse::{ParseOptions, parse};
use aws_study::notes::search::search;
use aws_study::notes::vault::BUNDLED_NOTES;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use pulldown_cmark::{Options, Parser};

mod support;

use support::{VAULT_NOTES, big_vault};

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
    // On every core, as the app opens a vault.
    group.bench_function("parse + index", |b| {
        b.iter_batched(
            || vault.clone(),
            |v| Index::build(black_box(v), &|_, _| {}),
            BatchSize::LargeInput,
        );
    });
    // The same work on one thread: what the parser and indexer cost, against the bare
    // (single-threaded) pulldown-cmark pass above.
    group.bench_function("parse + index, one thread", |b| {
        b.iter_batched(
            || vault.clone(),
            |v| Index::build_on(black_box(v), &|_, _| {}, ParseOptions::default(), 1),
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

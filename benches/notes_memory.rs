//! The memory the notes index keeps, against the size of the text: the heap still held
//! after indexing a generated 10,000-note vault (its notes' outlines, topics and search
//! text; not their parsed bodies, which the note view parses when it shows one), and what
//! every body parsed at once would hold on top of it, counted by an instrumented global
//! allocator. Printed, not timed; its own bench binary
//! because counting every allocation in shared counters slows the multi-threaded index
//! build the `notes` bench times.
#![allow(missing_docs, clippy::unwrap_used, clippy::cast_precision_loss)]

use std::alloc::System;

use aws_study::notes::index::{Index, KEPT_BODIES};
use aws_study::notes::parse::parse;
use aws_study::notes::vault::LoadedVault;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

mod support;

use support::{VAULT_NOTES, big_vault};

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
        "memory: {} notes, text {:.1} MB; the index keeps {:.1} MB beyond the text ({:.2}x); every body parsed at once would hold {:.1} MB ({:.2}x), the note view keeps at most {} of them",
        index.notes.len(),
        text as f64 / 1e6,
        mb(kept),
        ratio(kept),
        mb(parsed),
        ratio(parsed),
        KEPT_BODIES,
    );
    drop(docs);
    drop(index);
}

fn main() {
    report_memory(&big_vault(VAULT_NOTES));
}

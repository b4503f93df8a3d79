//! Rotating daily backups of the user's data files, in a `backups/` folder of the data
//! directory: at most one copy per file and per day (`progress.2026-12-01.ron`), the last
//! [`KEEP`] days kept. The decisions (which backups exist, which to prune, whether today's is
//! due) are pure functions of file names and a date passed in, so they are tested without a
//! clock; the few functions that touch the disk only list, copy and delete.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::atomic;

/// Backups kept per file.
pub const KEEP: usize = 10;

/// Name of the backups folder inside the data directory.
pub const DIR: &str = "backups";

/// One backup of one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// The day it was taken.
    pub day: NaiveDate,
    /// Where it is.
    pub path: PathBuf,
}

/// `progress.ron` → `("progress", "ron")`.
fn split(file: &str) -> (&str, &str) {
    file.rsplit_once('.').unwrap_or((file, "ron"))
}

/// The backup name of `file` for `day`: `progress.ron` → `progress.2026-12-01.ron`.
#[must_use]
pub fn file_name(file: &str, day: NaiveDate) -> String {
    let (stem, ext) = split(file);
    format!("{stem}.{}.{ext}", day.format("%Y-%m-%d"))
}

/// The day of a backup of `file` named `name`, or `None` if `name` is something else.
#[must_use]
pub fn parse_name(file: &str, name: &str) -> Option<NaiveDate> {
    let (stem, ext) = split(file);
    let day = name
        .strip_prefix(stem)?
        .strip_prefix('.')?
        .strip_suffix(ext)?
        .strip_suffix('.')?;
    (day.len() == 10)
        .then(|| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
        .flatten()
}

/// The backups of `file` among the names of a backups folder, newest first.
#[must_use]
pub fn select<'a>(
    folder: &Path,
    file: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Vec<Backup> {
    let mut found: Vec<Backup> = names
        .into_iter()
        .filter_map(|n| {
            parse_name(file, n).map(|day| Backup {
                day,
                path: folder.join(n),
            })
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.day));
    found.dedup_by_key(|b| b.day);
    found
}

/// Whether a backup must be taken today: none of `backups` is from `today`.
#[must_use]
pub fn due(backups: &[Backup], today: NaiveDate) -> bool {
    backups.iter().all(|b| b.day != today)
}

/// The backups to delete so that `keep` remain (`backups` newest first): the oldest ones.
#[must_use]
pub fn to_prune(backups: &[Backup], keep: usize) -> &[Backup] {
    backups.get(keep..).unwrap_or(&[])
}

/// The newest backup that `readable` accepts (`backups` newest first).
#[must_use]
pub fn newest_readable(backups: &[Backup], readable: impl Fn(&Path) -> bool) -> Option<&Backup> {
    backups.iter().find(|b| readable(&b.path))
}

/// The backups of `file` in `data_dir`, newest first (none when the folder is missing).
#[must_use]
pub fn list(data_dir: &Path, file: &str) -> Vec<Backup> {
    let folder = data_dir.join(DIR);
    let Ok(entries) = fs::read_dir(&folder) else {
        return Vec::new();
    };
    let names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    select(&folder, file, names.iter().map(String::as_str))
}

/// Copies `data_dir/file` to today's backup unless there is one already, then prunes to
/// [`KEEP`]. Returns the backup written, if any. A missing file is not an error.
///
/// # Errors
/// Reading the file or writing the backup failed (the data file itself is never touched).
pub fn take_daily(data_dir: &Path, file: &str, today: NaiveDate) -> io::Result<Option<PathBuf>> {
    let target = data_dir.join(DIR).join(file_name(file, today));
    if target.exists() {
        return Ok(None);
    }
    let bytes = match fs::read(data_dir.join(file)) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    atomic::write(&target, &bytes)?;
    for old in to_prune(&list(data_dir, file), KEEP) {
        let _ = fs::remove_file(&old.path);
    }
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
    }

    #[test]
    fn names_round_trip_and_ignore_other_files() {
        assert_eq!(file_name("progress.ron", day(3)), "progress.2026-11-03.ron");
        assert_eq!(
            parse_name("progress.ron", "progress.2026-11-03.ron"),
            Some(day(3))
        );
        for other in [
            "settings.2026-11-03.ron",
            "progress.ron",
            "progress.2026-11-3.ron",
            "progress.2026-13-03.ron",
            "progress.2026-11-03.ron.tmp",
            "frequency-overrides.2026-11-03.ron",
        ] {
            assert_eq!(parse_name("progress.ron", other), None, "{other}");
        }
        assert_eq!(
            parse_name(
                "frequency-overrides.ron",
                "frequency-overrides.2026-11-03.ron"
            ),
            Some(day(3))
        );
    }

    #[test]
    fn select_sorts_newest_first() {
        let got = select(
            Path::new("/b"),
            "settings.ron",
            [
                "settings.2026-11-02.ron",
                "progress.2026-11-09.ron",
                "settings.2026-11-07.ron",
                "notes.txt",
            ],
        );
        let days: Vec<_> = got.iter().map(|b| b.day).collect();
        assert_eq!(days, vec![day(7), day(2)]);
        assert_eq!(got[0].path, Path::new("/b/settings.2026-11-07.ron"));
    }

    #[test]
    fn one_backup_a_day_and_ten_kept() {
        let names: Vec<String> = (1..=12).map(|d| file_name("p.ron", day(d))).collect();
        let all = select(Path::new("/b"), "p.ron", names.iter().map(String::as_str));
        assert!(!due(&all, day(12)));
        assert!(due(&all, day(13)));
        let pruned: Vec<_> = to_prune(&all, KEEP).iter().map(|b| b.day).collect();
        assert_eq!(pruned, vec![day(2), day(1)]);
        assert!(to_prune(&all[..3], KEEP).is_empty());
    }

    #[test]
    fn newest_readable_skips_damaged_backups() {
        let names: Vec<String> = (1..=3).map(|d| file_name("p.ron", day(d))).collect();
        let all = select(Path::new("/b"), "p.ron", names.iter().map(String::as_str));
        let got = newest_readable(&all, |p| !p.ends_with("p.2026-11-03.ron"));
        assert_eq!(got.map(|b| b.day), Some(day(2)));
        assert_eq!(newest_readable(&all, |_| false), None);
    }

    #[test]
    fn take_daily_copies_once_a_day_and_prunes_on_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(take_daily(dir.path(), "p.ron", day(1)).expect("none"), None);
        for d in 1..=12 {
            fs::write(dir.path().join("p.ron"), format!("day {d}")).expect("write");
            let made = take_daily(dir.path(), "p.ron", day(d)).expect("backup");
            assert!(made.is_some());
            fs::write(dir.path().join("p.ron"), "later the same day").expect("write");
            assert_eq!(
                take_daily(dir.path(), "p.ron", day(d)).expect("again"),
                None
            );
        }
        let kept = list(dir.path(), "p.ron");
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept[0].day, day(12));
        assert_eq!(kept[KEEP - 1].day, day(3));
        assert_eq!(
            fs::read_to_string(&kept[0].path).expect("read"),
            "day 12",
            "the first state of the day is kept"
        );
    }
}

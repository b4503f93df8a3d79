//! A background writer that coalesces: the app hands it snapshots (the quiz progress after
//! each answer) and goes on drawing; a thread of its own writes them, and the snapshots
//! queued while a write is under way collapse into the newest one, so a burst of answers
//! costs one or two writes, never a frame. Dropping the saver writes what is queued and
//! waits for it; [`Saver::flush`] does the same without stopping it.
//!
//! It knows nothing of what it writes: the write is a closure (`store::save_data` of the
//! progress in the app, a recording closure in the tests), and its error is handed back as
//! it is (a [`StoreError`](super::StoreError) in the app, worded in the interface language
//! when shown).

use std::sync::mpsc;
use std::thread::JoinHandle;

/// Writes one snapshot; the error goes back to the app.
type WriteFn<T, E> = dyn Fn(&T) -> Result<(), E> + Send + Sync;

/// A request to the saver thread.
enum Request<T> {
    /// Write this snapshot (or a newer one, if more are queued).
    Save(Box<T>),
    /// Answer once everything asked before is written.
    Flush(mpsc::Sender<()>),
}

/// The handle the app keeps; see the module docs. `E` is the write's error.
pub struct Saver<T: Send + 'static, E: Send + 'static = String> {
    tx: Option<mpsc::Sender<Request<T>>>,
    errors: mpsc::Receiver<E>,
    /// Where the synchronous fallback reports its errors.
    err_tx: mpsc::Sender<E>,
    thread: Option<JoinHandle<()>>,
    write: std::sync::Arc<WriteFn<T, E>>,
}

impl<T: Send + 'static, E: Send + 'static> Saver<T, E> {
    /// Starts the thread `name`, writing with `write`. If no thread can be started, the
    /// saver writes synchronously instead (slower, never lost).
    pub fn spawn(name: &str, write: impl Fn(&T) -> Result<(), E> + Send + Sync + 'static) -> Self {
        let write: std::sync::Arc<WriteFn<T, E>> = std::sync::Arc::new(write);
        let (tx, rx) = mpsc::channel::<Request<T>>();
        let (err_tx, errors) = mpsc::channel();
        let thread_write = write.clone();
        let thread_err = err_tx.clone();
        let thread = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                while let Ok(first) = rx.recv() {
                    let mut latest = None;
                    let mut waiting = Vec::new();
                    for request in std::iter::once(first).chain(rx.try_iter()) {
                        match request {
                            Request::Save(value) => latest = Some(value),
                            Request::Flush(done) => waiting.push(done),
                        }
                    }
                    if let Some(value) = latest
                        && let Err(e) = thread_write(&value)
                    {
                        let _ = thread_err.send(e);
                    }
                    for done in waiting {
                        let _ = done.send(());
                    }
                }
            });
        let (tx, thread) = match thread {
            Ok(thread) => (Some(tx), Some(thread)),
            Err(e) => {
                log::warn!("no {name} thread ({e}): saving on the calling thread");
                (None, None)
            }
        };
        Self {
            tx,
            errors,
            err_tx,
            thread,
            write,
        }
    }

    /// Queues a snapshot to write.
    pub fn save(&self, value: T) {
        match &self.tx {
            Some(tx) => {
                if let Err(mpsc::SendError(Request::Save(value))) =
                    tx.send(Request::Save(Box::new(value)))
                {
                    // The thread is gone (it panicked): write here rather than lose it.
                    self.save_here(&value);
                }
            }
            None => self.save_here(&value),
        }
    }

    fn save_here(&self, value: &T) {
        if let Err(e) = (self.write)(value) {
            let _ = self.err_tx.send(e);
        }
    }

    /// Waits until every snapshot queued so far is written.
    pub fn flush(&self) {
        let Some(tx) = &self.tx else {
            return;
        };
        let (done_tx, done_rx) = mpsc::channel();
        if tx.send(Request::Flush(done_tx)).is_ok() {
            let _ = done_rx.recv();
        }
    }

    /// What could not be written since the last call.
    pub fn errors(&self) -> Vec<E> {
        self.errors.try_iter().collect()
    }
}

impl<T: Send + 'static, E: Send + 'static> Drop for Saver<T, E> {
    fn drop(&mut self) {
        // Closing the channel ends the thread once it wrote what is queued.
        self.tx = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A saver whose writes are recorded, and held until `gate` is opened.
    fn recording() -> (Saver<u32>, Arc<Mutex<Vec<u32>>>, mpsc::Sender<()>) {
        let written = Arc::new(Mutex::new(Vec::new()));
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let gate = Mutex::new(gate_rx);
        let log = written.clone();
        let saver = Saver::spawn("test-saver", move |v: &u32| {
            // Each write waits for one permit: the test decides when the "disk" answers.
            let _ = gate.lock().unwrap().recv();
            log.lock().unwrap().push(*v);
            Ok(())
        });
        (saver, written, gate_tx)
    }

    #[test]
    fn a_burst_of_saves_during_a_write_is_coalesced_into_the_newest() {
        let (saver, written, gate) = recording();
        saver.save(1);
        // While 1 is being written (held by the gate), 99 more answers come in.
        for v in 2..=100 {
            saver.save(v);
        }
        for _ in 0..100 {
            let _ = gate.send(());
        }
        saver.flush();
        let written = written.lock().unwrap().clone();
        // The first snapshot, maybe one taken before the burst queued up, then the newest:
        // never the 98 in between.
        assert!(written.len() <= 3, "{written:?}");
        assert_eq!(written.last(), Some(&100), "{written:?}");
        assert!(written.windows(2).all(|w| w[0] < w[1]), "{written:?}");
    }

    #[test]
    fn dropping_the_saver_writes_what_is_queued() {
        let (saver, written, gate) = recording();
        for _ in 0..10 {
            let _ = gate.send(());
        }
        saver.save(7);
        saver.save(8);
        drop(saver);
        assert_eq!(written.lock().unwrap().last(), Some(&8));
    }

    #[test]
    fn write_errors_reach_the_app() {
        let saver = Saver::spawn("failing-saver", |_: &u32| Err("disk full".to_owned()));
        saver.save(1);
        saver.flush();
        assert_eq!(saver.errors(), vec!["disk full".to_owned()]);
        assert!(saver.errors().is_empty(), "errors are reported once");
    }
}

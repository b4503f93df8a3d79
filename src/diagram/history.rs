//! Undo/redo for the diagram editor, by whole-diagram snapshots: the canvas records the
//! diagram before each edit; undo and redo swap snapshots with the diagram on screen.

use std::collections::VecDeque;

use crate::diagram::model::Diagram;

/// Undo/redo stacks of whole-diagram snapshots. At least 200 steps (use 500).
#[derive(Clone, Debug, Default)]
pub struct History {
    /// States before each edit, oldest first.
    undo: VecDeque<Diagram>,
    /// States undone, most recently undone last.
    redo: VecDeque<Diagram>,
}

/// Pushes `d` on `stack`, dropping the oldest entry beyond [`History::DEPTH`].
fn push_bounded(stack: &mut VecDeque<Diagram>, d: Diagram) {
    stack.push_back(d);
    while stack.len() > History::DEPTH {
        stack.pop_front();
    }
}

impl History {
    /// How many steps are kept.
    pub const DEPTH: usize = 500;

    /// Records the state BEFORE an edit (clears redo). One call = one undo step.
    pub fn record(&mut self, before: Diagram) {
        push_bounded(&mut self.undo, before);
        self.redo.clear();
    }

    /// Undo: returns the diagram to show, given the current one (which goes on the redo
    /// stack). `Err(current)` when there is nothing to undo.
    pub fn undo(&mut self, current: Diagram) -> Result<Diagram, Diagram> {
        match self.undo.pop_back() {
            Some(prev) => {
                push_bounded(&mut self.redo, current);
                Ok(prev)
            }
            None => Err(current),
        }
    }

    /// Redo: returns the diagram to show, given the current one (which goes on the undo
    /// stack). `Err(current)` when there is nothing to redo.
    pub fn redo(&mut self, current: Diagram) -> Result<Diagram, Diagram> {
        match self.redo.pop_back() {
            Some(next) => {
                push_bounded(&mut self.undo, current);
                Ok(next)
            }
            None => Err(current),
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (e.g. when another diagram is opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::model::Point;

    #[test]
    fn many_edits_then_undos_restore_the_original() {
        let mut h = History::default();
        let original = Diagram::new();
        let mut d = original.clone();
        let mut states = vec![d.clone()];
        for i in 0..250 {
            h.record(d.clone());
            d.add_service(
                "Arch_AWS-Lambda_48",
                &format!("f{i}"),
                Point::new(i as f32, 0.0),
            );
            states.push(d.clone());
        }
        for i in (0..250).rev() {
            d = h.undo(d).expect("undo");
            assert_eq!(d, states[i]);
        }
        assert_eq!(d, original);
        assert!(!h.can_undo());
        let d = h.undo(d).expect_err("nothing to undo");
        assert_eq!(d, original);
    }

    #[test]
    fn redo_after_undo_and_record_clears_redo() {
        let mut h = History::default();
        let a = Diagram::new();
        let mut b = a.clone();
        h.record(a.clone());
        b.add_service("x", "x", Point::new(0.0, 0.0));
        let shown = h.undo(b.clone()).expect("undo");
        assert_eq!(shown, a);
        assert!(h.can_redo());
        let shown = h.redo(shown).expect("redo");
        assert_eq!(shown, b);
        assert!(h.can_undo());
        assert!(!h.can_redo());
        let shown = h.undo(shown).expect("undo again");
        assert!(h.can_redo());
        h.record(shown.clone());
        assert!(!h.can_redo());
        assert!(h.redo(shown).is_err());
        h.clear();
        assert!(!h.can_undo() && !h.can_redo());
    }

    #[test]
    fn depth_is_bounded() {
        let mut h = History::default();
        let mut d = Diagram::new();
        for i in 0..(History::DEPTH + 20) {
            h.record(d.clone());
            d.next_id = i as u64 + 100;
        }
        let mut n = 0;
        while let Ok(prev) = h.undo(d.clone()) {
            d = prev;
            n += 1;
        }
        assert_eq!(n, History::DEPTH);
        const { assert!(History::DEPTH >= 200) };
    }
}

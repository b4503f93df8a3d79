//! Back/forward navigation history, like a browser's: visiting a new place drops the
//! forward entries, and each entry keeps the scroll offset it was left at, so going back
//! returns to the same spot. Pure; the app drives it from Alt+Left/Right and the mouse's
//! side buttons.

use crate::notes::index::Location;

/// Most entries kept.
const MAX_ENTRIES: usize = 200;

/// A navigation history.
#[derive(Clone, Debug, Default)]
pub struct History {
    /// Places, with the scroll offset (points) each was left at.
    entries: Vec<(Location, f32)>,
    pos: usize,
}

impl History {
    /// Where the user is now.
    #[must_use]
    pub fn current(&self) -> Option<Location> {
        self.entries.get(self.pos).map(|&(loc, _)| loc)
    }

    /// The scroll offset the current place was last seen at (0 for a new place).
    #[must_use]
    pub fn offset(&self) -> f32 {
        self.entries.get(self.pos).map_or(0.0, |&(_, y)| y)
    }

    /// Records where the current place is scrolled to, for coming back to it.
    pub fn set_offset(&mut self, y: f32) {
        if let Some(entry) = self.entries.get_mut(self.pos) {
            entry.1 = y;
        }
    }

    /// Goes to `loc`; does nothing if it is already the current place.
    pub fn visit(&mut self, loc: Location) {
        if self.current() == Some(loc) {
            return;
        }
        if !self.entries.is_empty() {
            self.entries.truncate(self.pos + 1);
        }
        self.entries.push((loc, 0.0));
        if self.entries.len() > MAX_ENTRIES {
            self.entries.remove(0);
        }
        self.pos = self.entries.len() - 1;
    }

    /// True if [`Self::back`] would move.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        self.pos > 0
    }

    /// True if [`Self::forward`] would move.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        self.pos + 1 < self.entries.len()
    }

    /// Steps back; returns the new current place.
    pub fn back(&mut self) -> Option<Location> {
        if self.can_go_back() {
            self.pos -= 1;
        }
        self.current()
    }

    /// Steps forward; returns the new current place.
    pub fn forward(&mut self) -> Option<Location> {
        if self.can_go_forward() {
            self.pos += 1;
        }
        self.current()
    }

    /// Forgets everything (when another vault is opened).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(note: usize) -> Location {
        Location {
            note,
            heading: None,
            block: None,
        }
    }

    #[test]
    fn back_forward_and_truncation() {
        let mut h = History::default();
        assert!(h.current().is_none() && !h.can_go_back());
        h.visit(at(1));
        h.visit(at(2));
        h.visit(at(2));
        h.visit(at(3));
        assert_eq!(h.back(), Some(at(2)));
        assert_eq!(h.back(), Some(at(1)));
        assert_eq!(h.back(), Some(at(1)));
        assert_eq!(h.forward(), Some(at(2)));
        h.visit(at(9));
        assert!(!h.can_go_forward());
        assert_eq!(h.back(), Some(at(2)));
    }

    #[test]
    fn bounded() {
        let mut h = History::default();
        for i in 0..1000 {
            h.visit(at(i));
        }
        assert_eq!(h.current(), Some(at(999)));
        let mut steps = 0;
        while h.can_go_back() {
            h.back();
            steps += 1;
        }
        assert_eq!(steps, MAX_ENTRIES - 1);
    }

    #[test]
    fn back_restores_the_scroll_offset_each_place_was_left_at() {
        let mut h = History::default();
        h.visit(at(1));
        h.set_offset(640.0);
        h.visit(at(2));
        assert!(
            h.offset().abs() < f32::EPSILON,
            "a new place starts at the top"
        );
        h.set_offset(120.0);
        h.back();
        assert!((h.offset() - 640.0).abs() < f32::EPSILON);
        h.forward();
        assert!((h.offset() - 120.0).abs() < f32::EPSILON);
    }
}

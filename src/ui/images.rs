//! Textures of a vault's images, within a memory budget: an image is read and decoded by
//! [`crate::images::Decoder`] on its own thread (downscaled to the width it is shown at),
//! turned into a texture here, and freed again once it has not been on screen while the
//! budget is exceeded (least recently shown first). The raw file bytes are never kept.
//! Asking for a texture never blocks a frame: until it is ready, the caller draws a
//! placeholder. This module reads no file itself.

use std::collections::HashMap;

use crate::images::{Decoded, Decoder, Request};

/// Texture memory kept for the images of notes (the viewer's one image comes on top).
pub const TEXTURE_BUDGET_BYTES: usize = 48 * 1024 * 1024;

/// Widths are rounded up to a multiple of this, so resizing the window does not decode an
/// image again at every pixel.
const WIDTH_STEP: u32 = 128;

/// What to decode (the vault folder, the attachment, the width in pixels: a multiple of
/// 128, or the viewer's 4096).
pub type ImageKey = Request;

/// The state of one image.
pub enum ImageState {
    /// Being read and decoded.
    Loading,
    /// Ready: the texture and the image's own size in pixels.
    Ready(egui::TextureHandle, (u32, u32)),
    /// Could not be shown, and why.
    Failed(crate::images::ImageError),
}

struct Entry {
    state: ImageState,
    bytes: usize,
    last_shown: u64,
}

/// The cache; one per app.
pub struct VaultImages {
    decoder: Decoder,
    entries: HashMap<ImageKey, Entry>,
    bytes: usize,
    frame: u64,
    budget: usize,
}

impl Default for VaultImages {
    fn default() -> Self {
        Self::with_budget(TEXTURE_BUDGET_BYTES)
    }
}

impl VaultImages {
    /// A cache that keeps at most `budget` bytes of textures not on screen.
    #[must_use]
    pub fn with_budget(budget: usize) -> Self {
        Self {
            decoder: Decoder::spawn(),
            entries: HashMap::new(),
            bytes: 0,
            frame: 0,
            budget,
        }
    }

    /// Rounds a display width up to the width images are decoded at.
    #[must_use]
    pub fn decode_width(width_px: f32) -> u32 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let w = width_px.clamp(1.0, 4096.0).ceil() as u32;
        w.div_ceil(WIDTH_STEP) * WIDTH_STEP
    }

    /// The image for `key`, asking for it if needed; `ctx` is repainted when it arrives.
    pub fn get(&mut self, ctx: &egui::Context, key: &ImageKey) -> &ImageState {
        self.receive(ctx);
        let frame = self.frame;
        if !self.entries.contains_key(key) {
            let state = if self.decoder.request(key.clone()) {
                ImageState::Loading
            } else {
                // No decoder thread: decode here rather than show nothing.
                match key.run() {
                    Ok(d) => Self::texture(ctx, key, &d).0,
                    Err(e) => ImageState::Failed(e),
                }
            };
            let bytes = match &state {
                ImageState::Ready(t, _) => t.byte_size(),
                _ => 0,
            };
            self.bytes += bytes;
            self.entries.insert(
                key.clone(),
                Entry {
                    state,
                    bytes,
                    last_shown: frame,
                },
            );
        }
        let entry = self.entries.entry(key.clone()).or_insert_with(|| Entry {
            state: ImageState::Loading,
            bytes: 0,
            last_shown: frame,
        });
        entry.last_shown = frame;
        &entry.state
    }

    fn texture(ctx: &egui::Context, key: &ImageKey, d: &Decoded) -> (ImageState, usize) {
        let size = [d.width as usize, d.height as usize];
        let image = egui::ColorImage::from_rgba_unmultiplied(size, &d.rgba);
        let name = format!("vault-image:{}:{}", key.rel, key.width);
        let texture = ctx.load_texture(name, image, egui::TextureOptions::LINEAR);
        let bytes = d.bytes();
        (ImageState::Ready(texture, d.natural), bytes)
    }

    /// Takes in what the worker decoded.
    fn receive(&mut self, ctx: &egui::Context) {
        for (key, result) in self.decoder.finished() {
            let Some(entry) = self.entries.get(&key) else {
                continue; // evicted or cleared while decoding
            };
            let last_shown = entry.last_shown;
            let (state, bytes) = match result {
                Ok(d) => Self::texture(ctx, &key, &d),
                Err(e) => (ImageState::Failed(e), 0),
            };
            self.bytes += bytes;
            self.entries.insert(
                key,
                Entry {
                    state,
                    bytes,
                    last_shown,
                },
            );
            ctx.request_repaint();
        }
        if self
            .entries
            .values()
            .any(|e| matches!(e.state, ImageState::Loading))
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    /// Ends a frame: while over the budget, frees the textures least recently shown
    /// (never one shown this frame).
    pub fn end_frame(&mut self) {
        if self.bytes > self.budget {
            let mut old: Vec<(u64, ImageKey)> = self
                .entries
                .iter()
                .filter(|(_, e)| e.last_shown < self.frame && e.bytes > 0)
                .map(|(k, e)| (e.last_shown, k.clone()))
                .collect();
            old.sort_by_key(|(t, _)| *t);
            for (_, key) in old {
                if self.bytes <= self.budget {
                    break;
                }
                if let Some(e) = self.entries.remove(&key) {
                    self.bytes -= e.bytes;
                }
            }
        }
        self.frame += 1;
    }

    /// Texture bytes held now.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets everything (another vault was opened).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn png(path: &std::path::Path, w: u32, h: u32) {
        image::RgbaImage::from_pixel(w, h, image::Rgba([1, 2, 3, 255]))
            .save(path)
            .unwrap();
    }

    fn wait_ready(images: &mut VaultImages, ctx: &egui::Context, key: &ImageKey) {
        for _ in 0..500 {
            if matches!(images.get(ctx, key), ImageState::Ready(..)) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("never decoded");
    }

    /// Regression: every image opened stayed in memory (7.4 GB after ten image notes).
    /// Visiting 12 large images keeps the textures within the budget, and revisiting one
    /// decodes it again rather than keeping them all.
    #[test]
    fn textures_stay_within_the_budget_whatever_is_visited() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..12 {
            png(&dir.path().join(format!("shot{i}.png")), 1200, 800);
        }
        let ctx = egui::Context::default();
        // Room for about three 512-px-wide textures.
        let one = 512 * 341 * 4;
        let mut images = VaultImages::with_budget(3 * one + one / 2);
        for i in 0..12 {
            let key = ImageKey {
                root: dir.path().to_owned(),
                rel: format!("shot{i}.png"),
                width: VaultImages::decode_width(500.0),
            };
            wait_ready(&mut images, &ctx, &key);
            images.end_frame();
            assert!(
                images.bytes() <= 4 * one,
                "{} bytes after {i}",
                images.bytes()
            );
        }
        // Decoded at the width shown, not at 1200 px.
        let key = ImageKey {
            root: dir.path().to_owned(),
            rel: "shot11.png".into(),
            width: 512,
        };
        let ImageState::Ready(texture, natural) = images.get(&ctx, &key) else {
            panic!("the last one is kept");
        };
        assert_eq!(*natural, (1200, 800));
        assert_eq!(texture.size(), [512, 341]);
        // A file that is not an image says so.
        std::fs::write(dir.path().join("bad.png"), b"nope").unwrap();
        let bad = ImageKey {
            root: dir.path().to_owned(),
            rel: "bad.png".into(),
            width: 256,
        };
        for _ in 0..500 {
            if !matches!(images.get(&ctx, &bad), ImageState::Loading) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(matches!(images.get(&ctx, &bad), ImageState::Failed(_)));
    }
}

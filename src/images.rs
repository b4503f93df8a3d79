//! Decoding the images of a vault for display: raster files (PNG, JPEG, GIF, WebP) and SVG,
//! downscaled to the width they are shown at, with limits so a huge or hostile file costs a
//! bounded amount of memory. [`decode`] is synchronous; [`Decoder`] reads and decodes on a
//! thread of its own, so the UI (which only turns the pixels into textures) never waits for
//! the disk. Egui-free.

use std::io::Cursor;

use resvg::{tiny_skia, usvg};

/// Largest side of a decoded image, in pixels (larger ones are refused before decoding).
pub const MAX_SOURCE_SIDE: u32 = 20_000;
/// Most memory the decoder may allocate for one image.
pub const MAX_DECODE_BYTES: u64 = 400 * 1024 * 1024;
/// Largest side of a texture made from an image (a GPU limit, and plenty for a viewer).
pub const MAX_TEXTURE_SIDE: u32 = 4096;

/// Why an image cannot be shown. `Display` is the English text; the interface words it with
/// [`crate::i18n::Describe`]. The decoders' own messages are kept as details.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// The file could not be read.
    #[error("{0}")]
    Attachment(#[from] crate::notes::vault::AttachmentError),
    /// The bytes are no image format at all.
    #[error("not an image ({0})")]
    NotAnImage(String),
    /// Over the decoding limits.
    #[error("the image is too large to show")]
    TooLarge,
    /// A format without a decoder here.
    #[error("this image format is not supported")]
    Unsupported,
    /// A damaged raster image.
    #[error("the image could not be read ({0})")]
    Unreadable(String),
    /// A damaged SVG.
    #[error("the SVG could not be read ({0})")]
    Svg(String),
    /// No memory for the pixels.
    #[error("cannot allocate a {width}×{height} image")]
    Alloc {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

/// Pixels ready for a texture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// Width of `rgba`, in pixels.
    pub width: u32,
    /// Height of `rgba`.
    pub height: u32,
    /// The image's own size (before downscaling), in pixels.
    pub natural: (u32, u32),
    /// Unmultiplied RGBA, `width × height × 4` bytes.
    pub rgba: Vec<u8>,
}

impl Decoded {
    /// Bytes the pixels take.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.rgba.len()
    }
}

/// Decodes `bytes` (an SVG when `svg`), scaled down so it is at most `max_width` pixels wide
/// (never up), and at most [`MAX_TEXTURE_SIDE`] on either side.
///
/// # Errors
/// Not an image, too large, damaged.
pub fn decode(bytes: &[u8], svg: bool, max_width: u32) -> Result<Decoded, ImageError> {
    if svg {
        decode_svg(bytes, max_width)
    } else {
        decode_raster(bytes, max_width)
    }
}

/// The size (`width`, `height`) to show a `natural` image at, at most `max_width` wide and
/// [`MAX_TEXTURE_SIDE`] on either side, keeping its proportions (never below 1).
#[must_use]
pub fn fitted(natural: (u32, u32), max_width: u32) -> (u32, u32) {
    let (w, h) = (natural.0.max(1), natural.1.max(1));
    let scale = f64::from(max_width.max(1))
        .min(f64::from(MAX_TEXTURE_SIDE))
        .min(f64::from(w))
        / f64::from(w);
    let scale = scale.min(f64::from(MAX_TEXTURE_SIDE) / f64::from(h));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fit = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (fit(w), fit(h))
}

fn decode_raster(bytes: &[u8], max_width: u32) -> Result<Decoded, ImageError> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::NotAnImage(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SOURCE_SIDE);
    limits.max_image_height = Some(MAX_SOURCE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => ImageError::TooLarge,
        image::ImageError::Unsupported(_) => ImageError::Unsupported,
        other => ImageError::Unreadable(other.to_string()),
    })?;
    let natural = (img.width(), img.height());
    let (w, h) = fitted(natural, max_width);
    let img = if (w, h) == natural {
        img.into_rgba8()
    } else {
        // Triangle filtering: smooth enough for screenshots, several times faster than
        // Lanczos on large images.
        image::imageops::resize(
            &img.into_rgba8(),
            w,
            h,
            image::imageops::FilterType::Triangle,
        )
    };
    Ok(Decoded {
        width: img.width(),
        height: img.height(),
        natural,
        rgba: img.into_raw(),
    })
}

fn decode_svg(bytes: &[u8], max_width: u32) -> Result<Decoded, ImageError> {
    let opt = usvg::Options {
        // Never follow references to other files or data URLs from a note's SVG.
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        resources_dir: None,
        fontdb: crate::diagram::export::fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &opt).map_err(|e| ImageError::Svg(e.to_string()))?;
    let size = tree.size();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let natural = (
        size.width().ceil().clamp(1.0, 100_000.0) as u32,
        size.height().ceil().clamp(1.0, 100_000.0) as u32,
    );
    let (w, h) = fitted(natural, max_width);
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or(ImageError::Alloc {
        width: w,
        height: h,
    })?;
    #[allow(clippy::cast_precision_loss)]
    let (sx, sy) = (w as f32 / size.width(), h as f32 / size.height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    // tiny-skia pixels are premultiplied; textures want them straight.
    let mut rgba = pixmap.take();
    for px in rgba.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a > 0 && a < 255 {
            for c in &mut px[..3] {
                *c = u8::try_from((u16::from(*c) * 255 + a / 2) / a).unwrap_or(255);
            }
        }
    }
    Ok(Decoded {
        width: w,
        height: h,
        natural,
        rgba,
    })
}

/// What to decode: an attachment of the vault in `root`, at a width in pixels.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Request {
    /// The vault's folder.
    pub root: std::path::PathBuf,
    /// The attachment, relative to it.
    pub rel: String,
    /// Width in pixels to decode at (never more than the image's own).
    pub width: u32,
}

impl Request {
    /// Reads and decodes the attachment now (on the calling thread).
    ///
    /// # Errors
    /// Why it cannot be shown.
    pub fn run(&self) -> Result<Decoded, ImageError> {
        let svg = self.rel.to_ascii_lowercase().ends_with(".svg");
        let bytes = crate::notes::vault::read_attachment_in(&self.root, &self.rel)?;
        decode(&bytes, svg, self.width)
    }
}

/// A thread that reads and decodes requested images, in order, and hands them back.
pub struct Decoder {
    jobs: Option<std::sync::mpsc::Sender<Request>>,
    done: std::sync::mpsc::Receiver<(Request, Result<Decoded, ImageError>)>,
}

impl Default for Decoder {
    fn default() -> Self {
        Self::spawn()
    }
}

impl Decoder {
    /// Starts the thread (if it cannot start, [`Decoder::request`] says so and the caller
    /// decodes on its own thread).
    #[must_use]
    pub fn spawn() -> Self {
        let (jobs, rx) = std::sync::mpsc::channel::<Request>();
        let (tx, done) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("image-decoder".into())
            .spawn(move || {
                while let Ok(request) = rx.recv() {
                    let result = request.run();
                    if tx.send((request, result)).is_err() {
                        break;
                    }
                }
            });
        Self {
            jobs: spawned.ok().map(|_| jobs),
            done,
        }
    }

    /// Queues `request`; `false` if there is no thread to do it.
    pub fn request(&self, request: Request) -> bool {
        self.jobs.as_ref().is_some_and(|j| j.send(request).is_ok())
    }

    /// What was decoded since the last call.
    pub fn finished(&self) -> Vec<(Request, Result<Decoded, ImageError>)> {
        self.done.try_iter().collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([10, 20, 30, 255]));
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    /// Regression: every decoded image was kept at full size: one vault went from 142 MB
    /// to 1.46 GB after one image-heavy note.
    #[test]
    fn a_large_screenshot_is_decoded_at_the_width_shown() {
        let d = decode(&png(3000, 1500), false, 800).unwrap();
        assert_eq!((d.width, d.height), (800, 400));
        assert_eq!(d.natural, (3000, 1500));
        assert_eq!(d.bytes(), 800 * 400 * 4);
        // Never scaled up.
        let small = decode(&png(120, 60), false, 800).unwrap();
        assert_eq!((small.width, small.height), (120, 60));
    }

    #[test]
    fn svgs_are_rasterised_at_the_width_shown_without_their_references() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#ff0000"/><image href="/etc/hostname" width="9" height="9"/></svg>"##;
        let d = decode(svg, true, 100).unwrap();
        assert_eq!((d.width, d.height), (100, 50));
        assert_eq!(d.natural, (400, 200));
        assert_eq!(&d.rgba[..4], &[255, 0, 0, 255]);
    }

    #[test]
    fn bad_input_gives_a_message_not_a_panic() {
        assert!(decode(b"not an image", false, 100).is_err());
        assert!(decode(b"<svg", true, 100).is_err());
        let mut cut = png(50, 50);
        cut.truncate(cut.len() / 2);
        assert!(decode(&cut, false, 100).is_err());
        assert_eq!(fitted((0, 0), 0), (1, 1));
        assert_eq!(fitted((10_000, 10), 50_000), (4096, 4));
    }
}

//! A chart's SVG as a downloaded file: the SVG itself, or a PNG drawn from
//! it by the browser (an `<img>` from a Blob URL, onto a canvas at a scale,
//! `toBlob('image/png')`). The content security policy allows `blob:` images.
//! The image is an SVG document of its own: it sees no page styles or
//! fonts, which the charts do not use (their text names `sans-serif`).

use super::backup::{blob_of, download_blob};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The XML declaration a standalone SVG file starts with, so editors read it as UTF-8.
const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The size a PNG is drawn at when the SVG does not say its own (plotters always does).
const FALLBACK_SIZE: (u32, u32) = (800, 600);

fn svg_blob(svg: &str) -> Result<web_sys::Blob, JsValue> {
    let parts = js_sys::Array::of2(&JsValue::from_str(XML_DECLARATION), &JsValue::from_str(svg));
    blob_of(&parts, "image/svg+xml;charset=utf-8")
}

/// Offers `svg` as the file `file_name`.
pub fn download_svg(file_name: &str, svg: &str) -> Result<(), JsValue> {
    download_blob(file_name, &svg_blob(svg)?)
}

/// Offers `svg` drawn as a PNG `scale` times its size (2: sharp on slides and
/// high-density screens) as the file `file_name`.
pub async fn download_png(file_name: &str, svg: &str, scale: f64) -> Result<(), JsValue> {
    let png = png_of(svg, scale).await?;
    download_blob(file_name, &png)
}

/// `svg` drawn onto a canvas `scale` times its size, as PNG bytes in a Blob.
pub async fn png_of(svg: &str, scale: f64) -> Result<web_sys::Blob, JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(&svg_blob(svg)?)?;
    let drawn = draw(&url, scale).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    drawn
}

async fn draw(url: &str, scale: f64) -> Result<web_sys::Blob, JsValue> {
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(url);
    JsFuture::from(image.decode()).await?;
    let (width, height) = match (image.natural_width(), image.natural_height()) {
        (0, _) | (_, 0) => FALLBACK_SIZE,
        size => size,
    };
    let scale = if scale.is_finite() { scale.clamp(1.0, 4.0) } else { 1.0 };
    let (canvas_width, canvas_height) = ((f64::from(width) * scale).round(), (f64::from(height) * scale).round());
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(canvas_width as u32);
    canvas.set_height(canvas_height as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.dyn_into()?;
    // White under the chart: a PNG viewer would show transparency as black or a checkerboard.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, canvas_width, canvas_height);
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, canvas_width, canvas_height)?;
    let blob = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if let Err(e) = canvas.to_blob_with_type(done.unchecked_ref(), "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let blob = JsFuture::from(blob).await?;
    // `toBlob` gives null when the canvas cannot be encoded (too large for the browser).
    blob.dyn_into::<web_sys::Blob>().map_err(|_| JsValue::from_str("the canvas gave no PNG"))
}

//! Files in and out: downloads built on the device, the share sheet, and
//! reading a chosen file.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// How long a download's object URL is kept: revoked at once, Safari and
/// Firefox can lose the download (FileSaver.js waits as long).
const REVOKE_AFTER_MS: i32 = 40_000;

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}

/// What became of a file offered to the share sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The patient picked a place and the browser says it went.
    Sent,
    /// The sheet was closed, or sending failed.
    NotSent,
    /// This browser cannot share files (most desktops).
    Unsupported,
}

/// Offers `text` as a file to the system share sheet (Android, iPhone):
/// mail, a cloud drive, a message to oneself, all off this phone.
pub async fn share(name: &str, mime: &str, text: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::Unsupported;
    };
    let method = |name: &str| {
        Reflect::get(&navigator, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    let (Some(can_share), Some(share)) = (method("canShare"), method("share")) else {
        return Shared::Unsupported;
    };
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let Ok(file) = File::new_with_str_sequence_and_options(&parts, name, &options) else {
        return Shared::Unsupported;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &Array::of1(&file));
    let _ = Reflect::set(&data, &"title".into(), &name.into());
    let allowed = can_share
        .call1(&navigator, &data)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !allowed {
        return Shared::Unsupported;
    }
    let Ok(promise) = share.call1(&navigator, &data) else {
        return Shared::NotSent;
    };
    match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(_) => Shared::Sent,
        Err(_) => Shared::NotSent,
    }
}

/// The whole text of a chosen file.
pub async fn read_text(file: &File) -> Result<String, JsValue> {
    let text = JsFuture::from(file.text()).await?;
    text.as_string().ok_or(JsValue::NULL)
}

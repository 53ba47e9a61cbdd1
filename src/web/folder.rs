//! A backup folder the patient chose, where the browser lets a page write to
//! one (the File System Access API: Chrome and Edge on a computer). The
//! backup file there is rewritten after each routine, so a copy of the data
//! lives outside the browser's storage, which site-data clearing and storage
//! pressure remove whole (data review §1 #1, §5 "keep a copy outside the
//! origin").
//!
//! The folder's handle is kept in IndexedDB, the only place a browser can
//! keep one, under this deployment's storage key. Only the routine and
//! Settings pages call this, so none of it is in the first download.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use crate::web::storage;

/// The file rewritten in the folder: one name, so the folder holds the
/// latest backup and does not fill up. The browser writes a new file aside
/// and swaps it in on close, so a cut-short write leaves the last one.
pub const FILE_NAME: &str = "spinewise-backup.json";
const DATABASE: &str = "spinewise-folder";
const HANDLES: &str = "handles";

/// Why the backup could not be written to the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderProblem {
    /// The browser wants the patient's OK again (it asks after a restart).
    NeedsPermission,
    /// The folder was moved, renamed or deleted.
    Gone,
    /// The write itself failed: a full disk, or another program has the file.
    NotWritten,
}

impl FolderProblem {
    /// What to tell the patient, who chose the folder named `name`.
    pub fn message(self, name: &str) -> String {
        match self {
            FolderProblem::NeedsPermission => {
                format!(
                    "The browser needs your OK before Spinewise can write the backup to the folder “{name}”."
                )
            }
            FolderProblem::Gone => format!(
                "The backup folder “{name}” cannot be found: it may have been moved or deleted. Choose a folder again in Settings."
            ),
            FolderProblem::NotWritten => format!(
                "The backup could not be written to the folder “{name}”. The disk may be full. Your data on this device is safe."
            ),
        }
    }

    fn of(err: &JsValue) -> FolderProblem {
        let name = Reflect::get(err, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" => FolderProblem::NeedsPermission,
            "NotFoundError" => FolderProblem::Gone,
            _ => FolderProblem::NotWritten,
        }
    }
}

/// What became of the latest backup written to the folder, for the screens:
/// when it was written, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub name: String,
    pub result: Result<i64, FolderProblem>,
}

/// The chosen folder, as kept in IndexedDB.
pub struct Folder {
    handle: JsValue,
    /// The folder's own name, as the patient's file manager shows it.
    pub name: String,
    /// When the backup was last written there.
    pub written_ms: Option<i64>,
}

/// Whether this browser can write to a folder the patient chooses.
pub fn supported() -> bool {
    web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// Calls `target.method(...args)` and waits for what it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let result = function.apply(target, &args.iter().collect::<Array>())?;
    JsFuture::from(Promise::resolve(&result)).await
}

fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// Waits for an IndexedDB request and gives its result.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await?;
    request.result()
}

async fn database() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrade = Closure::once({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().map(IdbDatabase::from) {
                let _ = db.create_object_store(HANDLES);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = finished(&request).await;
    // An upgrade comes before success or never: the closure can go now,
    // instead of staying in memory after each open that needed none.
    request.set_onupgradeneeded(None);
    drop(upgrade);
    Ok(opened?.into())
}

/// Runs one request on the handle store and gives its result.
async fn on_handles(
    mode: IdbTransactionMode,
    request: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, JsValue> {
    let db = database().await?;
    let store = db
        .transaction_with_str_and_mode(HANDLES, mode)?
        .object_store(HANDLES)?;
    let result = finished(&request(&store)?).await;
    db.close();
    result
}

async fn keep(folder: &Folder) -> Result<(), JsValue> {
    let record = object(&[
        ("handle", folder.handle.clone()),
        (
            "written_ms",
            folder
                .written_ms
                .map_or(JsValue::NULL, |at| (at as f64).into()),
        ),
    ]);
    on_handles(IdbTransactionMode::Readwrite, |store| {
        store.put_with_key(&record, &storage::folder_key().into())
    })
    .await
    .map(drop)
}

/// The folder chosen earlier on this device, if any.
pub async fn chosen() -> Option<Folder> {
    if !supported() {
        return None;
    }
    let record = on_handles(IdbTransactionMode::Readonly, |store| {
        store.get(&storage::folder_key().into())
    })
    .await
    .ok()
    .filter(|r| r.is_object())?;
    let handle = Reflect::get(&record, &"handle".into()).ok()?;
    let name = Reflect::get(&handle, &"name".into()).ok()?.as_string()?;
    let written_ms = Reflect::get(&record, &"written_ms".into())
        .ok()
        .and_then(|at| at.as_f64())
        .map(|at| at as i64);
    Some(Folder {
        handle,
        name,
        written_ms,
    })
}

/// Opens the browser's folder chooser; `None` when the patient closed it.
/// Must start from a tap: browsers open choosers only then.
pub async fn choose() -> Option<Folder> {
    let window: JsValue = web_sys::window()?.into();
    let options = object(&[
        ("id", "spinewise-backup".into()),
        ("mode", "readwrite".into()),
        ("startIn", "documents".into()),
    ]);
    let handle = call(&window, "showDirectoryPicker", &[options])
        .await
        .ok()?;
    let name = Reflect::get(&handle, &"name".into()).ok()?.as_string()?;
    let folder = Folder {
        handle,
        name,
        written_ms: None,
    };
    keep(&folder).await.ok()?;
    Some(folder)
}

/// Forgets the chosen folder, so no backup is written there again; the
/// files there stay.
pub async fn forget() {
    let _ = on_handles(IdbTransactionMode::Readwrite, |store| {
        store.delete(&storage::folder_key().into())
    })
    .await;
}

impl Folder {
    /// Whether the browser lets the app write here, asking the patient if
    /// it may: the browser shows its question only within a few seconds
    /// of a tap.
    async fn allowed(&self) -> bool {
        let mode = object(&[("mode", "readwrite".into())]);
        let state = |answer: Result<JsValue, JsValue>| answer.ok().and_then(|s| s.as_string());
        match state(call(&self.handle, "queryPermission", std::slice::from_ref(&mode)).await)
            .as_deref()
        {
            Some("granted") => true,
            // A browser without the question lets the write decide.
            None => true,
            _ => {
                state(call(&self.handle, "requestPermission", &[mode]).await).as_deref()
                    == Some("granted")
            }
        }
    }

    /// Rewrites the backup file in the folder with `json`, noting when.
    pub async fn write(&mut self, json: &str, now_ms: i64) -> Result<(), FolderProblem> {
        if !self.allowed().await {
            return Err(FolderProblem::NeedsPermission);
        }
        let create = object(&[("create", true.into())]);
        let written = async {
            let file = call(&self.handle, "getFileHandle", &[FILE_NAME.into(), create]).await?;
            let stream = call(&file, "createWritable", &[]).await?;
            if let Err(err) = call(&stream, "write", &[json.into()]).await {
                // Drops the half-written copy; the last whole file stays.
                let _ = call(&stream, "abort", &[]).await;
                return Err(err);
            }
            call(&stream, "close", &[]).await
        };
        written.await.map_err(|err| FolderProblem::of(&err))?;
        self.written_ms = Some(now_ms);
        // The file is written; failing to note when only loses the date.
        let _ = keep(self).await;
        Ok(())
    }
}

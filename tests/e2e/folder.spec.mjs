// The backup folder (File System Access API): the backup file is rewritten
// there after each routine and counts as a backup only once written.
//
// Headless Chromium opens no folder chooser, so `showDirectoryPicker` hands
// back a folder in the origin-private file system: a real directory handle
// that IndexedDB can keep and that takes real writes.
import { test, expect, openAt, startRoutine } from "./fixtures.mjs";

const FOLDER = "Backups";

/** The folder chooser picks FOLDER; `permission` scripts the browser's answers. */
async function withFolderChooser(page, { permission } = {}) {
  await page.addInitScript(
    ({ folder, permission }) => {
      window.showDirectoryPicker = async () => {
        const root = await navigator.storage.getDirectory();
        return root.getDirectoryHandle(folder, { create: true });
      };
      if (permission) {
        // After a restart the browser asks again: "prompt" until the patient
        // says yes; the first question (right after a routine) is dismissed.
        window.permissionAsked = 0;
        FileSystemHandle.prototype.queryPermission = async () => (window.permissionGiven ? "granted" : "prompt");
        FileSystemHandle.prototype.requestPermission = async () => {
          window.permissionAsked += 1;
          window.permissionGiven = window.permissionAsked > 1;
          return window.permissionGiven ? "granted" : "prompt";
        };
      }
    },
    { folder: FOLDER, permission },
  );
}

/** The backup file in the folder, parsed; null while there is none. */
async function folderBackup(page) {
  return page.evaluate(async (folder) => {
    try {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle(folder);
      const file = await (await dir.getFileHandle("spinewise-backup.json")).getFile();
      return JSON.parse(await file.text());
    } catch {
      return null;
    }
  }, FOLDER);
}

async function doRoutine(page) {
  await startRoutine(page);
  await page.clock.fastForward(20 * 60_000);
  await page.getByRole("button", { name: "Save without a pain score" }).click();
  await expect(page.getByRole("button", { name: "Start routine" })).toBeVisible();
}

test("a chosen folder gets the backup at once and again after each routine, across restarts", async ({ page }) => {
  await withFolderChooser(page);
  await openAt(page, "/settings");
  await expect(page.getByText("No backup file exported yet.")).toBeVisible();
  await page.getByRole("button", { name: "Choose a folder" }).click();
  await expect(page.getByText(/Backups go to the folder “Backups” as spinewise-backup.json. Last written on 25 Nov/)).toBeVisible();
  // Written, so it counts: the reminder rests.
  await expect(page.getByText("Last backup file: 25 Nov.")).toBeVisible();
  expect((await folderBackup(page)).store.sessions ?? []).toHaveLength(0);

  await page.goto("/");
  await doRoutine(page);
  await expect.poll(async () => (await folderBackup(page))?.store.sessions?.length).toBe(1);

  // The next day, after a restart: the folder is still chosen.
  await page.clock.fastForward(24 * 60 * 60_000);
  await page.reload();
  await doRoutine(page);
  await expect.poll(async () => (await folderBackup(page))?.store.sessions?.length).toBe(2);
  await page.goto("/settings");
  await expect(page.getByText(/Last written on 26 Nov/)).toBeVisible();

  // Stopping keeps the file and writes no more.
  await page.getByRole("button", { name: "Stop using this folder" }).click();
  await expect(page.getByRole("button", { name: "Choose a folder" })).toBeVisible();
  await page.goto("/");
  await page.clock.fastForward(24 * 60 * 60_000);
  await page.reload();
  await doRoutine(page);
  await page.waitForTimeout(300);
  expect((await folderBackup(page)).store.sessions).toHaveLength(2);
});

test("when the browser wants the patient's OK again, Today says so and Settings asks with a tap", async ({ page }) => {
  await withFolderChooser(page, { permission: true });
  await openAt(page, "/settings");
  // Choosing the folder is the OK for that visit.
  await page.evaluate(() => (window.permissionGiven = true));
  await page.getByRole("button", { name: "Choose a folder" }).click();
  await expect(page.getByText(/Last written on 25 Nov/)).toBeVisible();
  expect((await folderBackup(page)).store.sessions ?? []).toHaveLength(0);

  // A restart: the browser asks before the app may write again.
  await page.reload();
  await page.goto("/");
  await doRoutine(page);
  const notice = page.getByText("The browser needs your OK before Spinewise can write the backup to the folder “Backups”.");
  await expect(notice).toBeVisible();
  expect((await folderBackup(page)).store.sessions ?? []).toHaveLength(0);
  await page.getByRole("link", { name: "Give the OK in Settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs your OK" })).toBeVisible();
  await page.getByRole("button", { name: "Write the backup now" }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText(/Last written on 25 Nov/)).toBeVisible();
  expect((await folderBackup(page)).store.sessions).toHaveLength(1);
  expect(await page.evaluate(() => window.permissionAsked)).toBe(2);
});

test("a folder that was deleted is named on Today, and the reminder is not reset", async ({ page }) => {
  await withFolderChooser(page);
  await openAt(page, "/settings");
  await page.getByRole("button", { name: "Choose a folder" }).click();
  await expect(page.getByText(/Last written on 25 Nov/)).toBeVisible();
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry("Backups", { recursive: true }));

  await page.clock.fastForward(24 * 60 * 60_000);
  await page.goto("/");
  await doRoutine(page);
  await expect(page.getByText(/The backup folder “Backups” cannot be found/)).toBeVisible();
  await page.getByRole("link", { name: "Backup folder settings" }).click();
  await expect(page.getByText("Last backup file: 25 Nov.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be found" })).toBeVisible();
});

test("Delete everything stops the folder backups and leaves the file there", async ({ page }) => {
  await withFolderChooser(page);
  await openAt(page, "/");
  await doRoutine(page);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Choose a folder" }).click();
  await expect(page.getByText(/Last written on 25 Nov/)).toBeVisible();
  const before = await folderBackup(page);
  await page.getByRole("button", { name: "Delete all data…" }).click();
  await page.getByRole("button", { name: "Delete everything" }).click();
  await expect(page.getByText(/All data deleted. Backup files kept outside Spinewise are not touched./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Choose a folder" })).toBeVisible();
  await page.goto("/");
  await doRoutine(page);
  await page.waitForTimeout(300);
  expect(await folderBackup(page)).toEqual(before);
});

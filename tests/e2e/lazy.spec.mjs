// Code splitting (src/pages/lazy.rs, scripts/split/): Today downloads no page
// module; a lazy page fetches its own the first time it opens; a page whose
// module cannot be fetched says so, loses nothing, and loads on retry.
import { test as plain } from "@playwright/test";
import { test, expect, openAt } from "./fixtures.mjs";

const isPageModule = (url) => /\/(split|chunk)_[^/]*\.wasm$/.test(new URL(url).pathname);

test("Today loads no page module; Settings fetches its own when first opened", async ({ page }) => {
  const modules = [];
  page.on("request", (req) => {
    if (isPageModule(req.url())) modules.push(new URL(req.url()).pathname);
  });
  await openAt(page, "/");
  expect(modules).toEqual([]);

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  expect(modules.some((path) => /\/split_settings_page-[0-9a-f]{16}\.wasm$/.test(path))).toBe(true);
  expect(modules.some((path) => path.includes("split_report_page"))).toBe(false);

  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
});

// The plain runner: a blocked fetch is meant to log an error here.
plain("a page whose module cannot be fetched says so and opens on retry", async ({ page }) => {
  let block = true;
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, (route) => (block ? route.abort() : route.continue()));
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("probe", "kept"));
  await page.getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "This page could not load" })).toBeVisible();
  await expect(page.getByText("Your data is safe")).toBeVisible();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByText("Still no connection.")).toBeVisible();

  // The retry stays in the app: no reload, which offline would lose Today too.
  await page.evaluate(() => (window.__sameDocument = true));
  block = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem("probe"))).toBe("kept");
  await page.getByRole("link", { name: "Today" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
});

test("a page whose code is slow to arrive shows it is opening, not the old page under the new address", async ({ page }) => {
  await openAt(page, "/");
  await page.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  const tapped = Date.now();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opening the page…" })).toBeVisible({ timeout: 1_000 });
  console.log(`pending state shown ${Date.now() - tapped} ms after the tap (page code delayed 2 s)`);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText("Opening the page…")).toHaveCount(0);
  await expect(page.locator("main")).toHaveAttribute("aria-busy", "false");
});

import { test, expect, openAt, savedStore } from "./fixtures.mjs";

test("first run: a red-flag 'yes' gets calm urgent advice, is saved, and never locks the patient out", async ({ page }) => {
  await openAt(page, "/");
  await page.getByRole("button", { name: "Start routine" }).click();
  await expect(page.getByRole("button", { name: "Begin routine" })).toHaveCount(0);
  await page.getByRole("link", { name: "Start the safety check" }).click();
  await expect(page).toHaveURL(/\/safety$/);

  const done = page.getByRole("button", { name: "Done" });
  const groups = page.getByRole("group");
  await expect(groups).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    await expect(done).toBeDisabled();
    await groups.nth(i).getByRole("radio", { name: i === 1 ? "Yes" : "No" }).check();
  }
  await done.click();
  await expect(page.getByRole("heading", { name: "Please get urgent medical care now" })).toBeVisible();
  await expect(page.getByText(/emergency department/)).toBeVisible();

  const [screening] = (await savedStore(page)).screenings;
  expect(screening).toMatchObject({ day: "2026-11-25", yes: ["bladder-bowel"] });

  await page.getByRole("link", { name: "I understand; continue to the routine" }).click();
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
});

test("all 'no' says so and opens the routine; Settings offers the check again", async ({ page }) => {
  await openAt(page, "/safety");
  const noes = page.getByRole("radio", { name: "No" });
  for (let i = 0; i < 7; i++) await noes.nth(i).check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "Nothing here needs a doctor first" })).toBeVisible();
  await page.getByRole("link", { name: "Continue to the routine" }).click();
  await expect(page.getByRole("button", { name: "Begin routine" })).toBeVisible();
  await page.goto("/settings");
  await page.getByRole("link", { name: "Check for warning signs again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Safety check" })).toBeVisible();
  expect((await savedStore(page)).screenings).toHaveLength(1);
});

// End-to-end tests against the release build in dist/, on a phone-sized
// screen, in the Debian Chromium (Playwright must never download browsers).
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS } from "../../scripts/tools.mjs";

const port = Number(process.env.E2E_PORT ?? 8091);

export default defineConfig({
  testDir: ".",
  timeout: 120_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "../../target/e2e-results.json" }]],
  outputDir: "../../target/e2e-artifacts",
  expect: { timeout: 5_000 },
  use: {
    actionTimeout: 10_000,
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    // Fixed, so the emergency number the app picks from the locale (911) is too.
    locale: "en-US",
    serviceWorkers: "block",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `node ../../scripts/serve-dist.mjs ${port} --test-hooks`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

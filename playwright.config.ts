import { defineConfig, devices } from "@playwright/test";
import { NoBrowserError, resolveBrowser } from "./scripts/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Which Chromium: see scripts/browser.ts (CHROMIUM_PATH, Playwright's own, Debian's, @sparticuz/chromium).
// One clear line instead of one stack trace per spec when there is none.
const browser = await resolveBrowser().catch((e: unknown) => {
  if (!(e instanceof NoBrowserError)) throw e;
  console.error(`No browser for Playwright: ${e.message}`);
  process.exit(1);
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production build on a throw-away embedded database with the demo data, and the route
    // e2e/factories.ts creates each spec's own merchant through (scripts/e2e-factory.ts).
    command: "npx tsx scripts/run.ts start --ephemeral",
    env: { PORT: String(PORT), PUNCHCARD_E2E_FACTORIES: "1" },
    url: `http://localhost:${PORT}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Let scripts/run.ts stop Next and the embedded database cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});

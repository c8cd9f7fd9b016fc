// The ONE place that decides which Chromium Playwright drives: playwright.config.ts, the check
// `npm test` runs before anything else, and any script that takes screenshots.
// Order: CHROMIUM_PATH; a browser Playwright installed itself; Debian's /usr/bin/chromium; the
// Chromium shipped inside the @sparticuz/chromium npm package (no download needed, so a bare
// offline machine can still run the specs).
//
// CLI: `tsx scripts/browser.ts check` launches it once and prints one line (exit 1 when none works).
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type LaunchOptions } from "@playwright/test";

export type BrowserChoice = { executablePath: string; source: string; args: string[] };

// Root in containers needs --no-sandbox; the rest keeps the browser quiet and off the network.
// Of @sparticuz/chromium's own `chromium.args` none is needed here, and several change what the
// tests see: --single-process and --no-zygote (Lambda workarounds; one crashed page would take
// the whole browser down), --disable-web-security and --allow-running-insecure-content (would
// hide CORS/CSP behaviour), --headless='shell' (Playwright sets headless itself).
export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const HOWTO = "set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium`";

export class NoBrowserError extends Error {}

let chosen: Promise<BrowserChoice> | undefined;

/** Finds the browser (first call may unpack @sparticuz/chromium, ~10 s); throws NoBrowserError. */
export function resolveBrowser(): Promise<BrowserChoice> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<BrowserChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new NoBrowserError(`CHROMIUM_PATH=${fromEnv} does not exist; point it at a Chromium binary or unset it`);
    return { executablePath: fromEnv, source: "CHROMIUM_PATH", args: BROWSER_ARGS };
  }
  const own = playwrightsOwn();
  if (own) return { executablePath: own, source: "Playwright's own download", args: BROWSER_ARGS };
  if (existsSync("/usr/bin/chromium")) return { executablePath: "/usr/bin/chromium", source: "/usr/bin/chromium", args: BROWSER_ARGS };
  return { executablePath: await unpackSparticuz(), source: "@sparticuz/chromium", args: BROWSER_ARGS };
}

function playwrightsOwn(): string | undefined {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined; // no build known for this platform
  }
}

// The package unpacks into os.tmpdir() and reuses any `chromium` it finds there, whatever its
// version, and a half-written one if another process is unpacking at the same moment. So unpack
// into a private folder and rename it into a per-version place in one step.
async function unpackSparticuz(): Promise<string> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve("@sparticuz/chromium");
  } catch {
    throw new NoBrowserError(`no Chromium found (and @sparticuz/chromium is not installed: run npm install); ${HOWTO}`);
  }
  const { version } = require(path.resolve(path.dirname(entry), "../../package.json")) as { version: string };
  const home = path.join(os.tmpdir(), `punchcard-chromium-${version}`);
  const binary = path.join(home, "chromium");
  if (!existsSync(binary)) {
    let staging = "";
    const tmpdir = process.env.TMPDIR;
    try {
      staging = mkdtempSync(`${home}-unpacking-`);
      process.env.TMPDIR = staging;
      const { default: sparticuz } = await import("@sparticuz/chromium");
      await sparticuz.executablePath();
    } catch (e) {
      if (staging) rmSync(staging, { recursive: true, force: true });
      throw new NoBrowserError(`could not unpack @sparticuz/chromium ${version} (${(e as Error).message}); ${HOWTO}`);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    try {
      renameSync(staging, home);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process won the race: use its copy
    }
    if (!existsSync(binary)) throw new NoBrowserError(`could not unpack @sparticuz/chromium ${version} into ${home}; ${HOWTO}`);
  }
  pointFontconfigAtBundledFonts(home);
  return binary;
}

// The package's fonts.conf points at /tmp/fonts (AWS Lambda); on a machine without any fontconfig
// setup, write one that points at our copy so pages still render text.
function pointFontconfigAtBundledFonts(home: string) {
  if (existsSync("/etc/fonts/fonts.conf") || process.env.FONTCONFIG_FILE) return;
  const conf = path.join(home, "punchcard-fonts.conf");
  if (!existsSync(conf)) {
    mkdirSync(path.join(home, "fonts-cache"), { recursive: true });
    writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${home}/fonts</dir><cachedir>${home}/fonts-cache</cachedir></fontconfig>\n`);
  }
  process.env.FONTCONFIG_FILE = conf;
}

/** Launch options for Playwright; for scripts that take screenshots outside the test runner. */
export async function launchOptions(): Promise<LaunchOptions> {
  const { executablePath, args } = await resolveBrowser();
  return { executablePath, args };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await launchOptions());
}

/** Resolves, launches and renders one page; returns the line to print. Throws NoBrowserError. */
export async function checkBrowser(): Promise<string> {
  const choice = await resolveBrowser();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: choice.executablePath, args: choice.args, timeout: 30_000 });
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0];
    throw new NoBrowserError(`${choice.executablePath} (${choice.source}) does not start: ${reason}; ${HOWTO}`);
  }
  try {
    const page = await browser.newPage();
    await page.setContent("<p>ok</p>");
    if ((await page.textContent("p")) !== "ok") throw new NoBrowserError(`${choice.executablePath} does not render pages; ${HOWTO}`);
    return `Playwright browser: Chromium ${browser.version()} from ${choice.source} (${choice.executablePath})`;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const command = process.argv[2] ?? "check";
  try {
    if (command === "path") console.log((await resolveBrowser()).executablePath);
    else console.log(await checkBrowser());
  } catch (e) {
    console.error(`No browser for Playwright: ${e instanceof NoBrowserError ? e.message : String(e)}`);
    process.exit(1);
  }
}

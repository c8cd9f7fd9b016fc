import type { Page } from "@playwright/test";
import { expect, test } from "./factories";

const SHOTS = "test-results/responsive";

test.use({ signedInAs: "owner" });
const PAGES = [
  "/", "/customers", "/record", "/imports", "/segments", "/reports", "/settings", "/settings/team", "/settings/loyalty",
  "/settings/rewards", "/settings/locations", "/settings/api-keys", "/settings/api", "/settings/privacy", "/settings/audit-log",
];

async function shoot(page: Page, width: number, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const name = path === "/" ? "overview" : path.slice(1).replace(/\//g, "-");
  await page.screenshot({ path: `${SHOTS}/${width}-${name}.png`, fullPage: true });
  // Nothing runs off the side of the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path} at ${width} px is ${overflow} px too wide`).toBeLessThanOrEqual(0);
}

test("every page fits a 390 px phone, a 768 px tablet and a 1280 px laptop", async ({ page }) => {
  test.setTimeout(180_000);
  const customerHref = await (async () => {
    await page.goto("/customers");
    return (await page.locator("tbody a[href^='/customers/']").first().getAttribute("href")) ?? "/customers";
  })();
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const path of [...PAGES, customerHref]) await shoot(page, width, path);
  }
});

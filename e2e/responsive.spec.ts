import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./helpers";

const SHOTS = "test-results/responsive";
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
  await signIn(page, USERS.owner);
  const customerHref = await (async () => {
    await page.goto("/customers");
    return (await page.locator("tbody a[href^='/customers/']").first().getAttribute("href")) ?? "/customers";
  })();
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    for (const path of [...PAGES, customerHref]) await shoot(page, width, path);
  }
});

test("on a phone: a More menu for the sections that do not fit, all Settings tabs, customers as cards", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.owner);
  const main = page.getByRole("navigation", { name: "Main" }).last();
  await expect(main.getByRole("link", { name: "Record event" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Imports" })).toBeHidden();
  await main.locator("summary").click();
  await main.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  // The More button now names where you are.
  await expect(main.locator("summary")).toContainText("Settings");
  const tabs = page.getByRole("navigation", { name: "Settings" });
  for (const tab of ["Business", "Team", "Loyalty", "Rewards", "Locations", "API keys", "API", "Privacy", "Audit log"]) {
    await expect(tabs.getByRole("link", { name: tab, exact: true })).toBeInViewport();
  }

  await page.goto("/customers");
  // Each customer is a card that still shows Spend and Last activity.
  const firstRow = page.locator("tbody tr").first();
  await expect(firstRow.locator("td[data-label='Spend']")).toBeVisible();
  await expect(firstRow.locator("td[data-label='Last activity']")).toBeVisible();
  await page.getByLabel("Sort by").selectOption("spend:desc");
  await expect(page).toHaveURL(/sort=spend&dir=desc/);

  // Filters put only what is used into the URL.
  await page.getByRole("searchbox").fill("smith");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/customers\?q=smith(&|$)/);
  expect(page.url()).not.toMatch(/tier=&|pass=&|activity=&|=$/);
});

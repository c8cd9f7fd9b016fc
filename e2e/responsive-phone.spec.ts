import { expect, test } from "./factories";

test.use({ signedInAs: "owner" });

test("on a phone: a More menu for the sections that do not fit, all Settings tabs, customers as cards", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
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

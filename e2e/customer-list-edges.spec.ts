import { expect, test } from "./factories";

test.use({ signedInAs: "staff" });

// The edges of the customer list a person reaches by hand: a page past the end, a filter with no
// matches, a download their role does not allow, a page that does not exist.
test("staff reach the list's edges and get pages that say where they are", async ({ page }) => {
  await page.goto("/customers?page=999");
  await expect(page.getByText("Page 999 is past the end of this list")).toBeVisible();
  await expect(page.getByText("No customers yet")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(/page=\d+/);
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await expect(page.getByText(/^\d[\d,]*–[\d,]+ of [\d,]+\+? customers?$/)).toBeVisible();

  await page.goto("/customers?q=zzqxv-nobody-has-this");
  await expect(page.getByText("No customers match these filters")).toBeVisible();
  await expect(page.getByText("No customers yet")).toHaveCount(0);

  // Opening the export in a tab: the 403 page, not a JSON error.
  const response = await page.goto("/customers/export");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);

  const missing = await page.goto("/customers/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.locator("main")).toHaveCount(1);
  await page.goto("/no-such-page");
  await expect(page.locator("main")).toHaveCount(1);
});

import { expect, test } from "./factories";
import { pickCustomer } from "./helpers";

test.use({ signedInAs: "staff" });

test("staff see no export or delete controls and the export URLs answer 403", async ({ page }) => {
  const customer = await pickCustomer(page, 8);
  await page.goto(customer.href);
  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Record an event" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export data" })).toHaveCount(0);
  await page.goto("/customers");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);

  expect((await page.request.get(`${customer.href}/export`)).status()).toBe(403);
  expect((await page.request.get("/customers/export")).status()).toBe(403);
});

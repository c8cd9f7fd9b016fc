import { createMerchant, expect, test } from "./factories";
import { pickCustomer } from "./helpers";

test.use({ signedInAs: "owner" });

test("another merchant's customer is not found by URL, page and export alike", async ({ page, merchant, request, pageAs }) => {
  const customer = await pickCustomer(page, 12);
  await page.goto(customer.href);
  await expect(page.getByText("Lifetime spend")).toBeVisible();

  const other = await createMerchant(request, { label: "tenancy-other", customers: 10, events: 200 });
  const them = await pageAs(other.users.owner);
  await them.goto("/");
  await expect(them.getByTestId("merchant-name").first()).toHaveText(other.name);
  const response = await them.goto(customer.href);
  expect(response?.status()).toBe(404);
  await expect(them.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(them.getByText("Lifetime spend")).toHaveCount(0);
  expect((await them.request.get(`${customer.href}/export`)).status()).toBe(404);
  // And nothing happened to them.
  expect((await page.goto(customer.href))?.status()).toBe(200);
  await expect(page.getByTestId("merchant-name").first()).toHaveText(merchant.name);
});

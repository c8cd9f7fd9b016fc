import { readFile } from "node:fs/promises";
import { expect, test } from "./factories";
import { passFilterValue, pickCustomer } from "./helpers";

test.use({ signedInAs: "manager" });

test("a manager finds a customer, reads their story, exports their data and deletes them", async ({ page }) => {
  const customer = await pickCustomer(page, 3);

  // Search by pass serial (what a scanner types), then narrow with the pass-status filter; both live in the URL.
  await page.goto("/customers");
  const search = page.getByRole("searchbox", { name: /Search by name, email/ });
  await search.fill(customer.serial);
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  const results = page.locator("table tbody a[href^='/customers/']");
  await expect(results.filter({ hasText: customer.name })).toHaveCount(1);
  const passFilter = page.getByRole("combobox", { name: "Pass status" });
  await passFilter.selectOption(passFilterValue(customer.passStatus));
  await expect(page).toHaveURL(/[?&]pass=/);
  await expect(results.filter({ hasText: customer.name })).toHaveCount(1);
  // A filter that excludes them shows the no-match state with a way out.
  await page.getByRole("combobox", { name: "Last activity" }).selectOption("never");
  await expect(page.getByText("No customers match these filters")).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/activity=never/);
  await expect(results.filter({ hasText: customer.name })).toHaveCount(1);

  // Their page: header, pass, totals, history.
  await results.filter({ hasText: customer.name }).click();
  await expect(page).toHaveURL(new RegExp(`${customer.href}$`));
  await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByRole("img", { name: /Barcode for pass/ })).toBeVisible();
  // Spend once (with its order count), visits once (on the pass), the chart with labelled axes in
  // the merchant's currency, months oldest first in chart and table alike, Delete in its own area.
  await expect(page.getByText(/^[\d,]+ orders?$/)).toBeVisible();
  await expect(page.getByTestId("stat-visits")).toHaveCount(0);
  const chart = page.getByTestId("chart-spend-per-month");
  await expect(chart.getByText("Last 12 months, in USD")).toBeVisible();
  if ((await chart.locator("[data-empty]").count()) === 0) await expect(chart.getByText("Spend (USD)")).toBeVisible();
  await expect(page.getByTestId("danger-zone").getByRole("button", { name: "Delete", exact: true })).toBeVisible();

  // Filter the history to purchases: only purchases remain (or the filtered empty state).
  await page.getByRole("combobox", { name: "Type" }).selectOption("purchase");
  await expect(page).toHaveURL(/type=purchase/);
  await expect(page.getByLabel("Loading the customer's history")).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Type" })).toHaveValue("purchase");
  const rows = page.getByTestId("history-event");
  const count = await rows.count();
  if (count === 0) await expect(page.getByText("No events match these filters.")).toBeVisible();
  for (let i = 0; i < count; i++) await expect(rows.nth(i)).toContainText("Purchase");

  // Export their data as a JSON download.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as { customer: { id: string }; events: unknown[] };
  expect(`/customers/${exported.customer.id}`).toBe(customer.href);
  expect(Array.isArray(exported.events)).toBe(true);

  // Delete them with the typed confirmation; they are gone from the list and their URL.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this customer" });
  await dialog.getByLabel(/Type .* to confirm/).fill("not their name");
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(dialog.getByText("doesn't match")).toBeVisible();
  // The pass serial is always accepted (the name too, when the customer has one).
  await dialog.getByLabel(/Type .* to confirm/).fill(customer.serial);
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL(/\/customers\?deleted=1/);
  await expect(page.getByRole("status")).toContainText("Customer deleted");
  expect((await page.goto(customer.href))?.status()).toBe(404);
  await page.goto(`/customers?q=${encodeURIComponent(customer.serial)}`);
  await expect(page.getByText("No customers match these filters")).toBeVisible();
});

import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./helpers";

const PASS_FILTER_VALUE: Record<string, string> = { Installed: "installed", Removed: "uninstalled", "Never installed": "not_installed" };

/**
 * A customer from deep in the A→Z list, so this journey never deletes someone another spec (which
 * open the first rows of the default order) is looking at.
 */
async function pickCustomer(page: Page, rowIndex: number) {
  await page.goto("/customers?sort=name&dir=asc&page=2");
  const row = page.locator("table tbody tr").nth(rowIndex);
  const link = row.locator("a[href^='/customers/']");
  const name = (await link.textContent())?.trim() ?? "";
  const href = (await link.getAttribute("href")) ?? "";
  const serial = (await row.locator("td").nth(1).locator("span").first().textContent())?.trim() ?? "";
  const passStatus = (await row.locator("td").nth(1).locator("span").nth(1).textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  expect(href).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
  expect(serial).not.toBe("");
  return { name, href, serial, passStatus };
}

test("a manager finds a customer, reads their story, exports their data and deletes them", async ({ page }) => {
  await signIn(page, USERS.manager);
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
  await passFilter.selectOption(PASS_FILTER_VALUE[customer.passStatus] ?? "installed");
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

test("staff see no export or delete controls and the export URLs answer 403", async ({ page }) => {
  await signIn(page, USERS.staff);
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

test("a manager exports the filtered list as CSV", async ({ page }) => {
  await signIn(page, USERS.manager);
  await page.goto("/customers?activity=seen_30d");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toContain("Name,Email,Phone,External ID,Pass serial");
});

test("another merchant's customer is not found, page and export alike", async ({ browser }) => {
  const brew = await browser.newPage();
  await signIn(brew, USERS.owner);
  const customer = await pickCustomer(brew, 12);

  const gym = await browser.newPage();
  await signIn(gym, USERS.gymOwner);
  expect((await gym.goto(customer.href))?.status()).toBe(404);
  expect((await gym.request.get(`${customer.href}/export`)).status()).toBe(404);
  // And nothing happened to them.
  expect((await brew.goto(customer.href))?.status()).toBe(200);
});

test("an owner sees the deletion receipt, lifts a block and reads it in the audit log", async ({ page }) => {
  await signIn(page, USERS.owner);
  const customer = await pickCustomer(page, 16);
  await page.goto(customer.href);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this customer" });
  await dialog.getByLabel(/Type .* to confirm/).fill(customer.serial);
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL(/\/customers\?deleted=1/);

  await page.goto("/settings/privacy");
  // One row per deletion, with one Lift that asks first (no browser confirm()).
  const rows = page.getByTestId("deletion-row");
  await expect(rows.first()).toBeVisible();
  const liftable = rows.filter({ has: page.getByRole("button", { name: /Lift the block/ }) });
  const before = await liftable.count();
  await liftable.first().getByRole("button", { name: /Lift the block/ }).click();
  await page.getByRole("group", { name: /Lift the block/ }).getByRole("button", { name: "Lift block" }).click();
  await expect(liftable).toHaveCount(before - 1);

  await page.goto("/settings/audit-log");
  await page.getByRole("combobox", { name: "Action" }).selectOption("customer.deleted");
  await expect(page).toHaveURL(/action=customer\.deleted/);
  await expect(page.locator("table tbody tr").first()).toContainText("Deleted customer");
  await page.getByRole("combobox", { name: "Action" }).selectOption("suppression.lifted");
  await expect(page.locator("table tbody tr").first()).toContainText("Lifted a deletion block");
});

test("a manager voids an event with a reason and it stays in the history, struck through", async ({ page }) => {
  await signIn(page, USERS.manager);
  const customer = await pickCustomer(page, 20);
  await page.goto(customer.href);
  // The newest event not voided yet (demo data can hold voided ones), found again by its time.
  const voidable = page.getByTestId("history-event").filter({ has: page.getByRole("button", { name: /^Void / }) }).first();
  const at = await voidable.locator("time").getAttribute("datetime");
  const first = page.getByTestId("history-event").filter({ has: page.locator(`time[datetime="${at}"]`) }).first();
  await first.getByRole("button", { name: /^Void / }).click();
  await first.getByLabel("Why void it?").fill("Entered twice");
  await first.getByRole("button", { name: "Void event" }).click();
  await expect(first).toContainText("Entered twice");
  await expect(first).toContainText(/Voided .* by /);
});

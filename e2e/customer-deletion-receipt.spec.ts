import { expect, test } from "./factories";
import { pickCustomer } from "./helpers";

test.use({ signedInAs: "owner" });

test("an owner sees the deletion receipt, lifts a block and reads it in the audit log", async ({ page }) => {
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
  await expect(page.locator("table tbody tr").first()).toContainText(/deleted a customer on request and [\d,]+ events?; their .*pass serial.* cannot come back until the block is lifted/);
  await page.getByRole("combobox", { name: "Action" }).selectOption("suppression.lifted");
  await expect(page.locator("table tbody tr").first()).toContainText(/lifted a deletion block: the deleted customer’s .*pass serial.* can be used again/);
});

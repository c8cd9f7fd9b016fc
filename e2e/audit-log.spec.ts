// The audit log reads as sentences: who changed what, before → after, the customer linked.
import { customerOf, expect, test } from "./factories";
import { uniqueEmail } from "./helpers";

const SHOTS = "test-results/audit-log";

test.use({ signedInAs: "owner" });

test("an owner reads a contact edit and a tier change in the audit log as sentences with before and after", async ({ page, merchant, request }) => {
  const before = uniqueEmail("jose");
  const after = uniqueEmail("jose-new");
  const customer = await customerOf(request, merchant, { name: "José Hernández", email: before });

  await page.goto(`/customers/${customer.id}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit contact details" });
  await dialog.getByLabel("Email").fill(after);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // Gold from $1,500 to $1,600 (the default tiers).
  await page.goto("/settings/loyalty");
  await page.getByTestId("tier-row").last().getByLabel(/^From/).fill("1600");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  const moving = page.getByRole("alertdialog", { name: "Move customers to another tier?" });
  await expect(moving.or(page.getByRole("status"))).toBeVisible();
  if (await moving.isVisible()) await moving.getByRole("button", { name: "Save and move them" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");

  await page.goto("/settings/audit-log");
  const entries = page.getByTestId("audit-entry");
  const owner = merchant.users.owner.name;
  const edit = entries.filter({ hasText: "José Hernández’s email" });
  await expect(edit).toHaveText(`${owner} changed José Hernández’s email from ${before} to ${after}`);
  await expect(edit.getByRole("link", { name: "José Hernández" })).toHaveAttribute("href", `/customers/${customer.id}`);
  await expect(entries.filter({ hasText: "changed points and tiers" })).toContainText(`${owner} changed points and tiers: Gold $1,500.00 → $1,600.00`);
  await expect(entries.filter({ hasText: `${owner} signed in` }).first()).toBeVisible();
  // No developer output: no raw ids, no "key: value" pairs.
  for (const text of await entries.allTextContents()) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|\b\w+: (null|true|false)\b/);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/1280-audit-log.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(edit).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/390-audit-log.png`, fullPage: true });
});

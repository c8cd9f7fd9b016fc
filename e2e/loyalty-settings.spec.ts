import { expect, test } from "./factories";

const SHOTS = "test-results/record-screens";

test.use({ signedInAs: "owner" });

test("owner changes points and tiers, and reads the API guide", async ({ page }) => {
  await page.goto("/settings/loyalty");
  await page.getByLabel(/^Points per 1/).fill("2");
  await expect(page.getByText(/earns 25 points/)).toBeVisible();
  await page.getByRole("button", { name: "Add tier" }).click();
  const rows = page.getByTestId("tier-row");
  const last = rows.last();
  await last.getByLabel(/name$/).fill("Platinum");
  await last.getByLabel(/^From/).fill("3000");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  // Saving may move customers to the new tier: that is asked first.
  const moving = page.getByRole("alertdialog", { name: "Move customers to another tier?" });
  await expect(moving.or(page.getByRole("status"))).toBeVisible();
  if (await moving.isVisible()) await moving.getByRole("button", { name: "Save and move them" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await page.screenshot({ path: `${SHOTS}/owner-loyalty.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId("tier-row").last().getByLabel(/name$/)).toHaveValue("Platinum");

  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto("/settings/api");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  await expect(page.getByText(/curl -X POST http:\/\/localhost:\d+\/api\/v1\/events/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/768-api-guide.png`, fullPage: true });
});

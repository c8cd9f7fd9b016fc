import { expect, test } from "./factories";

// Enough history that moving a tier threshold moves someone.
test.use({ signedInAs: "owner", merchantOptions: { customers: 400, events: 30_000 } });

test("owner validates loyalty settings, builds the rewards catalogue, manages locations, and staff redeem from it", async ({ page, pageAs }) => {
  const tag = `${Date.now()}`.slice(-6);

  // Loyalty: every mistake is named at its field, never "Something went wrong", and nothing is saved.
  await page.goto("/settings/loyalty");
  await page.getByLabel(/^Points per 1/).fill("abc");
  const rows = page.getByTestId("tier-row");
  await rows.last().getByLabel(/^From/).fill("227");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  await expect(page.getByText("Enter a number like 1, 2 or 0.5")).toBeVisible();
  await page.getByLabel(/^Points per 1/).fill("0");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  await expect(page.getByText("must be more than 0")).toBeVisible();
  await page.getByLabel(/^Points per 1/).fill("1");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  await expect(rows.last().getByText(/each tier starts above the one before/)).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  // A valid change that moves customers is shown first; "Don't save" keeps everything.
  await rows.last().getByLabel(/^From/).fill("1000");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  const moving = page.getByRole("alertdialog", { name: "Move customers to another tier?" });
  await expect(moving).toContainText(/This will move [\d,]+ customers? to another tier/);
  await page.screenshot({ path: "test-results/record-screens/owner-loyalty-preview.png" });
  await moving.getByRole("button", { name: "Don’t save" }).click();
  await page.reload();
  await expect(rows.last().getByLabel(/^From/)).toHaveValue(/^1500(\.00)?$/);

  // Rewards catalogue.
  await page.goto("/settings/rewards");
  const reward = `Cake ${tag}`;
  await page.getByLabel("Reward").fill(reward);
  await page.getByLabel("Points cost").fill("0");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByText("A reward costs at least 1 point")).toBeVisible();
  await page.getByLabel("Points cost").fill("5");
  await page.getByRole("button", { name: "Add reward" }).click();
  await expect(page.getByTestId("reward-row").filter({ hasText: reward })).toContainText("5 pts");

  // Locations: add, rename, archive.
  await page.goto("/settings/locations");
  const location = `Kiosk ${tag}`;
  await page.getByLabel("New location").fill(location);
  await page.getByRole("button", { name: "Add location" }).click();
  const row = page.getByTestId("location-row").filter({ hasText: location });
  await row.getByRole("button", { name: `Rename ${location}` }).click();
  await row.getByLabel(`New name for ${location}`).fill(`${location} East`);
  await row.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByTestId("location-row").filter({ hasText: `${location} East` });
  await renamed.getByRole("button", { name: `Archive ${location} East` }).click();
  await expect(renamed).toContainText("Archived");

  // Business: the pass serial format, previewed.
  await page.goto("/settings");
  await expect(page.getByTestId("serial-preview")).toHaveText("BB-XXXXXXXX");
  await page.getByLabel("Prefix").fill("xy");
  await expect(page.getByTestId("serial-preview")).toHaveText("XY-XXXXXXXX");

  // Staff pick the reward from the catalogue; the archived location is not offered.
  const staff = await pageAs("staff", { viewport: { width: 768, height: 1024 } });
  await staff.goto("/record");
  const name = `Redeemer ${tag}`;
  await staff.getByTestId("customer-search").fill(name);
  await staff.getByRole("button", { name: "Add new customer" }).click();
  await staff.getByRole("button", { name: "Add customer" }).click();
  await staff.getByRole("button", { name: "Purchase", exact: true }).click();
  await staff.getByLabel(/^Amount/).fill("9.50");
  await staff.getByLabel(/^Amount/).press("Enter");
  await expect(staff.getByTestId("pass-points")).toHaveText("9");
  await expect(staff.getByLabel("Location").locator("option", { hasText: location })).toHaveCount(0);
  await staff.getByRole("button", { name: "Redemption", exact: true }).click();
  await staff.getByLabel("Reward").selectOption({ label: `${reward} — 5 pts` });
  await expect(staff.getByLabel("Reward").locator("option", { hasText: "Other reward" })).toHaveCount(0);
  await staff.getByRole("button", { name: "Record redemption" }).click();
  await expect(staff.getByTestId("recorded-banner")).toContainText(`Redemption: ${reward} recorded`);
  await expect(staff.getByTestId("pass-points")).toHaveText("4");
  await staff.close();
});

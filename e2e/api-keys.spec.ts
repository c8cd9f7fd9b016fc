import { expect, test } from "./factories";

const SHOTS = "test-results/record-screens";

test.use({ signedInAs: "owner" });

test("owner creates an API key, sees the secret once, then only its prefix", async ({ page }) => {
  await page.goto("/settings/api-keys");
  const name = `Till ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = ((await page.getByTestId("api-key-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^pc_live_[0-9A-Za-z]{32}$/);
  await expect(page.getByText("It won’t be shown again")).toBeVisible();
  const row = page.getByTestId(`api-key-${name}`);
  await expect(row).toContainText(`${secret.slice(0, 16)}…`);
  await page.screenshot({ path: `${SHOTS}/owner-api-key-created.png`, fullPage: true });

  await page.reload();
  await expect(page.getByTestId(`api-key-${name}`)).toContainText(secret.slice(0, 16));
  expect(await page.content()).not.toContain(secret);

  await page.getByTestId(`api-key-${name}`).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId(`api-key-${name}`)).toContainText("Revoked");
});

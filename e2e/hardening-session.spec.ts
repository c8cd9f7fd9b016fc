// Issue #10 over real HTTP against the production server: signing out ends the session (point 3).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { expect, test } from "./factories";

test.use({ signedInAs: "staff" });

test("#10.3 after sign-out a copied session cookie is refused", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const copied = await page.context().cookies();
  await page.locator("summary[aria-label^='Account menu']").first().click();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/customers");
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

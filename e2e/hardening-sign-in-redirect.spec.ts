// Issue #10 over real HTTP against the production server: a sign-in never redirects off the site (point 2).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { expect, test } from "./factories";

for (const callbackUrl of ["/%5Cevil.example/phish", "/%09/evil.example", "/%5C%5Cevil.example"]) {
  test(`#10.2 sign-in with callbackUrl=${callbackUrl} stays on our site`, async ({ page, baseURL, merchant }) => {
    // Nothing leaves this machine: a navigation to the other site is answered here.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, body: "phished" }));
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(merchant.users.manager.email);
    await page.getByLabel("Password").fill(merchant.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // As helpers.signIn: hashing the password takes a while on a busy machine.
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  });
}

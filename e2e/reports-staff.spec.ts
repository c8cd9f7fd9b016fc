import { expect, test } from "./factories";

test.use({ signedInAs: "staff" });

test("staff are refused the Reports page and its export", async ({ page }) => {
  expect((await page.goto("/reports"))?.status()).toBe(403);
  const exported = await page.request.get("/reports/export");
  expect(exported.status()).toBe(403);
});

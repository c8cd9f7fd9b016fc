// Staff are refused segments.
import { expect, test } from "./factories";

test.use({ signedInAs: "staff" });

test("staff cannot reach segments", async ({ page }) => {
  const response = await page.goto("/segments");
  expect(response?.status()).toBe(403);
  expect((await page.goto("/segments/new"))?.status()).toBe(403);
  const exported = await page.request.get("/segments/00000000-0000-7000-8000-000000000000/export");
  expect(exported.status()).toBe(403);
});

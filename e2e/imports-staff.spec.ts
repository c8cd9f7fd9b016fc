// Staff are refused the imports page and the upload route.
import { expect, test } from "./factories";

test.use({ signedInAs: "staff" });

test("staff are refused the imports page and the upload route", async ({ page }) => {
  const response = await page.goto("/imports");
  expect(response?.status()).toBe(403);
  const upload = await page.request.post("/imports/upload", { multipart: { file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") } } });
  expect(upload.status()).toBe(403);
});

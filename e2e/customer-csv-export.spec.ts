import { readFile } from "node:fs/promises";
import { expect, test } from "./factories";


test.use({ signedInAs: "manager" });

test("a manager exports the filtered list as CSV", async ({ page }) => {
  await page.goto("/customers?activity=seen_30d");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.split("\r\n")[0]).toContain("Name,Email,Phone,External ID,Pass serial");
});

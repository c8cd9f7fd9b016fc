// A manager starts a segment from a template and edits it.
import { expect, test } from "./factories";

test.setTimeout(120_000);
test.use({ signedInAs: "manager" });

test("a manager starts from a template and edits it", async ({ page }) => {
  await page.goto("/segments");
  await page.getByRole("link", { name: /5\+ purchases/ }).click();
  await expect(page.getByTestId("segment-sentence")).toHaveText("Customers who made at least 5 purchases");
  const count = page.getByTestId("segment-count");
  await expect(count).toHaveText(/^\d[\d,]*$/);
  await page.getByLabel("Condition 1: how many", { exact: true }).fill("1");
  await expect(page.getByTestId("segment-sentence")).toHaveText("Customers who made at least 1 purchase");
  await page.getByLabel("Condition 1: when").selectOption("last_days");
  await expect(page.getByTestId("segment-sentence")).toContainText("in the last 30 days");
  const name = `Recent buyers ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: `${name} (copy)` })).toBeVisible();
});

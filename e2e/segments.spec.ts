// A manager builds "spent over 500 and no purchase in 60 days" from scratch, watches the count,
// saves, opens the members and exports.
import { expect, test } from "./factories";

test.setTimeout(120_000);
test.use({ signedInAs: "manager" });

test("a manager builds a segment from scratch, saves it, opens the members and exports", async ({ page }) => {
  await page.goto("/segments");
  await page.getByRole("link", { name: "New segment" }).click();
  await expect(page.getByTestId("segment-sentence")).toHaveText("All customers");
  const count = page.getByTestId("segment-count");
  await expect(count).toHaveText(/^\d[\d,]*$/);
  const everyone = await count.textContent();

  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Condition 1: kind").selectOption("sum");
  await page.getByLabel("Condition 1: total", { exact: true }).fill("500");
  await page.getByLabel("Condition 1: total: comparison").selectOption("gt");
  await expect(page.getByTestId("segment-sentence")).toContainText("spent more than $500.00 in total");
  await expect(count).not.toHaveText(everyone ?? "");

  await page.getByRole("button", { name: "Add condition" }).click();
  await page.getByLabel("Condition 2: kind").selectOption("recency");
  await page.getByLabel("Condition 2: within or not").selectOption("not");
  await page.getByLabel("Condition 2: period: number of days").fill("60");
  await expect(page.getByTestId("segment-sentence")).toHaveText("Customers who spent more than $500.00 in total and have made a purchase, but not in the last 60 days");
  await expect(count).toHaveText(/^\d[\d,]*$/);
  await expect(page.getByTestId("segment-share")).toContainText("% of");

  const name = `Big spenders gone quiet ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Save segment" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("table", { name: "Segment members" })).toBeVisible();
  const firstValues = page.getByTestId("member-values").first();
  if (await firstValues.count()) await expect(firstValues).toContainText("spend:");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^big-spenders-gone-quiet-.*\.csv$/);

  await page.goto("/segments");
  await expect(page.getByRole("link", { name })).toBeVisible();
});

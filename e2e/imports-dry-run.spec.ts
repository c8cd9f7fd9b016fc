// A dry run over the whole file shows what an import would do (events, customers, duplicates,
// errors by reason, points, tier changes) and writes nothing. The mapping uses an event-type
// column with a value mapping and a separate date and time column.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./factories";

const shots = process.env.SCREENSHOT_DIR;

test.use({ signedInAs: "manager" });

test("a dry run shows the whole file's counts and writes nothing", async ({ page }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-dry-")), "till.csv");
  writeFileSync(
    file,
    [
      "Card,Date,Time,Type,Amount,Note",
      `DRY-${run}-1,2025-03-01,09:15,Sale,4.50,oat milk`,
      `DRY-${run}-1,2025-03-02,10:00,Visit,0,`,
      `DRY-${run}-2,2025-03-02,11:30,Sale,12.00,`,
      `DRY-${run}-3,2025-03-03,12:00,Refund,-3.00,`,
      `,2025-03-03,12:05,Sale,5.00,`,
      `DRY-${run}-2,2025-03-04,08:00,Mystery,1.00,`,
    ].join("\n"),
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/imports");
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByRole("heading", { name: /Map the columns of till\.csv/ })).toBeVisible();

  // A date column and a time column.
  await page.getByLabel(/^When/).selectOption("pair");
  await expect(page.getByLabel(/^Time column/)).toHaveValue("Time");
  // The event type from a column, each value mapped.
  await page.getByLabel(/^Event type/).selectOption("__column");
  await page.getByLabel(/^Type column/).selectOption("Type");
  await expect(page.getByLabel(/^“Sale” →/)).toHaveValue("purchase");
  await expect(page.getByLabel(/^“Visit” →/)).toHaveValue("visit");
  await expect(page.getByLabel(/^“Refund” →/)).toHaveValue("refund");
  await expect(page.getByLabel(/^“Mystery” →/)).toHaveValue("skip");
  // Keep the note in the event's data.
  // The mapping is applied on the server (the preview re-runs), then the box shows it.
  await page.getByTestId("keep-columns").getByLabel("Note").click();
  await expect(page.getByTestId("keep-columns").getByLabel("Note")).toBeChecked();
  await expect(page.getByTestId("preview-row").first()).toContainText("Mar 1, 2025 9:15 AM");
  if (shots) await page.screenshot({ path: path.join(shots, "imports-mapping-extras-1280.png"), fullPage: true });

  await page.getByRole("button", { name: "Dry run" }).click();
  const result = page.getByTestId("dry-run-result");
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.getByTestId("stat-events-to-create")).toHaveText("4");
  await expect(result.getByTestId("stat-customers-to-create")).toHaveText("3");
  await expect(result.getByTestId("stat-duplicates")).toHaveText("0");
  await expect(result.getByTestId("stat-rows-in-error")).toHaveText("2");
  await expect(result.getByTestId("stat-points-awarded")).not.toHaveText("0");
  await expect(result.getByTestId("stat-customers-whose-tier-changes")).toBeVisible();
  await expect(result.getByTestId("errors-by-reason")).toContainText("No customer: the “Card” cell is empty.");
  await expect(result.getByTestId("errors-by-reason")).toContainText("Skipped: “…” is mapped to skip.");
  if (shots) await page.screenshot({ path: path.join(shots, "imports-dry-run-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1000 });
  if (shots) await page.screenshot({ path: path.join(shots, "imports-dry-run-768.png"), fullPage: true });

  // Nothing was written: no such customer exists.
  await page.goto(`/customers?q=${encodeURIComponent(`DRY-${run}-1`)}`);
  await expect(page.getByText("No customers match these filters")).toBeVisible();
  await page.goto("/imports");
  await expect(page.getByRole("row", { name: /till\.csv/ }).first()).toContainText("dry run");
});

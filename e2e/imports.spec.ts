// A manager imports the coffee machine's real file: upload, mapping with the preview, progress,
// the error file, the customers, undo (staff are refused: imports-staff.spec.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./factories";

const coffee = path.resolve(import.meta.dirname, "..", "../shared/realdata/coffee-vending-bom.csv");
const shots = process.env.SCREENSHOT_DIR;

test.use({ signedInAs: "manager" });

test("a manager imports the coffee file, downloads the error file and undoes the import", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "Imports", exact: true })).toBeVisible();
  await page.getByTestId("import-file").setInputFiles(coffee);
  await expect(page.getByRole("heading", { name: /Map the columns of coffee-vending-bom\.csv/ })).toBeVisible();
  // Cash sales have no card: highlighted with the reason before anything is written.
  await expect(page.getByTestId("preview-error").first()).toContainText("No customer");
  await expect(page.getByTestId("preview-row").first()).toContainText("ANON-0000-0000-0001");
  if (shots) await page.screenshot({ path: path.join(shots, "imports-mapping-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1000 });
  if (shots) await page.screenshot({ path: path.join(shots, "imports-mapping-768.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("succeeded", { timeout: 240_000 });
  await expect(page.getByTestId("stat-rows-in-error")).toHaveText("89");
  await expect(page.getByTestId("stat-events-created")).toHaveText("3,547");
  if (shots) await page.screenshot({ path: path.join(shots, "imports-result-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1000 });
  if (shots) await page.screenshot({ path: path.join(shots, "imports-result-768.png"), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the error file" }).click()]);
  const errors = readFileSync(await download.path(), "utf8").trim().split("\r\n");
  expect(errors[0]).toBe("line,reason,date,datetime,cash_type,card,money,coffee_name");
  expect(errors).toHaveLength(90);

  await page.goto("/customers?q=ANON-0000-0000-0001");
  await expect(page.getByText("ANON-0000-0000-0001").first()).toBeVisible();

  await page.goBack();
  await page.getByRole("button", { name: "Undo this import" }).click();
  // The one confirmation panel, not the browser's confirm().
  await page.getByRole("group", { name: "Undo this import" }).getByRole("button", { name: "Undo this import" }).click();
  // Undoing removes thousands of events and their rollups: allow for a loaded machine.
  await expect(page.getByTestId("import-status")).toHaveText("undone", { timeout: 30_000 });
  await page.goto("/imports");
  await expect(page.getByRole("link", { name: "coffee-vending-bom.csv" }).first()).toBeVisible();
});

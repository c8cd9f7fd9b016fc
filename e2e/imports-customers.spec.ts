// A manager imports a small contact list (the customers kind): picks "a contact list", checks the
// suggested columns and the preview, imports, and finds the customers with their opening balance.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./factories";

const shots = process.env.SCREENSHOT_DIR;

test.use({ signedInAs: "manager" });

test("a manager imports a contact list and sees the customers", async ({ page }) => {
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
  // Phones no factory customer has (a row matching an existing customer would update it instead).
  const digits = () => String(2000000 + Math.floor(Math.random() * 7999999));
  const [phoneA, phoneB] = [digits(), digits()];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-contacts-")), "members.csv");
  writeFileSync(
    file,
    [
      "Card,Member no,Name,Email,Mobile,Points,Level",
      `OLD-${run}-1,M-${run}-1,Ana Pölking ${run},ana-${run}@e2e.test,(917) ${phoneA.slice(0, 3)}-${phoneA.slice(3)},1250,Gold`,
      `OLD-${run}-2,M-${run}-2,Ben Ito ${run},ben-${run}@e2e.test,917 ${phoneB},,`,
      `,M-${run}-3,Cleo ${run},cleo-${run}@e2e.test,not a phone,10,`,
    ].join("\r\n"),
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/imports");
  await page.getByTestId("import-kind").selectOption("customers");
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByRole("heading", { name: /Map the columns of members\.csv/ })).toBeVisible();
  await expect(page.getByLabel(/^Opening points balance/)).toHaveValue("Points");
  await expect(page.getByTestId("preview-row").first()).toContainText(`Ana Pölking ${run} · OLD-${run}-1`);
  await expect(page.getByTestId("preview-row").first()).toContainText(`+1917${phoneA} · 1,250 points · Gold`);
  await expect(page.getByTestId("preview-error").first()).toContainText("not a phone number");
  if (shots) await page.screenshot({ path: path.join(shots, "imports-customers-mapping-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 768, height: 1000 });
  if (shots) await page.screenshot({ path: path.join(shots, "imports-customers-mapping-768.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Start import" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("succeeded", { timeout: 120_000 });
  await expect(page.getByTestId("stat-customers-created")).toHaveText("2");
  await expect(page.getByTestId("stat-opening-balances")).toHaveText("1");
  await expect(page.getByTestId("stat-rows-in-error")).toHaveText("1");

  await page.goto(`/customers?q=${encodeURIComponent(`OLD-${run}-1`)}`);
  await page.getByText(`Ana Pölking ${run}`).first().click();
  await expect(page.getByText("Opening balance").first()).toBeVisible();
  await expect(page.getByText("+1,250 pts").first()).toBeVisible();
});

import { expect, test } from "./factories";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, signedInAs: "staff" });

test("staff are asked about a mistyped amount and a date long ago, and banners say what happened", async ({ page }) => {
  const name = `Typo Test ${Date.now()}`;
  await page.goto("/record");
  await page.getByTestId("customer-search").fill(name);
  await page.getByRole("button", { name: "Add new customer" }).click();
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByTestId("selected-customer")).toHaveText(name);

  // 99,999,999 instead of 9.99: asked, and "Go back" records nothing.
  await page.getByRole("button", { name: "Purchase", exact: true }).click();
  await page.getByLabel(/^Amount/).fill("25000");
  await page.getByRole("button", { name: "Record purchase" }).click();
  const ask = page.getByRole("alertdialog", { name: "Is this right?" });
  await expect(ask).toContainText("far above this shop’s usual purchases");
  await page.screenshot({ path: "test-results/record-screens/390-unusual-amount.png" });
  await ask.getByRole("button", { name: "Go back and fix it" }).click();
  await expect(page.getByTestId("pass-spend")).toHaveText("$0.00");
  // Confirmed, it is recorded, and the Spend tile holds the long amount inside it.
  await page.getByRole("button", { name: "Record purchase" }).click();
  await ask.getByRole("button", { name: "Record anyway" }).click();
  await expect(page.getByTestId("pass-spend")).toHaveText("$25,000.00");
  const tile = page.getByTestId("pass-spend");
  expect(await tile.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0))).toBe(true);
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(page.getByTestId("recorded-banner")).toContainText("undone");

  // A visit dated 2023: asked, then the banner names the date.
  await page.getByRole("button", { name: "Next customer" }).click();
  await page.getByTestId("customer-search").fill(name);
  await page.getByTestId("customer-search").press("Enter");
  await page.getByRole("button", { name: "Earlier…" }).click();
  await page.getByLabel(/^When/).fill("2023-05-02T12:00");
  await page.getByRole("button", { name: "Record visit" }).click();
  await expect(ask).toContainText(/before this shop’s first recorded event|more than 90 days ago/);
  await ask.getByRole("button", { name: "Record anyway" }).click();
  await expect(page.getByTestId("recorded-details")).toContainText("Dated Tue, May 2, 2023, 12:00 PM");

  // A check-out with no open check-in is recorded, with a warning instead of a visit length.
  await page.getByRole("button", { name: "Check-out", exact: true }).click();
  await page.getByRole("button", { name: "Record check-out" }).click();
  await expect(page.getByTestId("recorded-warning")).toContainText("No open check-in");
  // The sticky action bar stays on screen on a phone.
  await expect(page.getByTestId("record-actions")).toBeInViewport();
});

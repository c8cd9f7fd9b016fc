import { expect, test } from "./factories";
import { pickCustomer } from "./helpers";

test.use({ signedInAs: "manager" });

test("a manager voids an event with a reason and it stays in the history, struck through", async ({ page }) => {
  const customer = await pickCustomer(page, 20);
  await page.goto(customer.href);
  // The newest event not voided yet (the generated history holds some voided ones), found again by its time.
  const voidable = page.getByTestId("history-event").filter({ has: page.getByRole("button", { name: /^Void / }) }).first();
  const at = await voidable.locator("time").getAttribute("datetime");
  const first = page.getByTestId("history-event").filter({ has: page.locator(`time[datetime="${at}"]`) }).first();
  await first.getByRole("button", { name: /^Void / }).click();
  await first.getByLabel("Why void it?").fill("Entered twice");
  await first.getByRole("button", { name: "Void event" }).click();
  await expect(first).toContainText("Entered twice");
  await expect(first).toContainText(/Voided .* by /);
});

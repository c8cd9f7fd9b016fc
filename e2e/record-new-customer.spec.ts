import { expect, test } from "./factories";

const SHOTS = "test-results/record-screens";

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, signedInAs: "staff" });

test("the customer link preselects, and an unknown person is added inline", async ({ page }) => {
  await page.goto("/record");
  const name = `Walk In ${Date.now()}`;
  await page.getByTestId("customer-search").fill(name);
  await expect(page.getByText(`No customer matches “${name}”.`)).toBeVisible();
  await page.getByRole("button", { name: "Add new customer" }).click();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await page.getByLabel("Phone").fill("+1 212 555 0142");
  await page.screenshot({ path: `${SHOTS}/768-new-customer.png`, fullPage: true });
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByTestId("selected-customer")).toHaveText(name);
  await page.getByRole("button", { name: "Record visit" }).click();
  await expect(page.getByTestId("pass-visits")).toHaveText("1");
  // Keyboard flow: focus lands on "Next customer", so Enter moves on to the next person.
  await expect(page.getByRole("button", { name: "Next customer" })).toBeFocused();

  // The customer page's "Record event" link: /record?customer=<id> opens with them selected.
  await page.goto("/customers");
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  const id = href?.split("/").pop() ?? "";
  await page.goto(`/record?customer=${id}`);
  await expect(page.getByTestId("selected-customer")).toHaveText(name);
  await expect(page.getByTestId("pass-visits")).toHaveText("1");
  // Wi-Fi drops at the counter: a clear message, and nothing changes on screen.
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "Record visit" }).click();
  await expect(page.getByText("Not recorded: Punchcard could not be reached")).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.getByTestId("pass-visits")).toHaveText("1");
  // Escape goes back to the search.
  await page.getByRole("button", { name: "Check-in" }).press("Escape");
  await expect(page.getByTestId("customer-search")).toBeFocused();
});

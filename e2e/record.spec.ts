import { expect, test, type Page } from "@playwright/test";
import { signIn, USERS } from "./helpers";

const SHOTS = "test-results/record-screens";

async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d-]/g, ""));
}

test.describe("record event at the counter", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("staff finds a customer by pass serial, records a visit and a purchase, undoes it, and is asked before repeating", async ({ page }) => {
    await signIn(page, USERS.staff);

    // A pass serial as staff would read it off the Customers page (not the first row, which
    // other journeys running in parallel are likelier to touch).
    await page.goto("/customers");
    const serial = ((await page.getByText(/^BB-[A-Z0-9]{8}$/).nth(7).textContent()) ?? "").trim();
    expect(serial).toMatch(/^BB-/);

    await page.goto("/record");
    const search = page.getByTestId("customer-search");
    await expect(search).toBeFocused();
    // What a USB barcode scanner does: type the serial, then Enter.
    await search.fill(serial);
    await search.press("Enter");
    await expect(page.getByRole("region", { name: "Selected customer" })).toContainText(serial);

    const visits = await readNumber(page, "pass-visits");
    const points = await readNumber(page, "pass-points");
    await expect(page.getByRole("button", { name: "Visit", exact: true })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Record visit" }).click();
    await expect(page.getByTestId("recorded-banner")).toContainText("Visit recorded");
    await expect(page.getByTestId("pass-visits")).toHaveText(String(visits + 1));
    await page.screenshot({ path: `${SHOTS}/768-recorded-visit.png`, fullPage: true });

    // A purchase: amount, Enter submits.
    await page.getByRole("button", { name: "Purchase", exact: true }).click();
    const amount = page.getByLabel(/^Amount/);
    await expect(amount).toBeFocused();
    await amount.fill("12.50");
    await amount.press("Enter");
    await expect(page.getByTestId("recorded-banner")).toContainText("+12 points");
    await expect(page.getByTestId("pass-points")).toHaveText(String(points + 12));

    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect(page.getByTestId("recorded-banner")).toContainText("Purchase undone");
    await expect(page.getByTestId("pass-points")).toHaveText(String(points));

    // The same visit again within two minutes: asked, not silently duplicated.
    await page.getByRole("button", { name: "Visit", exact: true }).click();
    await page.getByRole("button", { name: "Record visit" }).click();
    const prompt = page.getByRole("alertdialog", { name: "Record again?" });
    await expect(prompt).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/768-record-again.png` });
    await page.keyboard.press("Escape");
    await expect(prompt).toBeHidden();
    await expect(page.getByTestId("pass-visits")).toHaveText(String(visits + 1));
    await page.getByRole("button", { name: "Record visit" }).click();
    await prompt.getByRole("button", { name: "Record again" }).click();
    await expect(page.getByTestId("pass-visits")).toHaveText(String(visits + 2));

    // Phone width: the same screen, then the search with results.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/390-recorded.png`, fullPage: true });
    await page.getByRole("button", { name: "Next customer" }).click();
    await page.getByTestId("customer-search").fill(serial.slice(3, 7));
    await expect(page.getByRole("listbox", { name: "Matching customers" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/390-search.png`, fullPage: true });
  });

  test("the customer link preselects, and an unknown person is added inline", async ({ page }) => {
    await signIn(page, USERS.staff);
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
});

test("owner creates an API key, sees the secret once, then only its prefix", async ({ page }) => {
  await signIn(page, USERS.owner);
  await page.goto("/settings/api-keys");
  const name = `Till ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = ((await page.getByTestId("api-key-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^pc_live_[0-9A-Za-z]{32}$/);
  await expect(page.getByText("It won’t be shown again")).toBeVisible();
  const row = page.getByTestId(`api-key-${name}`);
  await expect(row).toContainText(`${secret.slice(0, 16)}…`);
  await page.screenshot({ path: `${SHOTS}/owner-api-key-created.png`, fullPage: true });

  await page.reload();
  await expect(page.getByTestId(`api-key-${name}`)).toContainText(secret.slice(0, 16));
  expect(await page.content()).not.toContain(secret);

  await page.getByTestId(`api-key-${name}`).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByTestId(`api-key-${name}`)).toContainText("Revoked");
});

test("owner changes points and tiers, and reads the API guide", async ({ page }) => {
  // Iron Temple, so Brew & Bean's points stay as the record journey expects.
  await signIn(page, USERS.gymOwner);
  await page.goto("/settings/loyalty");
  await page.getByLabel(/^Points per 1/).fill("2");
  await expect(page.getByText(/earns 25 points/)).toBeVisible();
  await page.getByRole("button", { name: "Add tier" }).click();
  const rows = page.getByTestId("tier-row");
  const last = rows.last();
  await last.getByLabel(/name$/).fill("Platinum");
  await last.getByLabel(/^From/).fill("3000");
  await page.getByRole("button", { name: "Save loyalty settings" }).click();
  // Saving may move customers to the new tier: that is asked first.
  const moving = page.getByRole("alertdialog", { name: "Move customers to another tier?" });
  await expect(moving.or(page.getByRole("status"))).toBeVisible();
  if (await moving.isVisible()) await moving.getByRole("button", { name: "Save and move them" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");
  await page.screenshot({ path: `${SHOTS}/owner-loyalty.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId("tier-row").last().getByLabel(/name$/)).toHaveValue("Platinum");

  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto("/settings/api");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  await expect(page.getByText(/curl -X POST http:\/\/localhost:\d+\/api\/v1\/events/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/768-api-guide.png`, fullPage: true });
});

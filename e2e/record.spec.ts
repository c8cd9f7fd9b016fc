import type { Page } from "@playwright/test";
import { expect, test } from "./factories";

const SHOTS = "test-results/record-screens";

async function readNumber(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d-]/g, ""));
}

test.describe("record event at the counter", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, signedInAs: "staff" });

  test("staff finds a customer by pass serial, records a visit and a purchase, undoes it, and is asked before repeating", async ({ page }) => {
    // A pass serial as staff would read it off the Customers page.
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
});

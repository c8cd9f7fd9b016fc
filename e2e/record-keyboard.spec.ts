import { expect, test } from "./factories";

// One journey: a new person at the counter, then found again the way staff really type.
test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, signedInAs: "staff" });

test("staff add a customer, record with the keyboard alone, and find them again without accents", async ({ page }) => {
  const tag = `${Date.now()}`.slice(-6);
  const name = `Zoë Brontë-Núñez ${tag}`;
  const digits = `212555${tag.slice(-4)}`;
  await page.goto("/record");
  const search = page.getByTestId("customer-search");
  await search.fill(name);
  await expect(page.getByText(`No customer matches “${name}”.`)).toBeVisible();
  await page.getByRole("button", { name: "Add new customer" }).click();
  await page.getByLabel("Phone").fill(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByTestId("selected-customer")).toHaveText(name);
  // Stored in E.164, shown formatted.
  await expect(page.getByRole("region", { name: "Selected customer" })).toContainText(`+1 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`);

  // After "Add customer" the keyboard is on "Record visit": Enter records.
  const record = page.getByRole("button", { name: "Record visit" });
  await expect(record).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pass-visits")).toHaveText("1");
  await page.keyboard.press("Enter"); // "Next customer" has the focus
  await expect(search).toBeFocused();

  // Accent- and case-insensitive, every word in any order; Enter on the only hit picks it.
  await search.fill(`nunez ${tag} ZOE`);
  await expect(page.getByRole("option")).toHaveCount(1);
  await search.press("Enter");
  await expect(page.getByTestId("selected-customer")).toHaveText(name);
  await expect(record).toBeFocused();
  // The same repeated: "Record again?" — after closing it the keyboard is back on the button.
  await page.keyboard.press("Enter");
  const again = page.getByRole("alertdialog", { name: "Record again?" });
  await expect(again).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(again).toBeHidden();
  await expect(record).toBeFocused();
  // Escape goes back to the search.
  await page.keyboard.press("Escape");
  await expect(search).toBeFocused();

  // Phones match however they are typed.
  for (const typed of [`+1${digits}`, digits, `${digits.slice(3, 6)} ${digits.slice(6)}`]) {
    await search.fill(typed);
    await expect(page.getByRole("option", { name: new RegExp(tag) })).toBeVisible();
  }
  // A click on a result puts the keyboard on the button too.
  await page.getByRole("option", { name: new RegExp(tag) }).getByRole("button").click();
  await expect(record).toBeFocused();

  // Broad searches say there are more than shown.
  await page.keyboard.press("Escape");
  await search.fill("an");
  await expect(page.getByTestId("search-more")).toContainText(/^8 of [\d,]+\+? — keep typing/);
});

import { auth, uniqueSerial } from "./api-helpers";
import { expect, test } from "./factories";
import { uniqueEmail } from "./helpers";

test.use({ signedInAs: "manager" });

// Editing a customer's details follows the rules of creating one, and says "Saved".
test("a manager edits contact details: another customer's email and a blank record are refused, a change is saved", async ({ page, merchant }) => {
  const mine = { serial: uniqueSerial("EDIT"), email: uniqueEmail("edit-me") };
  const theirs = { serial: uniqueSerial("OTHER"), email: uniqueEmail("someone-else") };
  let id = "";
  for (const c of [theirs, mine]) {
    const response = await page.request.post("/api/v1/events", {
      headers: auth(merchant.apiKey),
      data: { type: "pass_installed", customer: { passSerial: c.serial, name: `Edit ${c.serial.slice(-6)}`, email: c.email }, createCustomer: true, data: { platform: "apple" } },
    });
    expect(response.status(), await response.text()).toBe(201);
    id = ((await response.json()) as { event: { customerId: string } }).event.customerId;
  }

  await page.goto(`/customers/${id}`);
  const open = async () => {
    await page.getByRole("button", { name: "Edit details" }).click();
    return page.getByRole("dialog", { name: "Edit contact details" });
  };

  let dialog = await open();
  await dialog.getByLabel("Email").fill(theirs.email.toUpperCase());
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/already has this email/)).toBeVisible();

  await dialog.getByLabel("Name").fill("");
  await dialog.getByLabel("Email").fill("");
  await dialog.getByLabel("Phone").fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Keep a name, email or phone number")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  dialog = await open();
  await dialog.getByLabel("Name").fill("Edited Name");
  // A random number, so no other customer already has it (that would be refused, rightly).
  const digits = (n: number, from: number) => String(from + Math.floor(Math.random() * (10 ** n - from))).padStart(n, "0");
  await dialog.getByLabel("Phone").fill(`(${digits(3, 201)}) ${digits(3, 201)}-${digits(4, 0)}`);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Edited Name" })).toBeVisible();

  // The history's date range the wrong way round says so.
  await page.getByLabel("From", { exact: true }).fill("2025-06-05");
  await page.getByLabel("To", { exact: true }).fill("2025-06-01");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is after “To”" })).toBeVisible();
});

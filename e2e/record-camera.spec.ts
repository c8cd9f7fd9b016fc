import { expect, test } from "./factories";
import { BROWSER_ARGS, resolveBrowser } from "../scripts/browser";

const SHOTS = "test-results/record-screens";

// A fake camera (a test pattern, no barcode): checks the button appears on a device with a
// camera, the scanner (zxing here: desktop Linux Chromium has no BarcodeDetector) starts, and
// Escape closes it.
test.use({
  viewport: { width: 768, height: 1024 },
  signedInAs: "staff",
  permissions: ["camera"],
  launchOptions: {
    executablePath: (await resolveBrowser()).executablePath,
    args: [...BROWSER_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
  },
});

test("the camera scanner opens and closes", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/record");
  await page.getByRole("button", { name: "Scan with camera" }).click();
  const dialog = page.getByRole("dialog", { name: "Scan the pass barcode" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("Starting camera…")).toBeHidden({ timeout: 15_000 });
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/768-camera.png` });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Scan with camera" })).toBeFocused();
  expect(errors).toEqual([]);
});

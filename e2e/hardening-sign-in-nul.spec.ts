// Issue #10 over real HTTP against the production server: a NUL in the email never shows internal text (point 4).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { postSignIn } from "./helpers";

test("#10.4 a NUL in the email gets the generic sign-in error, never internal text", async ({ baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const { error, location } = await postSignIn(api, "owner\u0000@brewbean.test", "punchcard-demo");
  expect(error).toBe("CredentialsSignin");
  expect(decodeURIComponent(location)).not.toMatch(/prisma|invocation|invalid .*invocation|\\u0000/i);
  await api.dispose();
});

// Issue #10 over real HTTP against the production server: parallel sign-ins are throttled (point 1).
// Input bounds are in tests/integration/hardening-input.test.ts.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { postSignIn, uniqueEmail } from "./helpers";

test("#10.1 parallel sign-in attempts: at most 10 passwords are checked per account and address", async ({ baseURL }) => {
  const email = uniqueEmail("throttle");
  const clients = await Promise.all(Array.from({ length: 30 }, () => playwrightRequest.newContext({ baseURL })));
  const outcomes = await Promise.all(clients.map((api, i) => postSignIn(api, email, `wrong-${i}`)));
  const checked = outcomes.filter((o) => o.error === "CredentialsSignin").length;
  expect(checked, JSON.stringify(outcomes.map((o) => o.error))).toBeLessThanOrEqual(10);
  expect(outcomes.filter((o) => o.error === "TooManyAttempts").length).toBeGreaterThanOrEqual(20);
  await Promise.all(clients.map((c) => c.dispose()));
});

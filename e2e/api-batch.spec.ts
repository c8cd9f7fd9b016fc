// Real HTTP against the production build: recording events the way a till does, with retries.
import { auth, createCustomerViaApi, errorOf, eventsOf, uniqueSerial } from "./api-helpers";
import { expect, test } from "./factories";

test("a batch records the valid events and lists the invalid ones with their paths", async ({ request, merchant }) => {
  const serial = uniqueSerial("batch");
  await createCustomerViaApi(request, serial, merchant.apiKey);
  const ref = { passSerial: serial };
  const response = await request.post("/api/v1/events", {
    headers: auth(merchant.apiKey),
    data: {
      events: [
        { type: "visit", customer: ref, location: "Riverside", idempotencyKey: `${serial}-1` },
        { type: "purchase", customer: ref, amount: "abc" },
        { type: "purchase", customer: ref, amount: "9.99", idempotencyKey: `${serial}-2` },
        { type: "visit", customer: { passSerial: `${serial}-MISSING` } },
        { type: "redemption", customer: ref, data: { reward: "Free Coffee", pointsCost: 5000 } },
        { type: "purchase", customer: ref },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const { results } = (await response.json()) as { results: { status: string; error?: { code: string; path?: string } }[] };
  expect(results.map((r) => r.status)).toEqual(["created", "error", "created", "error", "error", "error"]);
  expect(results[1]?.error).toMatchObject({ code: "validation_error", path: "events[1].amount" });
  expect(results[3]?.error).toMatchObject({ code: "customer_not_found", path: "events[3].customer" });
  expect(results[4]?.error).toMatchObject({ code: "insufficient_points", path: "events[4].data.pointsCost" });
  expect(results[5]?.error).toMatchObject({ code: "validation_error", path: "events[5].amount" });
  expect((await eventsOf(request, serial, merchant.apiKey)).map((e) => e.type).sort()).toEqual(["pass_installed", "purchase", "visit"]);

  const tooMany = await request.post("/api/v1/events", { headers: auth(merchant.apiKey), data: { events: Array.from({ length: 1001 }, () => ({ type: "visit", customer: ref })) } });
  expect(await errorOf(tooMany)).toMatchObject({ status: 422, code: "batch_too_large", path: "events" });
});

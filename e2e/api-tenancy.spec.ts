// Real HTTP against the production build: one merchant's key never reaches another's customers.
import { auth, createCustomerViaApi, errorOf, eventsOf, uniqueSerial } from "./api-helpers";
import { createMerchant, expect, test } from "./factories";

test("another merchant's key cannot look up or record for this merchant's pass", async ({ request, merchant }) => {
  const other = await createMerchant(request, { label: "api-tenancy-other", customers: 10, events: 200 });
  const ourKey = merchant.apiKey;
  const theirKey = other.apiKey;
  const serial = uniqueSerial("tenant");
  const ourCustomerId = await createCustomerViaApi(request, serial, ourKey);

  expect(await errorOf(await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(theirKey) }))).toMatchObject({ status: 404, code: "customer_not_found" });
  const post = await request.post("/api/v1/events", { headers: auth(theirKey), data: { type: "purchase", customer: { passSerial: serial }, amount: "50.00" } });
  expect(await errorOf(post)).toMatchObject({ status: 422, code: "customer_not_found" });
  const byId = await request.post("/api/v1/events", { headers: auth(theirKey), data: { type: "visit", customer: { id: ourCustomerId } } });
  expect(await errorOf(byId)).toMatchObject({ status: 422, code: "customer_not_found" });
  expect(await errorOf(await request.get(`/api/v1/events?customer=${ourCustomerId}`, { headers: auth(theirKey) }))).toMatchObject({ status: 404, code: "customer_not_found" });

  // This merchant's customer is untouched: only the event that created it.
  const ourEvents = await eventsOf(request, serial, ourKey);
  expect(ourEvents.map((e) => e.type)).toEqual(["pass_installed"]);
  const ourLookup = await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(ourKey) });
  expect(await ourLookup.json()).toMatchObject({ customer: { id: ourCustomerId }, pass: { pointsBalance: 0, lifetimeSpend: "0.00" } });
  // And the other merchant's own event list never shows this merchant's customer.
  const theirEvents = (await (await request.get("/api/v1/events?limit=200", { headers: auth(theirKey) })).json()) as { data: { customerId: string }[] };
  expect(theirEvents.data.some((e) => e.customerId === ourCustomerId)).toBe(false);
});

// Real HTTP against the production build: recording events the way a till does, with retries.
import { auth, createCustomerViaApi, errorOf, eventsOf, uniqueSerial } from "./api-helpers";
import { expect, test } from "./factories";

test("a scan is looked up, a purchase recorded, a retry replayed and a changed retry refused", async ({ request, merchant }) => {
  const serial = uniqueSerial("idem");
  const customerId = await createCustomerViaApi(request, serial, merchant.apiKey);
  const lookup = await request.get(`/api/v1/customers/lookup?passSerial=${serial}`, { headers: auth(merchant.apiKey) });
  expect(lookup.status()).toBe(200);
  expect(await lookup.json()).toMatchObject({ customer: { id: customerId, passSerial: serial, passStatus: "installed" }, pass: { pointsBalance: 0, visitCount: 0 } });

  const key = `till-1-${serial}`;
  const purchase = { type: "purchase", customer: { passSerial: serial }, amount: 127.5, location: "Downtown", data: { items: 4 } };
  const first = await request.post("/api/v1/events", { headers: { ...auth(merchant.apiKey), "Idempotency-Key": key }, data: purchase });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as { event: { id: string; amount: string; location: string }; pass: { lifetimeSpend: string } };
  expect(created.event).toMatchObject({ amount: "127.50", location: "Downtown" });
  expect(created.pass.lifetimeSpend).toBe("127.50");

  const replay = await request.post("/api/v1/events", { headers: { ...auth(merchant.apiKey), "Idempotency-Key": key }, data: purchase });
  expect(replay.status()).toBe(200);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(((await replay.json()) as { event: { id: string } }).event.id).toBe(created.event.id);

  const changed = await request.post("/api/v1/events", { headers: { ...auth(merchant.apiKey), "Idempotency-Key": key }, data: { ...purchase, amount: "12.00" } });
  expect(await errorOf(changed)).toMatchObject({ status: 422, code: "idempotency_conflict" });
  expect((await eventsOf(request, serial, merchant.apiKey)).filter((e) => e.type === "purchase")).toHaveLength(1);
});

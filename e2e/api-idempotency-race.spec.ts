// Real HTTP against the production build: recording events the way a till does, with retries.
import { auth, createCustomerViaApi, eventsOf, uniqueSerial } from "./api-helpers";
import { expect, test } from "./factories";

test("250 concurrent retries with one Idempotency-Key record exactly one event", async ({ request, merchant }) => {
  // Retries of one key are answered one after another (each waits for the previous to commit).
  test.setTimeout(180_000);
  const serial = uniqueSerial("race");
  await createCustomerViaApi(request, serial, merchant.apiKey);
  const key = `race-${serial}`;
  const body = { type: "purchase", customer: { passSerial: serial }, amount: "4.50" };
  const responses = await Promise.all(
    Array.from({ length: 250 }, () => request.post("/api/v1/events", { headers: { ...auth(merchant.apiKey), "Idempotency-Key": key }, data: body, timeout: 60_000 })),
  );
  const statuses = responses.map((r) => r.status());
  // A key allows bursts of 200 requests, so some of the 250 may be rate-limited (429);
  // those record nothing. Every other answer must name the same single event.
  const answered = responses.filter((r) => r.status() !== 429);
  expect(answered.length).toBeGreaterThanOrEqual(150);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(answered.every((r) => r.status() === 201 || r.status() === 200), JSON.stringify(statuses)).toBe(true);
  const ids = new Set(await Promise.all(answered.map(async (r) => ((await r.json()) as { event: { id: string } }).event.id)));
  expect(ids.size).toBe(1);
  const purchases = (await eventsOf(request, serial, merchant.apiKey)).filter((e) => e.type === "purchase");
  expect(purchases).toHaveLength(1);
  expect(purchases[0]?.id).toBe([...ids][0]);
});

// Real HTTP against the production build: recording events the way a till does, with retries.
import { auth, createCustomerViaApi, uniqueSerial } from "./api-helpers";
import { expect, test } from "./factories";

test("a customer's events page newest first through the cursor", async ({ request, merchant }) => {
  const serial = uniqueSerial("page");
  await createCustomerViaApi(request, serial, merchant.apiKey);
  const events = Array.from({ length: 7 }, (_, i) => ({ type: "visit", customer: { passSerial: serial }, occurredAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }));
  expect((await request.post("/api/v1/events", { headers: auth(merchant.apiKey), data: { events } })).status()).toBe(200);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await request.get(`/api/v1/events?customer=${serial}&type=visit&limit=3${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(merchant.apiKey) });
    expect(page.status()).toBe(200);
    const body = (await page.json()) as { data: { occurredAt: string }[]; nextCursor: string | null };
    seen.push(...body.data.map((e) => e.occurredAt));
    cursor = body.nextCursor;
  } while (cursor);
  expect(seen).toEqual(events.map((e) => e.occurredAt).reverse());
});

import { describe, expect, it } from "vitest";
import type { MerchantScope } from "@/lib/auth/session";
import type { RecordResult } from "@/lib/events/types";
import { EventCoalescer } from "./coalesce";

const scope: MerchantScope = { merchantId: "m1", merchant: { id: "m1", name: "Shop", timeZone: "UTC", currency: "USD" } };
const source = { kind: "api", apiKeyId: "k1", apiKeyName: "Till" } as const;

function fakeRecorder(fail?: (inputs: unknown[]) => boolean) {
  const calls: unknown[][] = [];
  let release: (() => void)[] = [];
  const record = async (_scope: MerchantScope, inputs: unknown[]): Promise<RecordResult[]> => {
    calls.push(inputs);
    await new Promise<void>((r) => release.push(r));
    if (fail?.(inputs)) throw new Error("boom");
    return inputs.map((input) => ({ status: "error", error: { code: "validation_error", message: JSON.stringify(input) } }));
  };
  const releaseAll = async () => {
    for (let i = 0; i < 20; i++) {
      const pending = release;
      release = [];
      pending.forEach((r) => r());
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { calls, record, releaseAll };
}

const messageOf = (r: RecordResult) => (r.status === "error" ? r.error.message : r.status);

describe("EventCoalescer", () => {
  it("sends the first event at once and groups those that arrive meanwhile, in order", async () => {
    const fake = fakeRecorder();
    const coalescer = new EventCoalescer(fake.record, { maxInFlight: 1, maxBatch: 100 });
    const results = Array.from({ length: 5 }, (_, i) => coalescer.submit(scope, source, { n: i }));
    await fake.releaseAll();
    expect(fake.calls).toEqual([[{ n: 0 }], [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]]);
    expect((await Promise.all(results)).map(messageOf)).toEqual([0, 1, 2, 3, 4].map((n) => JSON.stringify({ n })));
  });

  it("never puts one idempotency key twice in a batch", async () => {
    const fake = fakeRecorder();
    const coalescer = new EventCoalescer(fake.record, { maxInFlight: 1, maxBatch: 100 });
    const all = [coalescer.submit(scope, source, { n: 0 }), ...[1, 2, 3].map((n) => coalescer.submit(scope, source, { n, idempotencyKey: "same" }))];
    await fake.releaseAll();
    await Promise.all(all);
    expect(fake.calls.map((c) => c.length)).toEqual([1, 1, 1, 1]);
  });

  it("caps batches and keeps keys apart", async () => {
    const fake = fakeRecorder();
    const coalescer = new EventCoalescer(fake.record, { maxInFlight: 1, maxBatch: 2 });
    const all = [0, 1, 2, 3, 4].map((n) => coalescer.submit(scope, source, { n }));
    all.push(coalescer.submit(scope, { ...source, apiKeyId: "k2" }, { other: true }));
    await fake.releaseAll();
    await Promise.all(all);
    expect(fake.calls).toEqual([[{ n: 0 }], [{ other: true }], [{ n: 1 }, { n: 2 }], [{ n: 3 }, { n: 4 }]]);
  });

  it("retries each event alone when a shared transaction fails, so only the bad one fails", async () => {
    const fake = fakeRecorder((inputs) => inputs.some((i) => (i as { bad?: boolean }).bad === true));
    const coalescer = new EventCoalescer(fake.record, { maxInFlight: 1, maxBatch: 100 });
    const first = coalescer.submit(scope, source, { n: 0 });
    const good = coalescer.submit(scope, source, { n: 1 });
    const bad = coalescer.submit(scope, source, { bad: true });
    const settled = Promise.allSettled([first, good, bad]);
    await fake.releaseAll();
    const [a, b, c] = await settled;
    expect([a?.status, b?.status, c?.status]).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(fake.calls).toEqual([[{ n: 0 }], [{ n: 1 }, { bad: true }], [{ n: 1 }], [{ bad: true }]]);
  });
});

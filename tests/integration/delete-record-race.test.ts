// Deleting a customer while a batch records for them: the lock order (lib/events/locks.ts) makes
// one wait for the other instead of a deadlock (40P01), which this raced 24 times in 25 before.
import { describe, expect, it } from "vitest";
import { deleteCustomer } from "@/lib/customers/privacy";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { uuidv7 } from "@/lib/ids";
import { createContext } from "../support/factories";

const RUNS = 25;
const CUSTOMERS = 40;
const PER_CUSTOMER = 10;

describe("deleting a customer while recording for them", () => {
  it(`never deadlocks in ${RUNS} races, and each run ends in one of the two orders`, async () => {
    const outcomes = { recordedThenDeleted: 0, refused: 0 };
    for (let run = 0; run < RUNS; run++) {
      const context = await createContext("owner");
      const m = context.merchantId;
      const ids = Array.from({ length: CUSTOMERS }, () => uuidv7());
      await db.customer.createMany({ data: ids.map((id, i) => ({ id, merchantId: m, name: `C${i}`, passSerial: `R-${id}` })) });
      await db.customerPass.createMany({ data: ids.map((customerId) => ({ merchantId: m, customerId })) });
      const victim = ids[run % CUSTOMERS] as string;
      const inputs = ids.flatMap((id) => Array.from({ length: PER_CUSTOMER }, () => ({ type: "visit", customer: { id } })));

      const recording = recordEvents(context, inputs, { kind: "api", apiKeyId: uuidv7(), apiKeyName: "POS" });
      await new Promise((resolve) => setTimeout(resolve, run % 5 * 4));
      const deleting = deleteCustomer(context, { customerId: victim, confirmation: `C${run % CUSTOMERS}` });
      const [recorded, deleted] = await Promise.allSettled([recording, deleting]);
      if (recorded.status === "rejected") throw recorded.reason;
      if (deleted.status === "rejected") throw deleted.reason;

      const results = recorded.value;
      const mine = results.filter((_, i) => inputs[i]?.customer.id === victim);
      const others = results.filter((_, i) => inputs[i]?.customer.id !== victim);
      expect(others.every((r) => r.status === "created")).toBe(true);
      if (mine.every((r) => r.status === "created")) outcomes.recordedThenDeleted++;
      else {
        expect(mine.every((r) => r.status === "error" && r.error.code === "customer_not_found")).toBe(true);
        outcomes.refused++;
      }
      expect(await db.event.count({ where: { merchantId: m, customerId: victim } })).toBe(0);
      expect(await db.event.count({ where: { merchantId: m } })).toBe((CUSTOMERS - 1) * PER_CUSTOMER);
      expect(deleted.value.eventsRemoved).toBe(mine[0]?.status === "created" ? PER_CUSTOMER : 0);
    }
    expect(outcomes.recordedThenDeleted + outcomes.refused).toBe(RUNS);
  }, 300_000);
});

// recordEvents inside a caller's transaction, provenance on events, and the outbox written with them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { uuidv7 } from "@/lib/ids";
import { createContext } from "../support/factories";

async function setup() {
  const context = await createContext("owner");
  const customer = await db.customer.create({ data: { merchantId: context.merchantId, name: "Ada", passSerial: `S-${uuidv7()}`, pass: { create: {} } } });
  return { context, customer };
}

describe("recordEvents in a caller's transaction", () => {
  it("commits with the caller's own writes, and rolls back with them", async () => {
    const { context, customer } = await setup();
    const importId = uuidv7();
    const source = { kind: "import" as const, importId };
    await db.$transaction(async (tx) => {
      const [result] = await recordEvents(context, [{ type: "visit", customer: { id: customer.id } }], source, { tx });
      expect(result?.status).toBe("created");
      await tx.auditLog.create({ data: { merchantId: context.merchantId, actorLabel: "Import", action: "import.progress" } });
    });
    const fail = new Error("the caller gives up");
    await expect(db.$transaction(async (tx) => {
      await recordEvents(context, [{ type: "purchase", amount: "10.00", customer: { id: customer.id } }], source, { tx });
      throw fail;
    })).rejects.toBe(fail);

    const events = await db.event.findMany({ where: { merchantId: context.merchantId } });
    expect(events.map((e) => [e.type, e.importId, e.automationRunId])).toEqual([["visit", importId, null]]);
    const pass = await db.customerPass.findFirstOrThrow({ where: { merchantId: context.merchantId, customerId: customer.id } });
    expect(pass).toMatchObject({ visitCount: 1, pointsBalance: 0 });
    expect(await db.auditLog.count({ where: { merchantId: context.merchantId, action: "import.progress" } })).toBe(1);
    expect(await db.eventOutbox.findMany({ where: { merchantId: context.merchantId }, select: { eventIds: true, source: true } }))
      .toEqual([{ eventIds: [events[0]?.id], source: "import" }]);
  });

  it("writes one outbox row per recorded batch naming exactly its events, and the automation run on each", async () => {
    const { context, customer } = await setup();
    const automationRunId = uuidv7();
    const results = await recordEvents(context, [
      { type: "notification_received", customer: { id: customer.id }, data: { campaign: "Win-back" } },
      { type: "redemption", customer: { id: customer.id }, data: { reward: "Cake", pointsCost: 5 } }, // refused: no points
    ], { kind: "automation", automationRunId });
    expect(results.map((r) => r.status)).toEqual(["created", "error"]);
    const [outbox] = await db.eventOutbox.findMany({ where: { merchantId: context.merchantId } });
    const ids = results.flatMap((r) => (r.status === "created" ? [r.event.id] : []));
    expect(outbox?.eventIds).toEqual(ids);
    expect((await db.event.findFirstOrThrow({ where: { id: ids[0] } })).automationRunId).toBe(automationRunId);
    // An automation's own message is not the customer's activity.
    expect((await db.customerPass.findFirstOrThrow({ where: { customerId: customer.id } })).lastSeenAt).toBeNull();
  });
});

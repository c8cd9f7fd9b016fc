// The daily size snapshot: one row per segment per merchant-local day, re-runs change nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSegment } from "@/lib/segments/saved";
import { takeSegmentSnapshots } from "@/lib/segments/snapshots";
import { segmentTemplate } from "@/lib/segments/templates";
import { addEvents, createCustomer } from "../support/customer-fixtures";
import { createContext } from "../support/factories";

describe("takeSegmentSnapshots", () => {
  it("records each saved segment's size for the merchant's local day, once", async () => {
    const context = await createContext("manager", { timeZone: "Pacific/Auckland" });
    const c = await createCustomer(context, { name: "Kiri" });
    await addEvents(context, c.id, [{ type: "pass_uninstalled", at: "2026-03-01T00:00:00Z" }]);
    const segment = await createSegment(context, { name: "Gone", definition: segmentTemplate("uninstalled")!.definition });
    // 2026-03-14 12:30 UTC is already Mar 15 (01:30) in Auckland.
    const now = new Date("2026-03-14T12:30:00Z");
    await takeSegmentSnapshots(now);
    await takeSegmentSnapshots(new Date(now.getTime() + 3_600_000));
    const rows = await db.segmentSnapshot.findMany({ where: { merchantId: context.merchantId, segmentId: segment.id } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.count])).toEqual([["2026-03-15", 1]]);
    await takeSegmentSnapshots(new Date("2026-03-15T12:30:00Z"));
    expect(await db.segmentSnapshot.count({ where: { merchantId: context.merchantId, segmentId: segment.id } })).toBe(2);
  });
});

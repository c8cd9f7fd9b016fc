import "server-only";
// The daily size snapshot of every saved segment (the list's sparkline). A scheduled job calls
// takeSegmentSnapshots() every hour; each merchant's segments get one row per merchant-local day,
// taken on the first run of that day in the merchant's zone, so a shop in Sydney and one in New
// York each get their own "today". Re-runs on the same local day change nothing.
import { db } from "@/lib/db";
import { localDate } from "@/lib/time";
import { parseDefinition } from "./definition";
import { compileFor, countMembers, loadCompileEnv } from "./evaluate";

export interface SnapshotResult {
  taken: number;
  skipped: number;
}

/** Every merchant's segments that have no snapshot for the merchant's current local day. */
export async function takeSegmentSnapshots(now = new Date()): Promise<SnapshotResult> {
  const merchants = await db.merchant.findMany({
    where: { segments: { some: {} } },
    select: { id: true, name: true, timeZone: true, currency: true },
  });
  const result: SnapshotResult = { taken: 0, skipped: 0 };
  for (const merchant of merchants) {
    const scope = { merchantId: merchant.id, merchant };
    const day = new Date(`${localDate(now, merchant.timeZone)}T00:00:00Z`);
    const pending = await db.segment.findMany({
      where: { merchantId: merchant.id, snapshots: { none: { day } } },
      select: { id: true, definition: true },
    });
    if (pending.length === 0) continue;
    const env = await loadCompileEnv(scope, now);
    for (const segment of pending) {
      const parsed = parseDefinition(segment.definition);
      if (!parsed.ok) {
        result.skipped++;
        continue;
      }
      try {
        const count = await countMembers(compileFor(env, parsed.definition, segment.id));
        const inserted = await db.$executeRaw`
          INSERT INTO segment_snapshots (merchant_id, segment_id, day, count) VALUES (${merchant.id}::uuid, ${segment.id}::uuid, ${day}::date, ${count})
          ON CONFLICT DO NOTHING`;
        result.taken += inserted;
      } catch (error) {
        // One broken segment must not stop the others' snapshots; it is logged and retried next run.
        console.error(`[segments.snapshot] segment ${segment.id} of merchant ${merchant.id} failed`, error);
        result.skipped++;
      }
    }
  }
  return result;
}

import "server-only";
// The whole-file summary an import (and above all its dry run) ends with: rows in error grouped by
// reason, the points its events award, and how many customers' tier it changes. Read from what the
// import's own transaction wrote (a dry run asks before its transaction is rolled back), so it is
// exactly what the write path did, never a second estimate.
import { db } from "@/lib/db";
import { tierSql } from "@/lib/events/fold";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseTiers } from "@/lib/loyalty/rules";

type Tx = Prisma.TransactionClient;

export interface ImportSummary {
  errorsByReason: { reason: string; rows: number }[];
  pointsAwarded: number;
  /** Customers whose tier differs from what it was before the import's events (new customers: from none). */
  tierChanges: number;
  /** Customers kind: values in the file that differ from the customer's and were left as they are. */
  valuesKept?: number;
}

/** The pass changes of the import's live events, read inside the transaction that recorded them. */
export async function passChanges(tx: Tx | typeof db, merchantId: string, importId: string): Promise<Pick<ImportSummary, "pointsAwarded" | "tierChanges">> {
  const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: merchantId }, select: { tiers: true } });
  const [row] = await tx.$queryRaw<{ points: bigint; tiers: bigint }[]>`
    WITH mine AS (
      SELECT customer_id, sum(CASE WHEN type = 'purchase' THEN coalesce(amount, 0) ELSE 0 END) AS spend, sum(points) AS points
      FROM events WHERE merchant_id = ${merchantId}::uuid AND import_id = ${importId}::uuid AND voided_at IS NULL
      GROUP BY customer_id
    )
    SELECT coalesce(sum(m.points), 0)::bigint AS points,
      count(*) FILTER (WHERE p.tier IS DISTINCT FROM (CASE WHEN ic.customer_id IS NOT NULL THEN NULL ELSE ${tierSql(parseTiers(merchant.tiers), Prisma.sql`(p.lifetime_spend - m.spend)`)} END))::bigint AS tiers
    FROM mine m
    JOIN customer_passes p ON p.merchant_id = ${merchantId}::uuid AND p.customer_id = m.customer_id
    LEFT JOIN import_customers ic ON ic.import_id = ${importId}::uuid AND ic.customer_id = m.customer_id`;
  return { pointsAwarded: Number(row?.points ?? 0), tierChanges: Number(row?.tiers ?? 0) };
}

/**
 * A reason with the row's own values taken out, so rows failing for the same reason count
 * together: quoted text that is not a column of the file becomes “…”, numbers become N.
 */
export function reasonKind(reason: string, header: readonly string[]): string {
  const columns = new Set(header);
  return reason.replace(/“([^”]*)”/g, (whole, inner: string) => (columns.has(inner) ? whole : "“…”")).replace(/\d+/g, "N");
}

/** Rows in error by reason, most frequent first (the distinct reasons are few: grouped in SQL first). */
export async function errorsByReason(merchantId: string, importId: string, header: readonly string[]): Promise<ImportSummary["errorsByReason"]> {
  const rows = await db.$queryRaw<{ reason: string; n: bigint }[]>`
    SELECT reason, count(*)::bigint AS n FROM import_errors WHERE import_id = ${importId}::uuid AND merchant_id = ${merchantId}::uuid GROUP BY reason`;
  const byKind = new Map<string, number>();
  for (const row of rows) {
    const kind = reasonKind(row.reason, header);
    byKind.set(kind, (byKind.get(kind) ?? 0) + Number(row.n));
  }
  return [...byKind].map(([reason, n]) => ({ reason, rows: n })).sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason)).slice(0, 50);
}

/** Stores the summary (outside any import transaction, so a dry run keeps it). */
export async function saveSummary(merchantId: string, importId: string, header: readonly string[], changes: Pick<ImportSummary, "pointsAwarded" | "tierChanges">): Promise<void> {
  const errors = await errorsByReason(merchantId, importId, header);
  const current = await db.import.findFirst({ where: { id: importId, merchantId }, select: { summary: true } });
  const kept = (current?.summary as Partial<ImportSummary> | null)?.valuesKept;
  const summary: ImportSummary = { errorsByReason: errors, ...changes, ...(kept !== undefined ? { valuesKept: kept } : {}) };
  await db.import.updateMany({ where: { id: importId, merchantId }, data: { summary: summary as unknown as Prisma.InputJsonValue } });
}

import "server-only";
// Report reads fold first. The events triggers only queue report deltas (report_pending, migration
// 20261203040000) to keep the write path light; folding a merchant's queue before a read makes
// every figure exact and current for every committed event. With nothing queued it costs one
// short statement (an advisory lock and an empty index range).
import type { MerchantScope } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Folds the merchant's queued report deltas into the report rollups; returns how many. */
export async function foldPendingReports(scope: Pick<MerchantScope, "merchantId">, client: Pick<Prisma.TransactionClient, "$queryRaw"> = db): Promise<number> {
  const [row] = await client.$queryRaw<{ folded: number }[]>`SELECT report_rollups_fold(${scope.merchantId}::uuid) AS folded`;
  return row?.folded ?? 0;
}

import "server-only";
// Folds every merchant's queued report deltas each minute (lib/reports/fresh.ts), so the queue
// stays short for merchants nobody reads reports for. Reads fold first anyway: this job is about
// the queue's size, never about correctness.
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob, JobInterrupted } from "@/lib/jobs/define";
import { foldPendingReports } from "./fresh";

/** Folds the queue of every merchant that has one; returns how many deltas. */
export async function foldAllPendingReports(signal?: AbortSignal): Promise<number> {
  // Across merchants on purpose: the one place that does not start from a merchant's scope.
  const merchants = await db.$queryRaw<{ id: string }[]>`SELECT DISTINCT merchant_id::text AS id FROM report_pending`;
  let folded = 0;
  for (const { id } of merchants) {
    if (signal?.aborted) throw new JobInterrupted();
    folded += await foldPendingReports({ merchantId: id });
  }
  return folded;
}

export const reportFoldJob = defineJob({
  name: "report-rollups-fold",
  data: z.object({}),
  expireInSeconds: 10 * 60,
  retryLimit: 0,
  concurrency: 1,
  schedule: { cron: "* * * * *", timeZone: "UTC", data: {} },
  async run(_data, { signal }) {
    await foldAllPendingReports(signal);
  },
});

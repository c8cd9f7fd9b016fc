import "server-only";
// The daily segment size snapshot as a scheduled job on the one queue (lib/jobs). It runs every
// hour (UTC) so that each merchant's segments are measured early in the merchant's own local day;
// takeSegmentSnapshots() writes a day at most once, so extra runs are harmless.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { takeSegmentSnapshots } from "./snapshots";

export const segmentSnapshotJob = defineJob({
  name: "segment-snapshots",
  data: z.object({}),
  expireInSeconds: 30 * 60,
  retryLimit: 1,
  concurrency: 1,
  schedule: { cron: "5 * * * *", timeZone: "UTC", data: {} },
  async run() {
    const result = await takeSegmentSnapshots();
    if (result.taken || result.skipped) console.log(`[segments.snapshot] took ${result.taken}, skipped ${result.skipped}`);
  },
});

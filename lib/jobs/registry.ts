// Every background job of the app, in one list. To add one: defineJob() next to the feature's
// code (lib/<feature>/…-job.ts) and add it here, one line; its queue, workers and schedule are
// created when the queue starts (lib/jobs/queue.ts).
import { importFileJob } from "@/lib/imports/job";
import { reportFoldJob } from "@/lib/reports/fold-job";
import { segmentSnapshotJob } from "@/lib/segments/snapshot-job";
import type { AnyJob } from "./define";

export const JOBS: readonly AnyJob[] = [
  importFileJob,
  reportFoldJob,
  segmentSnapshotJob,
];

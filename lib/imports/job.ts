import "server-only";
// The import as a background job on the one queue (lib/jobs). A stop between chunks hands it
// back to the queue; a worker that dies is noticed by its missing heartbeat; the next attempt
// resumes after the last committed chunk. After the last attempt the import says it failed.
import { z } from "zod";
import { defineJob, JobInterrupted } from "@/lib/jobs/define";
import { markImportFailed, processImport } from "./process";

const RETRIES = 20;

export const importFileJob = defineJob({
  name: "import-file",
  data: z.object({ importId: z.uuid() }),
  // Long enough for a million rows on a slow machine; a dead worker is noticed much sooner (lib/jobs/runs.ts).
  expireInSeconds: 4 * 60 * 60,
  retryLimit: RETRIES,
  retryDelaySeconds: 1,
  concurrency: 1,
  async run({ importId }, { signal, retryCount }) {
    try {
      await processImport(importId, signal);
    } catch (error) {
      if (!(error instanceof JobInterrupted) && retryCount >= RETRIES) await markImportFailed(importId, error);
      throw error;
    }
  },
});

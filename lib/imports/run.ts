import "server-only";
// How every kind of import (events, contact lists) ends: the one place that runs the rows for
// real or as a dry run, writes the summary and sets the final status.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { FileRefused } from "./sniff";
import { passChanges, saveSummary } from "./summary";

type Tx = Prisma.TransactionClient;

/** Thrown by a kind's chunk loop when the user asked to cancel (cancel_requested). */
export class ImportCancelled extends Error {}
class DryRunDone extends Error {}

/**
 * Runs `all` (every chunk of the file), then saves the summary and marks the import succeeded.
 * A dry run gets one transaction (`all` receives it) that is rolled back at the end, so a customer
 * created by an early row is found by a later one exactly as in the real import; what it did to
 * the passes is read just before the rollback. A real run gets null and commits chunk by chunk.
 */
export async function runImportRows(merchantId: string, importId: string, dryRun: boolean, header: readonly string[], all: (dryTx: Tx | null) => Promise<void>): Promise<void> {
  let changes: Awaited<ReturnType<typeof passChanges>> | null = null;
  if (dryRun) {
    await db
      .$transaction(
        async (tx) => {
          await all(tx);
          changes = await passChanges(tx, merchantId, importId);
          throw new DryRunDone();
        },
        { timeout: 60 * 60_000, maxWait: 20_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
  } else await all(null);
  await saveSummary(merchantId, importId, header, changes ?? (await passChanges(db, merchantId, importId)));
  await db.import.update({ where: { id: importId }, data: { status: "succeeded", finishedAt: new Date() } });
}

/** A cancelled import and a refused file are final states; anything else propagates (the job retries). */
export async function endImportOnError(importId: string, error: unknown): Promise<void> {
  if (error instanceof ImportCancelled) {
    await db.import.update({ where: { id: importId }, data: { status: "cancelled", finishedAt: new Date() } });
    return;
  }
  if (error instanceof FileRefused) {
    await db.import.update({ where: { id: importId }, data: { status: "failed", failure: error.message, finishedAt: new Date() } });
    return;
  }
  throw error;
}

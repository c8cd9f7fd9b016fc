"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { cancelImportAction, importStatusAction, undoImportAction } from "@/app/(app)/imports/actions";
import { actionErrorMessage } from "@/components/ui/action-errors";
import { Button, buttonClass } from "@/components/ui/button";
import { Stat } from "@/components/ui/card";
import { ConfirmPanel } from "@/components/ui/confirm";
import type { ImportView } from "@/lib/imports/store";

const LIVE = new Set(["queued", "running"]);

/** Progress read from the import's row (it survives reloads and restarts), then the result. */
export function ImportProgress({ initial }: { initial: ImportView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [confirmingUndo, setConfirmingUndo] = useState(false);
  const [choosingCancel, setChoosingCancel] = useState(false);
  const rate = useRef<{ at: number; rows: number } | null>(null);
  const [rowsPerSecond, setRowsPerSecond] = useState<number | null>(null);
  const status = useAction(importStatusAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      const now = Date.now();
      if (rate.current && now > rate.current.at) setRowsPerSecond(((data.progress.rowsDone - rate.current.rows) * 1000) / (now - rate.current.at));
      rate.current = { at: now, rows: data.progress.rowsDone };
      setView(data);
    },
  });
  const cancel = useAction(cancelImportAction, { onSuccess: () => router.refresh() });
  const undo = useAction(undoImportAction, { onSuccess: () => router.refresh() });
  const { execute } = status;
  useEffect(() => {
    if (!LIVE.has(view.status)) return;
    const timer = setInterval(() => execute({ id: view.id }), 1000);
    return () => clearInterval(timer);
  }, [execute, view.id, view.status]);

  const total = view.progress.rowsTotal;
  const percent = total ? Math.min(100, Math.round((view.progress.rowsDone / total) * 100)) : 0;
  const left = total && rowsPerSecond && rowsPerSecond > 0 ? Math.ceil((total - view.progress.rowsDone) / rowsPerSecond) : null;
  const error = cancel.result.serverError ?? undo.result.serverError;
  return (
    <div className="space-y-4">
      <div>
        <div className="mb-1 flex flex-wrap justify-between gap-2 text-sm">
          <span data-testid="import-status" className="font-medium">{view.status}</span>
          <span className="tabular-nums text-stone-600">
            {view.progress.rowsDone.toLocaleString("en-US")} of {total === null ? "…" : total.toLocaleString("en-US")} rows
            {LIVE.has(view.status) && rowsPerSecond !== null && ` · ${Math.round(rowsPerSecond).toLocaleString("en-US")} rows/s`}
            {LIVE.has(view.status) && left !== null && ` · about ${left} s left`}
          </span>
        </div>
        <div className="h-3 overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Import progress">
          <div className="h-full bg-stone-900 transition-all" style={{ width: `${view.status === "succeeded" ? 100 : percent}%` }} />
        </div>
      </div>
      {view.failure && <p role="alert" className="text-sm text-red-700">{view.failure}</p>}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Stat label={view.kind === "customers" ? "Opening balances" : "Events created"} value={view.counts.events.toLocaleString("en-US")} />
        <Stat label="Customers created" value={view.counts.customersCreated.toLocaleString("en-US")} />
        {view.kind === "customers" && <Stat label="Customers updated" value={view.counts.customersUpdated.toLocaleString("en-US")} />}
        <Stat label={view.kind === "customers" ? "Already there, unchanged" : "Duplicates skipped"} value={view.counts.duplicates.toLocaleString("en-US")} />
        <Stat label="Rows in error" value={view.counts.errors.toLocaleString("en-US")} />
        {view.kind === "events" && <Stat label="Rows grouped into an order" value={view.counts.grouped.toLocaleString("en-US")} />}
      </div>
      <div className="flex flex-wrap gap-2">
        {view.counts.errors > 0 && (
          <a className={buttonClass("secondary")} href={`/imports/${view.id}/errors`} download>
            Download the error file
          </a>
        )}
        {LIVE.has(view.status) &&
          (choosingCancel ? (
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-stone-200 p-2" role="group" aria-label="Cancel the import">
              <span className="text-sm">Stop the import and…</span>
              <Button variant="secondary" disabled={cancel.isPending} onClick={() => cancel.execute({ id: view.id, undo: false })}>Keep what was imported</Button>
              <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.execute({ id: view.id, undo: true })}>{cancel.isPending ? "Stopping…" : "Undo it"}</Button>
              <Button variant="ghost" disabled={cancel.isPending} onClick={() => setChoosingCancel(false)}>Go on importing</Button>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setChoosingCancel(true)}>Cancel…</Button>
          ))}
        {["succeeded", "cancelled", "failed"].includes(view.status) && !view.dryRun && (
          confirmingUndo ? (
            <ConfirmPanel label="Undo this import" confirmLabel="Undo this import" pendingLabel="Undoing…" isPending={undo.isPending} onConfirm={() => undo.execute({ id: view.id })} onCancel={() => setConfirmingUndo(false)}>
              Remove every event and new customer this import created?
            </ConfirmPanel>
          ) : (
            <Button variant="danger" disabled={undo.isPending} onClick={() => setConfirmingUndo(true)}>Undo this import</Button>
          )
        )}
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{actionErrorMessage(error)}</p>}
    </div>
  );
}

"use client";

import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { importStatusAction } from "@/app/(app)/imports/actions";
import { Stat } from "@/components/ui/card";
import type { ImportView } from "@/lib/imports/store";

const n = (value: number) => value.toLocaleString("en-US");

/** A dry run's whole-file counts, polled until it ends; nothing of it was written. */
export function DryRunResult({ initial }: { initial: ImportView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const status = useAction(importStatusAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      setView(data);
      // Finished: the page's list of past imports shows it (the wizard keeps its state).
      if (data.status !== "queued" && data.status !== "running") router.refresh();
    },
  });
  const { execute } = status;
  const live = view.status === "queued" || view.status === "running";
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => execute({ id: view.id }), 700);
    return () => clearInterval(timer);
  }, [execute, live, view.id]);

  if (live) {
    return (
      <p className="text-sm text-stone-600" data-testid="dry-run-running">
        Checking the whole file… {n(view.progress.rowsDone)} of {view.progress.rowsTotal === null ? "…" : n(view.progress.rowsTotal)} rows
      </p>
    );
  }
  if (view.status === "failed") return <p role="alert" className="text-sm text-red-700">{view.failure ?? "The dry run failed."}</p>;
  const s = view.summary;
  const customers = view.kind === "customers";
  return (
    <div className="space-y-3" data-testid="dry-run-result">
      <p className="text-sm text-stone-600">The whole file, {n(view.counts.rows)} rows, checked without writing anything. Importing it now would give:</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {customers ? (
          <>
            <Stat label="Customers to create" value={n(view.counts.customersCreated)} />
            <Stat label="Customers to update" value={n(view.counts.customersUpdated)} />
            <Stat label="Already there, unchanged" value={n(view.counts.duplicates)} />
            <Stat label="Opening balances" value={n(view.counts.events)} />
          </>
        ) : (
          <>
            <Stat label="Events to create" value={n(view.counts.events)} />
            <Stat label="Customers to create" value={n(view.counts.customersCreated)} />
            <Stat label="Duplicates" value={n(view.counts.duplicates)} hint="Already imported or posted by your POS." />
          </>
        )}
        <Stat label="Rows in error" value={n(view.counts.errors)} />
        <Stat label="Points awarded" value={n(s?.pointsAwarded ?? 0)} />
        {!customers && <Stat label="Customers whose tier changes" value={n(s?.tierChanges ?? 0)} />}
      </div>
      {customers && (s?.valuesKept ?? 0) > 0 && <p className="text-sm text-stone-600">{n(s?.valuesKept ?? 0)} values in the file differ from your customers’ and would be left as they are.</p>}
      {s && s.errorsByReason.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="errors-by-reason">
            <thead className="text-xs uppercase text-stone-500">
              <tr>
                <th className="px-2 py-1">Rows in error, by reason</th>
                <th className="px-2 py-1 text-right">Rows</th>
              </tr>
            </thead>
            <tbody>
              {s.errorsByReason.map((e) => (
                <tr key={e.reason} className="border-t border-stone-100">
                  <td className="px-2 py-1">{e.reason}</td>
                  <td className="px-2 py-1 text-right tabular-nums">{n(e.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

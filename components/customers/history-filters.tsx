"use client";

import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";
import { HISTORY_EVENT_TYPES, historyRangeProblem, type HistoryParams } from "@/lib/customers/history-params";
import { EVENT_REGISTRY } from "@/lib/events/registry";
import { buttonClass } from "@/components/ui/button";

const CONTROL = "block w-full min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base sm:text-sm";

/** Type and date-range filters for one customer's history, kept in the URL (GET form). */
export function HistoryFilters({ customerId, params }: { customerId: string; params: HistoryParams }) {
  const formRef = useRef<HTMLFormElement>(null);
  const filtered = Boolean(params.type || params.from || params.to);
  const rangeProblem = historyRangeProblem(params);
  return (
    <Form ref={formRef} action={`/customers/${customerId}`} scroll={false} className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-[minmax(12rem,1fr)_11rem_11rem_auto] lg:max-w-3xl" aria-label="Filter history">
      <label className="col-span-2 block text-sm sm:col-span-1">
        <span className="mb-1 block text-stone-600">Type</span>
        <select name="type" defaultValue={params.type ?? ""} key={params.type ?? ""} onChange={() => formRef.current?.requestSubmit()} className={CONTROL}>
          <option value="">All events</option>
          {HISTORY_EVENT_TYPES.map((t) => <option key={t} value={t}>{EVENT_REGISTRY[t].label}</option>)}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">From</span>
        <input type="date" name="from" defaultValue={params.from ?? ""} key={`from-${params.from ?? ""}`} className={CONTROL} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">To</span>
        <input type="date" name="to" defaultValue={params.to ?? ""} key={`to-${params.to ?? ""}`} className={CONTROL} />
      </label>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass("secondary", "md", "flex-1")}>Apply</button>
        {filtered && <Link href={`/customers/${customerId}#history`} scroll={false} className={buttonClass("ghost")}>Clear</Link>}
      </div>
      {rangeProblem && <p role="alert" className="col-span-2 text-sm text-red-700 sm:col-span-4">{rangeProblem}</p>}
    </Form>
  );
}

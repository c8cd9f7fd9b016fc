"use client";

import type { SegmentWindow } from "@/lib/segments/definition";
import { Input, Select } from "@/components/ui/field";

const ROLLING = ["last_days", "last_weeks", "last_months"] as const;
const UNIT_LABEL = { last_days: "days", last_weeks: "weeks", last_months: "months" } as const;

function amountOf(w: SegmentWindow): number {
  return w.kind === "last_days" ? w.days : w.kind === "last_weeks" ? w.weeks : w.kind === "last_months" ? w.months : 30;
}

function make(kind: SegmentWindow["kind"], n: number, today: string): SegmentWindow {
  switch (kind) {
    case "last_days": return { kind, days: n };
    case "last_weeks": return { kind, weeks: n };
    case "last_months": return { kind, months: n };
    case "between": return { kind, from: today, to: today };
    default: return { kind } as SegmentWindow;
  }
}

/** A condition's window. `rollingOnly` for recency ("within the last N days/weeks/months"). */
export function WindowEditor({ value, onChange, rollingOnly = false, label, today }: {
  value: SegmentWindow; onChange: (w: SegmentWindow) => void; rollingOnly?: boolean; label: string; today: string;
}) {
  const kinds = rollingOnly ? ROLLING : (["all_time", ...ROLLING, "this_month", "last_month", "between"] as const);
  const names: Record<SegmentWindow["kind"], string> = {
    all_time: "ever", last_days: "in the last … days", last_weeks: "in the last … weeks", last_months: "in the last … months",
    this_month: "this month", last_month: "last month", between: "between dates",
  };
  const n = amountOf(value);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label={label} value={value.kind} onChange={(e) => onChange(make(e.target.value as SegmentWindow["kind"], n, today))} className="w-auto">
        {kinds.map((k) => <option key={k} value={k}>{names[k]}</option>)}
      </Select>
      {(value.kind === "last_days" || value.kind === "last_weeks" || value.kind === "last_months") && (
        <Input type="number" min={1} aria-label={`${label}: number of ${UNIT_LABEL[value.kind]}`} className="w-24" value={n}
          onChange={(e) => onChange(make(value.kind, Math.trunc(Number(e.target.value)), today))} />
      )}
      {value.kind === "between" && (
        <>
          <Input type="date" aria-label={`${label}: from`} className="w-auto" value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
          <span className="text-sm text-stone-600">and</span>
          <Input type="date" aria-label={`${label}: to`} className="w-auto" value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
        </>
      )}
    </div>
  );
}

"use client";

import { Field, Select } from "@/components/ui/field";
import { EVENT_REGISTRY, EVENT_TYPES } from "@/lib/events/registry";
import type { ImportMapping } from "@/lib/imports/mapping";

type Patch = (patch: Partial<ImportMapping>) => void;
type Target = "refund" | "skip" | (typeof EVENT_TYPES)[number];
const TYPES = EVENT_TYPES.filter((t) => t !== "custom");

/** Event type: one for the whole file, or a column whose values name it ("Sale" → purchase). */
export function EventTypeChoice({ header, rows, mapping, set, pending }: { header: string[]; rows: string[][]; mapping: ImportMapping; set: Patch; pending: boolean }) {
  const byColumn = "column" in mapping.eventType ? mapping.eventType : null;
  const valuesOf = (column: string) => [...new Set(rows.map((r) => (r[header.indexOf(column)] ?? "").trim()).filter((v) => v !== ""))].slice(0, 20);
  const guess = (value: string): Target => {
    const v = value.toLowerCase().replace(/[^a-z]/g, "");
    if (/refund|return|cancel|void/.test(v)) return "refund";
    const hit = TYPES.find((t) => v === t.replace(/_/g, "") || v === EVENT_REGISTRY[t].label.toLowerCase().replace(/[^a-z]/g, ""));
    return hit ?? (/sale|order|purchase|payment/.test(v) ? "purchase" : "skip");
  };
  const byValues = (column: string, keep: Record<string, Target> = {}) => ({ column, values: Object.fromEntries(valuesOf(column).map((v) => [v, keep[v] ?? guess(v)])) });
  return (
    <>
      <Field label="Event type">
        <Select
          value={byColumn ? "__column" : "fixed" in mapping.eventType ? mapping.eventType.fixed : ""}
          onChange={(e) => set({ eventType: e.target.value === "__column" ? byValues(header[0]!) : { fixed: e.target.value as (typeof TYPES)[number] } })}
          disabled={pending}
        >
          {TYPES.map((t) => (
            <option key={t} value={t}>{t.replace(/_/g, " ")}</option>
          ))}
          <option value="__column">from a column (each value → a type)</option>
        </Select>
      </Field>
      {byColumn && (
        <>
          <Field label="Type column">
            <Select value={byColumn.column} onChange={(e) => set({ eventType: byValues(e.target.value) })} disabled={pending}>
              {header.map((h) => (
                <option key={h} value={h}>{h}</option>
              ))}
            </Select>
          </Field>
          <fieldset className="space-y-2 rounded-lg border border-stone-200 p-3 sm:col-span-2 lg:col-span-3" data-testid="type-values">
            <legend className="px-1 text-sm font-medium text-stone-800">Values of “{byColumn.column}”</legend>
            <p className="text-xs text-stone-500">Values seen in the first rows; any other value in the file is reported as an error row.</p>
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {Object.entries(byColumn.values).map(([value, target]) => (
                <Field key={value} label={`“${value}” →`}>
                  <Select value={target} onChange={(e) => set({ eventType: { column: byColumn.column, values: { ...byColumn.values, [value]: e.target.value as Target } } })} disabled={pending}>
                    {TYPES.map((t) => (
                      <option key={t} value={t}>{t.replace(/_/g, " ")}</option>
                    ))}
                    <option value="refund">refund (no spend)</option>
                    <option value="skip">skip and report</option>
                  </Select>
                </Field>
              ))}
              {Object.keys(byColumn.values).length === 0 && <p className="text-sm text-stone-600">The column is empty in the first rows.</p>}
            </div>
          </fieldset>
        </>
      )}
    </>
  );
}

/** When: one date-time column, or a date column and a time column. */
export function WhenChoice({ header, mapping, set, pending }: { header: string[]; mapping: ImportMapping; set: Patch; pending: boolean }) {
  const pair = "dateColumn" in mapping.when ? mapping.when : null;
  const pick = (label: string, value: string, change: (v: string) => void) => (
    <Field label={label}>
      <Select value={value} onChange={(e) => change(e.target.value)} disabled={pending}>
        {header.map((h) => (
          <option key={h} value={h}>{h}</option>
        ))}
      </Select>
    </Field>
  );
  const single = "column" in mapping.when ? mapping.when.column : (pair?.dateColumn ?? header[0]!);
  return (
    <>
      <Field label="When">
        <Select
          value={pair ? "pair" : "one"}
          onChange={(e) => {
            const timeGuess = header.find((h) => /time|hour/i.test(h) && h !== single) ?? header.find((h) => h !== single) ?? single;
            set({ when: e.target.value === "pair" ? { dateColumn: single, timeColumn: timeGuess } : { column: single } });
          }}
          disabled={pending}
        >
          <option value="one">one date-and-time column</option>
          <option value="pair">a date column and a time column</option>
        </Select>
      </Field>
      {pair ? (
        <>
          {pick("Date column", pair.dateColumn, (v) => set({ when: { ...pair, dateColumn: v } }))}
          {pick("Time column", pair.timeColumn, (v) => set({ when: { ...pair, timeColumn: v } }))}
        </>
      ) : (
        pick("Date and time", single, (v) => set({ when: { column: v } }))
      )}
    </>
  );
}

/** The columns the mapping already uses (not offered as "keep in the event's data"). */
function usedColumns(m: ImportMapping): Set<string> {
  const used = [m.customer.column, m.customer.nameColumn, m.customer.emailColumn, m.customer.phoneColumn, m.currencyColumn, m.groupBy, m.idempotencyColumn, m.locationColumn];
  if ("column" in m.eventType) used.push(m.eventType.column);
  if ("column" in m.when) used.push(m.when.column);
  else used.push(m.when.dateColumn, m.when.timeColumn);
  if (m.amount) used.push(...("column" in m.amount ? [m.amount.column] : [m.amount.quantityColumn, m.amount.unitPriceColumn]));
  return new Set(used.filter((c): c is string => !!c));
}

/** Which other columns are kept in each event's data (at most 30). */
export function KeepColumns({ header, mapping, set, pending }: { header: string[]; mapping: ImportMapping; set: Patch; pending: boolean }) {
  const used = usedColumns(mapping);
  const others = header.filter((h) => !used.has(h));
  if (others.length === 0) return null;
  const kept = new Set(mapping.keepColumns);
  return (
    <fieldset className="rounded-lg border border-stone-200 p-3 sm:col-span-2 lg:col-span-3" data-testid="keep-columns">
      <legend className="px-1 text-sm font-medium text-stone-800">Keep other columns in the event’s data</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {others.map((h) => (
          <label key={h} className="flex min-h-11 items-center gap-2 text-sm sm:min-h-0">
            <input
              type="checkbox"
              className="size-4"
              checked={kept.has(h)}
              disabled={pending || (!kept.has(h) && kept.size >= 30)}
              onChange={(e) => set({ keepColumns: e.target.checked ? [...mapping.keepColumns, h] : mapping.keepColumns.filter((k) => k !== h) })}
            />
            {h}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

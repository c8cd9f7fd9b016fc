"use client";

import { Field, Select } from "@/components/ui/field";
import type { ImportMapping } from "@/lib/imports/mapping";
import { EventTypeChoice, KeepColumns, WhenChoice } from "./mapping-extras";

const ORDER_LABELS = { MDY: "month/day/year", DMY: "day/month/year", YMD: "year/month/day" } as const;

/** The mapping's main choices; every change re-runs the preview on the server. */
export function MappingForm({ header, rows, mapping, dateOrder, onChange, pending }: {
  header: string[];
  /** The sample rows' cells: the values an event-type column is mapped from. */
  rows: string[][];
  mapping: ImportMapping;
  dateOrder: { sample: string; ambiguous: boolean };
  onChange: (mapping: ImportMapping) => void;
  pending: boolean;
}) {
  const set = (patch: Partial<ImportMapping>) => onChange({ ...mapping, ...patch });
  const columns = (value: string | undefined, change: (v: string | undefined) => void, label: string, optional = true) => (
    <Field label={label}>
      <Select value={value ?? ""} onChange={(e) => change(e.target.value || undefined)} disabled={pending}>
        {optional && <option value="">—</option>}
        {header.map((h) => (
          <option key={h} value={h}>{h}</option>
        ))}
      </Select>
    </Field>
  );
  const amountMode = !mapping.amount ? "none" : "column" in mapping.amount ? "column" : "product";
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Field label="Customers are identified by">
        <Select value={mapping.customer.identifyBy} onChange={(e) => set({ customer: { ...mapping.customer, identifyBy: e.target.value as ImportMapping["customer"]["identifyBy"] } })} disabled={pending}>
          <option value="passSerial">pass serial / card id</option>
          <option value="externalId">customer id from your system</option>
          <option value="email">email</option>
        </Select>
      </Field>
      {columns(mapping.customer.column, (v) => v && set({ customer: { ...mapping.customer, column: v } }), "…in the column", false)}
      <Field label="Customers not found yet">
        <Select value={mapping.customer.create ? "create" : "error"} onChange={(e) => set({ customer: { ...mapping.customer, create: e.target.value === "create" } })} disabled={pending}>
          <option value="create">create them</option>
          <option value="error">report the row</option>
        </Select>
      </Field>
      {columns(mapping.customer.nameColumn, (v) => set({ customer: { ...mapping.customer, nameColumn: v } }), "Name (for new customers)")}
      <EventTypeChoice header={header} rows={rows} mapping={mapping} set={set} pending={pending} />
      <WhenChoice header={header} mapping={mapping} set={set} pending={pending} />
      <Field label="Dates read as" hint={dateOrder.ambiguous ? "No value has a day above 12: confirm the order." : "Detected from the values."}>
        <Select value={mapping.dateOrder ?? dateOrder.sample} onChange={(e) => set({ dateOrder: e.target.value as ImportMapping["dateOrder"] })} disabled={pending}>
          {Object.entries(ORDER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </Select>
      </Field>
      <Field label="Amount">
        <Select
          value={amountMode}
          onChange={(e) => {
            const mode = e.target.value;
            const first = header[0]!;
            set({ amount: mode === "none" ? undefined : mode === "column" ? { column: first } : { quantityColumn: first, unitPriceColumn: first } });
          }}
          disabled={pending}
        >
          <option value="none">no amount</option>
          <option value="column">one column</option>
          <option value="product">quantity × unit price</option>
        </Select>
      </Field>
      {mapping.amount && "column" in mapping.amount && columns(mapping.amount.column, (v) => v && set({ amount: { column: v } }), "Amount column", false)}
      {mapping.amount && "quantityColumn" in mapping.amount && (
        <>
          {columns(mapping.amount.quantityColumn, (v) => v && mapping.amount && "quantityColumn" in mapping.amount && set({ amount: { ...mapping.amount, quantityColumn: v } }), "Quantity", false)}
          {columns(mapping.amount.unitPriceColumn, (v) => v && mapping.amount && "unitPriceColumn" in mapping.amount && set({ amount: { ...mapping.amount, unitPriceColumn: v } }), "Unit price", false)}
        </>
      )}
      {columns(mapping.groupBy, (v) => set({ groupBy: v }), "One event per order (order / invoice column)")}
      {columns(mapping.idempotencyColumn, (v) => set({ idempotencyColumn: v }), "Order id already sent by your POS")}
      <Field label="Cancellations and negative amounts">
        <Select value={mapping.negatives} onChange={(e) => set({ negatives: e.target.value as ImportMapping["negatives"] })} disabled={pending}>
          <option value="skip">skip and report</option>
          <option value="refund">record as a refund (no spend)</option>
        </Select>
      </Field>
      <KeepColumns header={header} mapping={mapping} set={set} pending={pending} />
    </div>
  );
}

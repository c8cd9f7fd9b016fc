"use client";

import type { DataFilter, EventMatch } from "@/lib/segments/definition";
import { Input, Select } from "@/components/ui/field";
import { CompareEditor } from "./compare-editor";
import { EVENT_CHOICES, eventChoiceValue, typesFromChoice } from "./defaults";

export interface BuilderNames {
  locations: { id: string; name: string }[];
  segments: { id: string; name: string }[];
  tiers: string[];
}

/** Which events a condition looks at: type(s), and optionally a location, custom name, amount and one data field. */
export function EventMatchEditor({ value, onChange, names, label }: { value: EventMatch; onChange: (m: EventMatch) => void; names: BuilderNames; label: string }) {
  const choice = eventChoiceValue(value.types);
  const filter = value.data?.[0];
  const setFilter = (f: DataFilter | undefined) => onChange({ ...value, data: f ? [f] : undefined });
  const isCustom = Array.isArray(value.types) && value.types.includes("custom");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label={`${label}: event`} className="w-auto" value={choice} onChange={(e) => onChange({ ...value, types: typesFromChoice(e.target.value) })}>
        {EVENT_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        {choice.startsWith("set:") && <option value={choice}>{choice.slice(4).replaceAll(",", " or ")}</option>}
      </Select>
      {isCustom && (
        <Input aria-label={`${label}: custom event name`} placeholder="Custom event name" className="w-40" value={value.customName ?? ""}
          onChange={(e) => onChange({ ...value, customName: e.target.value || undefined })} />
      )}
      {names.locations.length > 0 && (
        <Select aria-label={`${label}: location`} className="w-auto" value={value.locationId ?? ""} onChange={(e) => onChange({ ...value, locationId: e.target.value || undefined })}>
          <option value="">at any location</option>
          {names.locations.map((l) => <option key={l.id} value={l.id}>at {l.name}</option>)}
          {value.locationId && !names.locations.some((l) => l.id === value.locationId) && <option value={value.locationId}>at a deleted location</option>}
        </Select>
      )}
      <Select aria-label={`${label}: amount filter`} className="w-auto" value={value.amount ? "on" : ""} onChange={(e) => onChange({ ...value, amount: e.target.value ? { op: "gte", value: "100" } : undefined })}>
        <option value="">any amount</option>
        <option value="on">amount is…</option>
      </Select>
      {value.amount && <CompareEditor decimal label={`${label}: amount`} value={value.amount} onChange={(amount) => onChange({ ...value, amount })} />}
      <Select aria-label={`${label}: data filter`} className="w-auto" value={filter?.op ?? ""}
        onChange={(e) => {
          const op = e.target.value;
          const field = filter?.field ?? "";
          setFilter(op === "equals" || op === "contains" ? { field, op, value: filter && "value" in filter ? filter.value : "" }
            : op === "one_of" ? { field, op, values: [""] } : op === "compare" ? { field, op, compare: { op: "gte", value: "1" } } : undefined);
        }}>
        <option value="">no data filter</option>
        <option value="equals">where a field is</option>
        <option value="one_of">where a field is one of</option>
        <option value="contains">where a field contains</option>
        <option value="compare">where a number field is</option>
      </Select>
      {filter && (
        <>
          <Input aria-label={`${label}: data field`} placeholder="field, e.g. coffee_name" className="w-44" value={filter.field} onChange={(e) => setFilter({ ...filter, field: e.target.value })} />
          {(filter.op === "equals" || filter.op === "contains") && (
            <Input aria-label={`${label}: data value`} className="w-36" value={filter.value} onChange={(e) => setFilter({ ...filter, value: e.target.value })} />
          )}
          {filter.op === "one_of" && (
            <Input aria-label={`${label}: data values (comma separated)`} className="w-48" value={filter.values.join(",")} onChange={(e) => setFilter({ ...filter, values: e.target.value.split(",") })} />
          )}
          {filter.op === "compare" && <CompareEditor decimal label={`${label}: data number`} value={filter.compare} onChange={(compare) => setFilter({ ...filter, compare })} />}
        </>
      )}
    </div>
  );
}

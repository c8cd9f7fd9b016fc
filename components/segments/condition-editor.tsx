"use client";

import { PASS_STATUSES, type AttributeCondition, type Condition } from "@/lib/segments/definition";
import { Select } from "@/components/ui/field";
import { CompareEditor } from "./compare-editor";
import { CONDITION_KINDS, defaultCondition } from "./defaults";
import { EventMatchEditor, type BuilderNames } from "./event-match-editor";
import { WindowEditor } from "./window-editor";

const ATTRIBUTES: { value: AttributeCondition["attribute"]; label: string }[] = [
  { value: "tier", label: "Tier" }, { value: "points_balance", label: "Points balance" }, { value: "visit_count", label: "Visit count" },
  { value: "lifetime_spend", label: "Lifetime spend" }, { value: "pass_status", label: "Pass status" }, { value: "customer_since", label: "Customer since" },
];

function defaultAttribute(attribute: AttributeCondition["attribute"], tiers: string[]): AttributeCondition {
  switch (attribute) {
    case "tier": return { kind: "attribute", attribute, op: "in", values: [tiers[0] ?? null] };
    case "pass_status": return { kind: "attribute", attribute, op: "in", values: ["installed"] };
    case "points_balance": return { kind: "attribute", attribute, compare: { op: "gte", value: 100 } };
    case "visit_count": return { kind: "attribute", attribute, compare: { op: "gte", value: 10 } };
    case "lifetime_spend": return { kind: "attribute", attribute, compare: { op: "gte", value: "500" } };
    case "customer_since": return { kind: "attribute", attribute, window: { kind: "last_days", days: 30 } };
  }
}

function Checks<T extends string | null>({ options, value, onChange, label }: { options: { value: T; label: string }[]; value: T[]; onChange: (v: T[]) => void; label: string }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3" aria-label={label}>
      {options.map((o) => (
        <label key={String(o.value)} className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ConditionEditor({ value, onChange, names, label, today }: { value: Condition; onChange: (c: Condition) => void; names: BuilderNames; label: string; today: string }) {
  const kind = (
    <Select aria-label={`${label}: kind`} className="w-auto" value={value.kind} onChange={(e) => onChange(defaultCondition(e.target.value as Condition["kind"], names.segments.map((s) => s.id)))}>
      {CONDITION_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
    </Select>
  );
  const event = "event" in value ? <EventMatchEditor label={label} names={names} value={value.event} onChange={(ev) => onChange({ ...value, event: ev } as Condition)} /> : null;
  const body = (() => {
    switch (value.kind) {
      case "count":
        return <>{event}<CompareEditor label={`${label}: how many`} value={value.compare} onChange={(compare) => onChange({ ...value, compare })} /><WindowEditor label={`${label}: when`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window })} /></>;
      case "sum":
        return <>
          <Select aria-label={`${label}: total of`} className="w-auto" value={value.field} onChange={(e) => onChange({ ...value, field: e.target.value as "amount" | "points_earned" })}>
            <option value="amount">amount</option><option value="points_earned">points earned</option>
          </Select>
          {event}
          <CompareEditor decimal label={`${label}: total`} value={value.compare} onChange={(compare) => onChange({ ...value, compare })} />
          <WindowEditor label={`${label}: when`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window })} />
        </>;
      case "has":
        return <>
          <Select aria-label={`${label}: has or has not`} className="w-auto" value={value.has ? "has" : "not"} onChange={(e) => onChange({ ...value, has: e.target.value === "has" })}>
            <option value="has">has</option><option value="not">has not</option>
          </Select>
          {event}<WindowEditor label={`${label}: when`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window })} />
        </>;
      case "first_time":
        return <>{event}<WindowEditor label={`${label}: first time`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window })} /></>;
      case "recency":
        return <>
          {event}
          <Select aria-label={`${label}: within or not`} className="w-auto" value={value.within ? "within" : "not"} onChange={(e) => onChange({ ...value, within: e.target.value === "within" })}>
            <option value="within">last one within</option><option value="not">none within</option>
          </Select>
          <WindowEditor rollingOnly label={`${label}: period`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window: window as typeof value.window })} />
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={value.includeNever} onChange={(e) => onChange({ ...value, includeNever: e.target.checked })} />
            include customers who never did
          </label>
        </>;
      case "attribute":
        return <>
          <Select aria-label={`${label}: attribute`} className="w-auto" value={value.attribute} onChange={(e) => onChange(defaultAttribute(e.target.value as AttributeCondition["attribute"], names.tiers))}>
            {ATTRIBUTES.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
          </Select>
          {(value.attribute === "tier" || value.attribute === "pass_status") && (
            <Select aria-label={`${label}: is or is not`} className="w-auto" value={value.op} onChange={(e) => onChange({ ...value, op: e.target.value as "in" | "not_in" })}>
              <option value="in">is</option><option value="not_in">is not</option>
            </Select>
          )}
          {value.attribute === "tier" && <Checks label={`${label}: tiers`} options={[...names.tiers.map((t) => ({ value: t as string | null, label: t })), { value: null, label: "No tier" }]} value={value.values} onChange={(values) => onChange({ ...value, values })} />}
          {value.attribute === "pass_status" && <Checks label={`${label}: pass statuses`} options={PASS_STATUSES.map((s) => ({ value: s, label: s.replace("_", " ") }))} value={value.values} onChange={(values) => onChange({ ...value, values })} />}
          {(value.attribute === "points_balance" || value.attribute === "visit_count") && <CompareEditor label={`${label}: value`} value={value.compare} onChange={(compare) => onChange({ ...value, compare } as Condition)} />}
          {value.attribute === "lifetime_spend" && <CompareEditor decimal label={`${label}: value`} value={value.compare} onChange={(compare) => onChange({ ...value, compare })} />}
          {value.attribute === "customer_since" && <WindowEditor label={`${label}: joined`} today={today} value={value.window} onChange={(window) => onChange({ ...value, window })} />}
        </>;
      case "member_of":
        return <>
          <Select aria-label={`${label}: is or is not in`} className="w-auto" value={value.member ? "in" : "out"} onChange={(e) => onChange({ ...value, member: e.target.value === "in" })}>
            <option value="in">is in</option><option value="out">is not in</option>
          </Select>
          <Select aria-label={`${label}: segment`} className="w-auto" value={value.segmentId} onChange={(e) => onChange({ ...value, segmentId: e.target.value })}>
            {!names.segments.some((s) => s.id === value.segmentId) && <option value={value.segmentId}>a deleted segment</option>}
            {names.segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </Select>
        </>;
    }
  })();
  return <div className="flex flex-wrap items-center gap-2">{kind}{body}</div>;
}

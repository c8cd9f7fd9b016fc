"use client";

import { Plus, Trash2 } from "lucide-react";
import type { Condition, SegmentGroup } from "@/lib/segments/definition";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ConditionEditor } from "./condition-editor";
import { defaultCondition } from "./defaults";
import type { BuilderNames } from "./event-match-editor";

/** A group: match all / any, optional NOT, its conditions and nested groups (up to 3 levels here). */
export function GroupEditor({ value, onChange, names, path, depth, today, error }: {
  value: SegmentGroup; onChange: (g: SegmentGroup) => void; names: BuilderNames; path: string; depth: number; today: string; error?: { path: string; message: string };
}) {
  const set = (i: number, item: Condition | SegmentGroup) => onChange({ ...value, conditions: value.conditions.map((c, j) => (j === i ? item : c)) });
  const remove = (i: number) => onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) });
  const add = (item: Condition | SegmentGroup) => onChange({ ...value, conditions: [...value.conditions, item] });
  const groupLabel = depth === 0 ? "Segment" : `Group ${path}`;
  return (
    <div className={depth === 0 ? "space-y-3" : "space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-3"}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span>Customers who match</span>
        <Select aria-label={`${groupLabel}: match`} className="w-auto" value={value.match} onChange={(e) => onChange({ ...value, match: e.target.value as "all" | "any" })}>
          <option value="all">all</option><option value="any">any</option>
        </Select>
        <span>of these</span>
        <label className="ml-2 flex items-center gap-1">
          <input type="checkbox" checked={Boolean(value.negate)} onChange={(e) => onChange({ ...value, negate: e.target.checked || undefined })} />
          NOT (exclude them)
        </label>
      </div>
      <ol className="space-y-2">
        {value.conditions.map((c, i) => {
          const childPath = `${path}conditions[${i}]`;
          const label = `Condition ${depth === 0 ? "" : `${path}`}${i + 1}`;
          const broken = error && (error.path === childPath || error.path.startsWith(`${childPath}.`)) ? error : undefined;
          return (
            <li key={i} className="flex items-start gap-2 rounded-lg border border-stone-200 bg-white p-2" data-testid="segment-condition">
              <div className="min-w-0 flex-1">
                {c.kind === "group"
                  ? <GroupEditor value={c} onChange={(g) => set(i, g)} names={names} path={`${childPath}.`} depth={depth + 1} today={today} error={error} />
                  : <ConditionEditor value={c} onChange={(n) => set(i, n)} names={names} label={label} today={today} />}
                {broken && c.kind !== "group" && <p role="alert" className="mt-1 text-sm text-red-700">{broken.message}</p>}
              </div>
              <Button variant="ghost" aria-label={`Remove ${c.kind === "group" ? "group" : label}`} onClick={() => remove(i)}><Trash2 aria-hidden className="size-4" /></Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => add(defaultCondition("count", names.segments.map((s) => s.id)))}><Plus aria-hidden className="size-4" /> Add condition{depth > 0 ? " to group" : ""}</Button>
        {depth < 2 && <Button variant="ghost" onClick={() => add({ kind: "group", match: "any", conditions: [defaultCondition("has", [])] })}><Plus aria-hidden className="size-4" /> Add group</Button>}
      </div>
    </div>
  );
}

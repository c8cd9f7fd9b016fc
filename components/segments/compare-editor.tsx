"use client";

import { COMPARE_OPS, type CompareOp } from "@/lib/segments/definition";
import { Input, Select } from "@/components/ui/field";
import { OP_LABELS } from "./defaults";

type Value = number | string;

/** An operator and one or two values. Decimal values stay text, so money is never a float. */
export function CompareEditor<T extends { op: CompareOp; value: Value; value2?: Value }>({ value, onChange, label, decimal = false }: {
  value: T; onChange: (c: T) => void; label: string; decimal?: boolean;
}) {
  const parse = (raw: string): Value => (decimal ? raw : Math.trunc(Number(raw)));
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label={`${label}: comparison`} className="w-auto" value={value.op}
        onChange={(e) => {
          const op = e.target.value as CompareOp;
          onChange({ ...value, op, value2: op === "between" ? (value.value2 ?? value.value) : undefined });
        }}>
        {COMPARE_OPS.map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
      </Select>
      <Input aria-label={label} inputMode={decimal ? "decimal" : "numeric"} className="w-28" value={String(value.value)} onChange={(e) => onChange({ ...value, value: parse(e.target.value) })} />
      {value.op === "between" && (
        <>
          <span className="text-sm text-stone-600">and</span>
          <Input aria-label={`${label}: up to`} inputMode={decimal ? "decimal" : "numeric"} className="w-28" value={String(value.value2 ?? "")} onChange={(e) => onChange({ ...value, value2: parse(e.target.value) })} />
        </>
      )}
    </div>
  );
}

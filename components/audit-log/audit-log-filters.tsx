"use client";

import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";
import { auditActionLabel } from "@/lib/audit-log/labels";
import type { AuditLogParams } from "@/lib/audit-log/params";
import { buttonClass } from "@/components/ui/button";

const CONTROL = "block w-full min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base sm:text-sm";

export function AuditLogFilters({ params, actions, actors }: { params: AuditLogParams; actions: string[]; actors: { id: string; label: string }[] }) {
  const ref = useRef<HTMLFormElement>(null);
  const submit = () => ref.current?.requestSubmit();
  const filtered = Boolean(params.action || params.actor || params.from || params.to);
  return (
    <Form ref={ref} action="/settings/audit-log" className="mb-4 grid grid-cols-2 gap-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]" aria-label="Filter audit log">
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">Action</span>
        <select name="action" defaultValue={params.action ?? ""} key={params.action ?? ""} onChange={submit} className={CONTROL}>
          <option value="">All actions</option>
          {actions.map((a) => <option key={a} value={a}>{auditActionLabel(a)}</option>)}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">Who</span>
        <select name="actor" defaultValue={params.actor ?? ""} key={params.actor ?? ""} onChange={submit} className={CONTROL}>
          <option value="">Everyone</option>
          {actors.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">From</span>
        <input type="date" name="from" defaultValue={params.from ?? ""} key={`f-${params.from ?? ""}`} className={CONTROL} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-stone-600">To</span>
        <input type="date" name="to" defaultValue={params.to ?? ""} key={`t-${params.to ?? ""}`} className={CONTROL} />
      </label>
      <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
        <button type="submit" className={buttonClass("secondary", "md", "flex-1")}>Apply</button>
        {filtered && <Link href="/settings/audit-log" className={buttonClass("ghost")}>Clear</Link>}
      </div>
    </Form>
  );
}

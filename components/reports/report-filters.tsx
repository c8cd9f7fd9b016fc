"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { buttonClass } from "@/components/ui/button";

// Month and location live in the URL (shareable, bookmarkable); changing either navigates. The
// form also works without JavaScript (GET with a Show button).
export function ReportFilters({ months, month, locations, location }: {
  months: { value: string; label: string }[];
  month: string;
  locations: { id: string; name: string }[];
  location: string | null;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    const m = String(data.get("month") ?? "");
    const l = String(data.get("location") ?? "");
    if (m) params.set("month", m);
    if (l) params.set("location", l);
    startTransition(() => router.push(`/reports${params.size ? `?${params}` : ""}`));
  };
  return (
    <form action="/reports" method="get" className="no-print flex flex-wrap items-end gap-3" aria-busy={pending} onChange={(e) => go(e.currentTarget)} onSubmit={(e) => { e.preventDefault(); go(e.currentTarget); }}>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Month
        <select name="month" defaultValue={month} key={month} className="min-h-10 rounded-lg border border-stone-300 bg-white px-3">
          {months.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
        </select>
      </label>
      {locations.length > 0 && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          Location
          <select name="location" defaultValue={location ?? ""} key={location ?? ""} className="min-h-10 rounded-lg border border-stone-300 bg-white px-3">
            <option value="">All locations</option>
            {locations.map((l) => <option key={l.id} value={l.name}>{l.name}</option>)}
          </select>
        </label>
      )}
      <noscript><button type="submit" className={buttonClass("secondary")}>Show</button></noscript>
      {pending && <span className="pb-2 text-sm text-stone-500" role="status">Loading…</span>}
    </form>
  );
}

export function PrintButton() {
  return <button type="button" className={buttonClass("secondary")} onClick={() => window.print()}>Print / PDF</button>;
}

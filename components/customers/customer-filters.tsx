"use client";

import Form from "next/form";
import Link from "next/link";
import { Search, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { ACTIVITY_FILTERS, ACTIVITY_LABELS, NO_TIER, PASS_FILTERS, PASS_LABELS, type CustomerListParams } from "@/lib/customers/list-params";
import { buttonClass } from "@/components/ui/button";

const CONTROL = "block w-full min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base shadow-sm sm:text-sm";

/** "/customers?tier=Gold" from the form's fields, leaving out every empty one. */
export function filtersHref(form: FormData): string {
  const params = new URLSearchParams();
  for (const [key, value] of form) {
    if (typeof value === "string" && value.trim() !== "") params.set(key, value.trim());
  }
  const query = params.toString();
  return query ? `/customers?${query}` : "/customers";
}

/**
 * A GET form: submitting puts the filters in the URL (page 1), so it works without JavaScript and
 * every filtered view is a link. Menus apply as soon as they change.
 */
export function CustomerFilters({ params, tiers, typedSearch }: { params: CustomerListParams; tiers: string[]; typedSearch?: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const submit = () => formRef.current?.requestSubmit();
  const filtered = Boolean(typedSearch || params.tier || params.pass || params.activity);
  return (
    <Form
      ref={formRef}
      action="/customers"
      // Only the filters in use go into the URL (no "?q=&tier=&pass="); without JavaScript the
      // plain GET form still works.
      onSubmit={(event) => {
        event.preventDefault();
        router.push(filtersHref(new FormData(event.currentTarget)));
      }}
      className="mb-4 grid gap-2 sm:grid-cols-3 lg:grid-cols-[minmax(14rem,2fr)_1fr_1fr_1fr_auto]" role="search" aria-label="Find customers">
      <label className="relative block sm:col-span-3 lg:col-span-1">
        <span className="sr-only">Search by name, email, phone or pass serial</span>
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-stone-400" />
        <input name="q" type="search" defaultValue={typedSearch ?? ""} key={typedSearch ?? ""} minLength={3} placeholder="Name, email, phone or pass serial" className={`${CONTROL} pl-9`} autoComplete="off" />
      </label>
      <label className="block">
        <span className="sr-only">Tier</span>
        <select name="tier" defaultValue={params.tier ?? ""} key={`tier-${params.tier ?? ""}`} onChange={submit} className={CONTROL}>
          <option value="">All tiers</option>
          {tiers.map((tier) => <option key={tier} value={tier}>{tier}</option>)}
          <option value={NO_TIER}>No tier yet</option>
        </select>
      </label>
      <label className="block">
        <span className="sr-only">Pass status</span>
        <select name="pass" defaultValue={params.pass ?? ""} key={`pass-${params.pass ?? ""}`} onChange={submit} className={CONTROL}>
          <option value="">Any pass status</option>
          {PASS_FILTERS.map((p) => <option key={p} value={p}>{PASS_LABELS[p]}</option>)}
        </select>
      </label>
      <label className="block">
        <span className="sr-only">Last activity</span>
        <select name="activity" defaultValue={params.activity ?? ""} key={`activity-${params.activity ?? ""}`} onChange={submit} className={CONTROL}>
          <option value="">Any activity</option>
          {ACTIVITY_FILTERS.map((a) => <option key={a} value={a}>{ACTIVITY_LABELS[a]}</option>)}
        </select>
      </label>
      {/* Sorting and page size survive a new search; the page starts again at 1. */}
      {params.sort !== "lastSeen" && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir !== "desc" && <input type="hidden" name="dir" value={params.dir} />}
      {params.pageSize !== 25 && <input type="hidden" name="size" value={params.pageSize} />}
      <div className="flex gap-2 sm:col-span-3 lg:col-span-1">
        <button type="submit" className={buttonClass("primary", "md", "flex-1 lg:flex-none")}>Search</button>
        {filtered && (
          <Link href="/customers" className={buttonClass("ghost", "md")} aria-label="Clear filters">
            <X aria-hidden className="size-4" /> <span className="lg:sr-only">Clear</span>
          </Link>
        )}
      </div>
    </Form>
  );
}

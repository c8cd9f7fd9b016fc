"use client";

import { clsx } from "clsx";
import { LoaderCircle, Search, UserPlus } from "lucide-react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { CustomerSearchHit } from "@/lib/customers/search";
import { formatPhone } from "@/lib/customers/identifiers";
import { formatCount } from "@/lib/format";
import { countOf, NOUNS } from "@/lib/plural";
import { Button } from "@/components/ui/button";
import { CameraScanButton } from "./camera-scan";
import { NewCustomerForm } from "./new-customer-form";

const DEBOUNCE_MS = 150;

interface Found {
  hits: CustomerSearchHit[];
  total: number;
  totalIsCapped: boolean;
}
const NOTHING: Found = { hits: [], total: 0, totalIsCapped: false };

type SearchState = ({ status: "idle" | "loading" | "done"; query: string } & Found) | ({ status: "error"; query: string; message: string } & Found);

async function fetchHits(query: string, signal: AbortSignal): Promise<Found> {
  const response = await fetch(`/record/search?q=${encodeURIComponent(query)}`, { signal, headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as { customers?: CustomerSearchHit[]; total?: number; totalIsCapped?: boolean; error?: { message: string } } | null;
  if (!response.ok || !body?.customers) throw new Error(body?.error?.message ?? "Search failed. Check the connection and try again.");
  return { hits: body.customers, total: body.total ?? body.customers.length, totalIsCapped: body.totalIsCapped ?? false };
}

/** "8 of 28 — keep typing" when the list does not show every match. */
export function moreMatchesNote(shown: number, total: number, capped: boolean): string | null {
  if (shown === 0 || (!capped && total <= shown)) return null;
  return `${formatCount(shown)} of ${formatCount(total)}${capped ? "+" : ""} — keep typing to narrow it down`;
}

/** The scanned or typed serial picks its customer directly when it is an exact, unique match. */
function directPick(hits: CustomerSearchHit[]): CustomerSearchHit | undefined {
  const exact = hits.filter((h) => h.exact);
  if (exact.length === 1) return exact[0];
  return hits.length === 1 ? hits[0] : undefined;
}

export function CustomerSearch({ onSelect }: { onSelect: (customer: CustomerSearchHit) => void }) {
  const [query, setQuery] = useState("");
  const [state, setState] = useState<SearchState>({ status: "idle", query: "", ...NOTHING });
  const [active, setActive] = useState(-1);
  const [adding, setAdding] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = useId();

  const run = useCallback(async (q: string): Promise<CustomerSearchHit[] | null> => {
    abortRef.current?.abort();
    if (timerRef.current) clearTimeout(timerRef.current);
    const trimmed = q.trim();
    if (!trimmed) {
      setState({ status: "idle", query: "", ...NOTHING });
      return [];
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setState((s) => ({ ...s, status: "loading", query: trimmed }));
    try {
      const found = await fetchHits(trimmed, controller.signal);
      setState({ status: "done", query: trimmed, ...found });
      setActive(found.hits.length > 0 ? 0 : -1);
      return found.hits;
    } catch (error) {
      if (controller.signal.aborted) return null;
      setState({ status: "error", query: trimmed, ...NOTHING, message: error instanceof Error ? error.message : "Search failed." });
      return null;
    }
  }, []);

  useEffect(() => () => abortRef.current?.abort(), []);

  const schedule = (q: string) => {
    setQuery(q);
    setAdding(false);
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void run(q), DEBOUNCE_MS);
  };

  // Enter (what a barcode scanner sends after the serial) searches now and picks a unique match.
  const submit = async (q: string) => {
    const current = state.status === "done" && state.query === q.trim() ? state.hits : await run(q);
    if (!current) return;
    const highlighted = active >= 0 ? current[active] : undefined;
    const pick = directPick(current) ?? highlighted;
    if (pick) onSelect(pick);
  };

  const hits = state.hits;
  const showList = state.status !== "idle" && query.trim() !== "";
  const noMatch = state.status === "done" && hits.length === 0;
  const more = state.status === "done" ? moreMatchesNote(hits.length, state.total, state.totalIsCapped) : null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="block min-w-0 flex-1 space-y-1">
          <span className="text-sm font-medium text-stone-800">Find customer</span>
          <span className="relative block">
            <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-5 -translate-y-1/2 text-stone-400" />
            <input
              ref={inputRef}
              type="search"
              role="combobox"
              aria-expanded={showList}
              aria-controls={listId}
              aria-activedescendant={active >= 0 && hits[active] ? `${listId}-${active}` : undefined}
              aria-autocomplete="list"
              autoFocus
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              placeholder="Name, email, phone or pass serial"
              className="block min-h-14 w-full rounded-xl border border-stone-300 bg-white pl-11 pr-10 text-lg shadow-sm focus:border-brand-600"
              value={query}
              onChange={(e) => schedule(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void submit(e.currentTarget.value);
                } else if (e.key === "ArrowDown" && hits.length > 0) {
                  e.preventDefault();
                  setActive((i) => Math.min(hits.length - 1, i + 1));
                } else if (e.key === "ArrowUp" && hits.length > 0) {
                  e.preventDefault();
                  setActive((i) => Math.max(0, i - 1));
                } else if (e.key === "Escape") {
                  e.preventDefault();
                  schedule("");
                }
              }}
              data-testid="customer-search"
            />
            {state.status === "loading" && <LoaderCircle aria-label="Searching" className="absolute right-3 top-1/2 size-5 -translate-y-1/2 animate-spin text-stone-400" />}
          </span>
        </label>
        <CameraScanButton onScan={(value) => { setQuery(value); void submit(value); }} />
      </div>

      {!showList && !adding && (
        <p className="text-sm text-stone-600">A barcode scanner can scan the pass straight into this box: the customer opens at once.</p>
      )}

      {showList && (
        <div aria-live="polite">
          {state.status === "error" && (
            <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
              {state.message} <button type="button" className="font-medium underline" onClick={() => void run(query)}>Retry</button>
            </p>
          )}
          {hits.length > 0 && (
            <ul id={listId} role="listbox" aria-label="Matching customers" className="divide-y divide-stone-100 overflow-hidden rounded-xl border border-stone-200 bg-white">
              {hits.map((hit, i) => (
                <li key={hit.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
                  <button
                    type="button"
                    tabIndex={-1}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => onSelect(hit)}
                    className={clsx("flex min-h-14 w-full items-center justify-between gap-3 px-4 py-2 text-left", i === active ? "bg-brand-50" : "hover:bg-stone-50")}
                  >
                    <span className="min-w-0">
                      <span className="block truncate font-medium">{hit.name ?? hit.email ?? (hit.phone && formatPhone(hit.phone)) ?? "Unnamed customer"}</span>
                      <span className="block truncate text-sm text-stone-500">{[hit.email, hit.phone && formatPhone(hit.phone)].filter(Boolean).join(" · ") || "No contact details"}</span>
                    </span>
                    <span className="shrink-0 text-right">
                      <span className="block font-mono text-sm">{hit.passSerial}</span>
                      <span className="block text-xs text-stone-500">{countOf(hit.visitCount, NOUNS.visit)} · {formatCount(hit.pointsBalance)} pts{hit.tier ? ` · ${hit.tier}` : ""}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {more && <p className="mt-2 text-sm text-stone-600" data-testid="search-more">{more}</p>}
          {noMatch && <p className="rounded-lg bg-stone-100 p-3 text-sm text-stone-700">No customer matches “{state.query}”.</p>}
        </div>
      )}

      {adding ? (
        <NewCustomerForm initial={query} onCancel={() => { setAdding(false); inputRef.current?.focus(); }} onCreated={onSelect} />
      ) : (
        <Button variant={noMatch ? "primary" : "secondary"} size="lg" className="w-full sm:w-auto" onClick={() => setAdding(true)}>
          <UserPlus aria-hidden className="size-5" /> Add new customer
        </Button>
      )}
    </div>
  );
}

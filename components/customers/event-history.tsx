import Link from "next/link";
import { Clock } from "lucide-react";
import { clsx } from "clsx";
import type { HistoryPage } from "@/lib/customers/history";
import { historyQuery, type HistoryParams } from "@/lib/customers/history-params";
import { describeEventData, formatDuration } from "@/lib/customers/display";
import { formatCount, formatMoney } from "@/lib/format";
import { formatLocal } from "@/lib/time";
import { eventIcon } from "@/components/events/event-icon";
import { eventLabel } from "@/lib/events/registry";
import type { ReactNode } from "react";

export function EventHistory({ customerId, page, params, currency, timeZone, renderVoid }: {
  customerId: string;
  page: HistoryPage;
  params: HistoryParams;
  currency: string;
  timeZone: string;
  /** The void control for an event, when the viewer may void it (decided by the page). */
  renderVoid?: (event: { id: string; label: string; recordedById: string | null }) => ReactNode;
}) {
  const filtered = Boolean(params.type || params.from || params.to);
  if (page.events.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-600">
        {params.before ? "No older events." : filtered ? "No events match these filters." : "No events recorded for this customer yet."}
      </p>
    );
  }
  return (
    <>
      <ol className="divide-y divide-stone-100" aria-label="Events, newest first">
        {page.events.map((event) => {
          const Icon = eventIcon(event.type);
          const label = eventLabel(event.type, event.customName);
          const details = describeEventData(event.data);
          return (
            <li key={event.id} className="flex gap-3 py-3" data-testid="history-event">
              <span aria-hidden className={clsx("mt-0.5 grid size-8 shrink-0 place-items-center rounded-full", event.voided ? "bg-stone-100 text-stone-400" : "bg-brand-50 text-brand-700")}>
                <Icon className="size-4" />
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className={clsx("font-medium", event.voided && "text-stone-400 line-through")}>
                    {label}
                    {event.amount !== null && <span className="tabular-nums"> · {formatMoney(event.amount, currency)}</span>}
                    {event.points !== 0 && <span className="text-sm font-normal text-stone-500 tabular-nums"> · {event.points > 0 ? "+" : ""}{formatCount(event.points)} pts</span>}
                  </p>
                  <time dateTime={event.occurredAt.toISOString()} className="text-sm text-stone-500 tabular-nums">{formatLocal(event.occurredAt, timeZone)}</time>
                </div>
                <p className="text-sm text-stone-600">
                  {[event.location, ...details].filter(Boolean).join(" · ")}
                  {event.durationMinutes !== null && (
                    <span className="inline-flex items-center gap-1"> {details.length || event.location ? "· " : ""}<Clock aria-hidden className="size-3.5" /> Visit lasted {formatDuration(event.durationMinutes)}</span>
                  )}
                </p>
                <div className="flex flex-wrap items-center gap-x-3 text-xs text-stone-500">
                  <span>Recorded by {event.sourceLabel}</span>
                  {!event.voided && renderVoid?.({ id: event.id, label: `${label} of ${formatLocal(event.occurredAt, timeZone)}`, recordedById: event.recordedById })}
                </div>
                {event.voided && (
                  <p className="mt-1 text-xs font-medium text-red-700">
                    Voided {formatLocal(event.voided.at, timeZone)}{event.voided.by ? ` by ${event.voided.by}` : ""}{event.voided.reason ? ` — ${event.voided.reason}` : ""}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex flex-wrap gap-2">
        {params.before && (
          <Link href={`/customers/${customerId}${historyQuery({ ...params, before: undefined })}#history`} className="text-sm font-medium text-brand-700 hover:underline">
            ← Newest events
          </Link>
        )}
        {page.olderCursor && (
          <Link href={`/customers/${customerId}${historyQuery({ ...params, before: page.olderCursor })}#history`} className="ml-auto text-sm font-medium text-brand-700 hover:underline">
            Older events →
          </Link>
        )}
      </div>
    </>
  );
}

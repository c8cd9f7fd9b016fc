import type { CustomerProfile } from "@/lib/customers/profile";
import { formatCount, formatMoney } from "@/lib/format";
import { PassStatusBadge } from "./pass-status-badge";

/** The wallet pass as the customer sees it: serial, barcode, balance, tier and what's next. */
export function PassCard({ customer, barcodeSvg, currency }: { customer: CustomerProfile; barcodeSvg: string | null; currency: string }) {
  const next = customer.nextTier;
  const percent = next ? Math.round(Math.min(1, Math.max(0, next.progress)) * 100) : 100;
  return (
    <section aria-label="Loyalty pass" className="rounded-xl border border-stone-200 bg-gradient-to-br from-brand-50 to-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="text-xs uppercase tracking-wide text-stone-500">Pass</p>
          <p className="font-mono text-sm font-medium" data-testid="pass-serial">{customer.passSerial}</p>
        </div>
        <PassStatusBadge status={customer.passStatus} />
      </div>
      {barcodeSvg && (
        <div
          role="img"
          aria-label={`Barcode for pass ${customer.passSerial}`}
          className="mt-3 rounded-lg bg-white p-2 [&_svg]:h-14 [&_svg]:w-full"
          // Generated on the server by bwip-js from the serial alone; it holds no user markup.
          dangerouslySetInnerHTML={{ __html: barcodeSvg }}
        />
      )}
      <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
        <div><dt className="text-xs text-stone-500">Points</dt><dd className="text-lg font-semibold tabular-nums">{formatCount(customer.pointsBalance)}</dd></div>
        <div><dt className="text-xs text-stone-500">Visits</dt><dd className="text-lg font-semibold tabular-nums">{formatCount(customer.visitCount)}</dd></div>
        <div><dt className="text-xs text-stone-500">Tier</dt><dd className="text-lg font-semibold">{customer.tier ?? "Member"}</dd></div>
      </dl>
      <div className="mt-3">
        {next ? (
          <>
            <div className="h-2 overflow-hidden rounded-full bg-stone-200" role="progressbar" aria-label={`Progress to ${next.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-1 text-xs text-stone-600">{formatMoney(next.remaining, currency)} more to reach {next.name}</p>
          </>
        ) : (
          <p className="text-xs text-stone-600">Top tier reached.</p>
        )}
      </div>
    </section>
  );
}

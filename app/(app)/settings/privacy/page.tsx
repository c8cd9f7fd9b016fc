import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { listSuppressions, SUPPRESSION_KIND_LABELS, type SuppressionKind } from "@/lib/customers/suppression";
import { formatLocal } from "@/lib/time";
import { countOf, NOUNS } from "@/lib/plural";
import { Card, EmptyState } from "@/components/ui/card";
import { LiftSuppressionButton } from "@/components/settings/lift-suppression-button";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage() {
  const context = await requirePageContext("owner");
  const rows = await listSuppressions(context);
  const tz = context.merchant.timeZone;
  return (
    <div className="space-y-4">
      <Card title="Deleted customers">
        <p className="mb-3 text-sm text-stone-600">
          When a customer asks to be deleted, their profile and events are removed and only a one-way fingerprint of each
          identifier is kept, so new events for the same pass, email, phone or external ID are refused. Each deletion has a
          receipt in the audit log. Lift a block only if the customer asks to rejoin.
        </p>
        {rows.length === 0 ? (
          <EmptyState title="No deletion requests yet">Delete a customer from their page (owners and managers) to handle a request.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Blocked identifiers of deleted customers</caption>
              <thead className="text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Deleted</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Identifier</th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">Receipt</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Status</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-stone-100" data-testid="suppression-row">
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {formatLocal(row.createdAt, tz, "MMM d, yyyy")}
                      {row.receipt && <span className="block text-xs text-stone-500">by {row.receipt.actorLabel}</span>}
                    </td>
                    <td className="py-2 pr-3">{SUPPRESSION_KIND_LABELS[row.kind as SuppressionKind] ?? row.kind}</td>
                    <td className="hidden py-2 pr-3 md:table-cell">
                      {row.auditLogId ? <span className="font-mono text-xs">{row.auditLogId}</span> : "—"}
                      {row.receipt?.eventsRemoved != null && <span className="block text-xs text-stone-500">{countOf(row.receipt.eventsRemoved, NOUNS.event)} removed</span>}
                    </td>
                    <td className="py-2 text-right">
                      {row.liftedAt
                        ? <span className="text-xs text-stone-500">Lifted {formatLocal(row.liftedAt, tz, "MMM d, yyyy")}</span>
                        : <LiftSuppressionButton suppressionId={row.id} kind={SUPPRESSION_KIND_LABELS[row.kind as SuppressionKind] ?? row.kind} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

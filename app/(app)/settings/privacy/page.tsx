import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { listDeletions } from "@/lib/customers/deletions";
import { SUPPRESSION_KIND_LABELS } from "@/lib/customers/suppression";
import { formatLocal } from "@/lib/time";
import { countOf, NOUNS } from "@/lib/plural";
import { Card, EmptyState } from "@/components/ui/card";
import { LiftSuppressionButton } from "@/components/settings/lift-suppression-button";

export const metadata: Metadata = { title: "Privacy" };

export default async function PrivacyPage() {
  const context = await requirePageContext("owner");
  const rows = await listDeletions(context);
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
              <caption className="sr-only">Deleted customers, one row per deletion</caption>
              <thead className="text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">Deleted</th>
                  <th scope="col" className="py-2 pr-3 font-medium">Blocked</th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">Receipt</th>
                  <th scope="col" className="py-2 font-medium"><span className="sr-only">Status</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const who = `the customer deleted ${formatLocal(row.deletedAt, tz, "MMM d, yyyy")}`;
                  return (
                    <tr key={row.receiptId} className="border-t border-stone-100 align-top" data-testid="deletion-row">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {formatLocal(row.deletedAt, tz, "MMM d, yyyy h:mm a")}
                        {row.deletedBy && <span className="block text-xs text-stone-500">by {row.deletedBy}</span>}
                      </td>
                      <td className="py-2 pr-3">{row.kinds.map((k) => SUPPRESSION_KIND_LABELS[k] ?? k).join(", ")}</td>
                      <td className="hidden py-2 pr-3 md:table-cell">
                        <span className="font-mono text-xs">{row.receiptId}</span>
                        {row.eventsRemoved != null && <span className="block text-xs text-stone-500">{countOf(row.eventsRemoved, NOUNS.event)} removed</span>}
                      </td>
                      <td className="py-2 text-right">
                        {row.liftedAt
                          ? <span className="text-xs text-stone-500">Lifted {formatLocal(row.liftedAt, tz, "MMM d, yyyy")}</span>
                          : <LiftSuppressionButton deletionId={row.receiptId} who={who} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/session";
import { auditLogFilterOptions, listAuditLog } from "@/lib/audit-log/queries";
import { parseAuditLogParams } from "@/lib/audit-log/params";
import { AuditLogFilters } from "@/components/audit-log/audit-log-filters";
import { AuditLogTable } from "@/components/audit-log/audit-log-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const context = await requirePageContext("owner");
  const params = parseAuditLogParams(await searchParams);
  const [result, options] = await Promise.all([listAuditLog(context, params), auditLogFilterOptions(context)]);
  const filtered = Boolean(params.action || params.actor || params.from || params.to);
  return (
    <>
      <p className="mb-3 text-sm text-stone-600">Who did what, and when. Entries can’t be edited or deleted.</p>
      <AuditLogFilters params={params} actions={options.actions} actors={options.actors} />
      <AuditLogTable result={result} timeZone={context.merchant.timeZone} currency={context.merchant.currency} filtered={filtered} />
    </>
  );
}

import "server-only";
import type { MerchantContext } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { formatLocal, localDate } from "@/lib/time";
import { csvRow, exportFileName } from "./csv";
import { exportCustomerRows } from "./list";
import { PASS_LABELS, type CustomerFilters } from "./list-params";

const HEADER = ["Name", "Email", "Phone", "External ID", "Pass serial", "Pass status", "Tier", "Points", "Visits", "Lifetime spend", "First activity", "Last activity"];

/**
 * The filtered customer list as a CSV byte stream, read from the database batch by batch as the
 * client downloads. The audit entry records which filters were used — whether a search was typed,
 * not what it was, since a search is often a person's name.
 */
export async function streamCustomerCsv(context: MerchantContext, filters: CustomerFilters): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string }> {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can export customers.");
  const tz = context.merchant.timeZone;
  const when = (d: Date | null) => (d ? formatLocal(d, tz, "yyyy-MM-dd HH:mm") : "");
  await writeAudit(
    { merchantId: context.merchantId, userId: context.user.id, label: context.user.name },
    { action: "customers.exported", targetType: "customers", details: { search: Boolean(filters.q), tier: filters.tier ?? null, pass: filters.pass ?? null, activity: filters.activity ?? null } },
  );
  const encoder = new TextEncoder();
  const batches = exportCustomerRows(context, filters);
  // The first batch is read before the response starts: a query that fails then answers an error
  // status, instead of a 200 whose body just stops.
  let firstBatch: Awaited<ReturnType<typeof batches.next>> | null = await batches.next();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          // The byte-order mark makes Excel read the file as UTF-8 (names with accents survive).
          controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
          return;
        }
        const next = firstBatch ?? (await batches.next());
        firstBatch = null;
        if (next.done) {
          controller.close();
          return;
        }
        const text = next.value
          .map((c) => csvRow([c.name, c.email, c.phone, c.externalId, c.passSerial, PASS_LABELS[c.passStatus], c.tier, c.pointsBalance, c.visitCount, c.lifetimeSpend, when(c.firstSeenAt), when(c.lastSeenAt)]))
          .join("");
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        console.error("[customers.export] failed while streaming", error);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return { stream, fileName: exportFileName(`${context.merchant.name} customers`, localDate(new Date(), tz), "csv") };
}

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
 * The filtered customer list as CSV chunks, read from the database batch by batch as the client
 * downloads (serve with textStreamResponse, like the other exports). The first chunk holds the
 * header and the first batch, so a failing query answers an error status before the response
 * starts. The audit entry records which filters were used — whether a search was typed, not
 * what it was, since a search is often a person's name.
 */
export async function customerCsv(context: MerchantContext, filters: CustomerFilters): Promise<{ chunks: AsyncGenerator<string>; fileName: string }> {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can export customers.");
  const tz = context.merchant.timeZone;
  const when = (d: Date | null) => (d ? formatLocal(d, tz, "yyyy-MM-dd HH:mm") : "");
  await writeAudit(
    { merchantId: context.merchantId, userId: context.user.id, label: context.user.name },
    { action: "customers.exported", targetType: "customers", details: { search: Boolean(filters.q), tier: filters.tier ?? null, pass: filters.pass ?? null, activity: filters.activity ?? null } },
  );
  async function* chunks(): AsyncGenerator<string> {
    // The byte-order mark makes Excel read the file as UTF-8 (names with accents survive).
    let head = `\uFEFF${csvRow(HEADER)}`;
    for await (const batch of exportCustomerRows(context, filters)) {
      yield head + batch
        .map((c) => csvRow([c.name, c.email, c.phone, c.externalId, c.passSerial, PASS_LABELS[c.passStatus], c.tier, c.pointsBalance, c.visitCount, c.lifetimeSpend, when(c.firstSeenAt), when(c.lastSeenAt)]))
        .join("");
      head = "";
    }
    if (head) yield head;
  }
  return { chunks: chunks(), fileName: exportFileName(`${context.merchant.name} customers`, localDate(new Date(), tz), "csv") };
}

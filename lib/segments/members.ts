import "server-only";
// The members page and the CSV export of a saved segment: the compiled segment, paged and sorted
// through the allow-list, each member with the values that put them in.
import type { MerchantContext, MerchantScope } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { writeAudit } from "@/lib/audit";
import { csvRow, exportFileName } from "@/lib/customers/csv";
import { PASS_LABELS } from "@/lib/customers/list-params";
import { AppError } from "@/lib/errors";
import type { Paged } from "@/lib/paging";
import { formatLocal, localDate } from "@/lib/time";
import { compileFor, loadCompileEnv, memberPage, membersAfter, segmentSize, MEMBER_SORTS, type MemberRow, type MemberSort } from "./evaluate";
import { explainMembers } from "./explain";
import type { SavedSegment } from "./saved";

export const MEMBER_PAGE_SIZES = [25, 50, 100] as const;

export interface MemberParams { sort: MemberSort; desc: boolean; page: number; pageSize: number }

/** Forgiving: a bad value in the URL is dropped for its default, never an error page. */
export function parseMemberParams(raw: Record<string, string | string[] | undefined>): MemberParams {
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const sort = MEMBER_SORTS.find((s) => s === one("sort")) ?? "spend";
  const page = Math.max(1, Math.min(10_000, Math.trunc(Number(one("page") ?? 1)) || 1));
  const size = Number(one("size"));
  return { sort, desc: one("dir") ? one("dir") !== "asc" : sort !== "name", page, pageSize: (MEMBER_PAGE_SIZES as readonly number[]).includes(size) ? size : 50 };
}

export interface MemberListRow extends MemberRow { values: string[] }

export async function segmentMemberPage(scope: MerchantScope, segment: SavedSegment, params: MemberParams): Promise<Paged<MemberListRow>> {
  const env = await loadCompileEnv(scope);
  const run = compileFor(env, segment.definition, segment.id);
  const { data, count } = await memberPage(run, params);
  const values = await explainMembers(env, segment.definition, data, scope.merchant.currency);
  return { data: data.map((m) => ({ ...m, values: values.get(m.id) ?? [] })), count, page: params.page, pageSize: params.pageSize, countIsCapped: false };
}

const HEADER = ["Name", "Email", "Phone", "Pass serial", "Pass status", "Tier", "Points", "Visits", "Lifetime spend", "Last activity", "Why"];
const BATCH = 2_000;

/** The members as CSV chunks (formula-safe cells), managers and owners only; audited. */
export async function segmentCsv(context: MerchantContext, segment: SavedSegment): Promise<{ chunks: AsyncGenerator<string>; fileName: string }> {
  if (!hasRole(context.user.role, "manager")) throw new AppError("forbidden", "Only owners and managers can export segments.");
  const tz = context.merchant.timeZone;
  const env = await loadCompileEnv(context);
  const run = compileFor(env, segment.definition, segment.id);
  await writeAudit({ merchantId: context.merchantId, userId: context.user.id, label: context.user.name }, { action: "segment.exported", targetType: "segment", targetId: segment.id, details: { name: segment.name } });
  async function* chunks(): AsyncGenerator<string> {
    // The byte-order mark makes Excel read the file as UTF-8 (names with accents survive).
    yield `\uFEFF${csvRow(HEADER)}`;
    const size = await segmentSize(run);
    for (let after: string | null = null; ;) {
      const rows = await membersAfter(run, after, BATCH, { size });
      if (rows.length === 0) return;
      after = rows.at(-1)?.id ?? after;
      const values = await explainMembers(env, segment.definition, rows, context.merchant.currency);
      yield rows.map((m) => csvRow([
        m.name, m.email, m.phone, m.passSerial, PASS_LABELS[m.passStatus], m.tier, m.pointsBalance, m.visitCount, m.lifetimeSpend,
        m.lastSeenAt ? formatLocal(m.lastSeenAt, tz, "yyyy-MM-dd HH:mm") : "", (values.get(m.id) ?? []).join(" · "),
      ])).join("");
      if (rows.length < BATCH) return;
    }
  }
  return { chunks: chunks(), fileName: exportFileName(`${segment.name} members`, localDate(new Date(), tz), "csv") };
}

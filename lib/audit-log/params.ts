// Audit log filters, read forgivingly from the URL and strictly on the server.
import { z } from "zod";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "@/lib/customers/list-params";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const auditLogSchema = z
  .object({
    action: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/).max(60).optional(),
    actor: z.uuid().optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type AuditLogParams = z.output<typeof auditLogSchema>;

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseAuditLogParams(raw: Raw): AuditLogParams {
  const field = <T,>(schema: z.ZodType<T>, value: string | undefined) => (value ? schema.safeParse(value) : undefined);
  const ok = <T,>(r: { success: true; data: T } | { success: false } | undefined) => (r?.success ? r.data : undefined);
  const size = ok(field(z.coerce.number().int(), one(raw.size)));
  return auditLogSchema.parse({
    action: ok(field(auditLogSchema.shape.action.unwrap(), one(raw.action))),
    actor: ok(field(z.uuid(), one(raw.actor))),
    from: ok(field(day, one(raw.from))),
    to: ok(field(day, one(raw.to))),
    page: ok(field(z.coerce.number().int().min(1).max(10_000), one(raw.page))),
    pageSize: PAGE_SIZES.find((s) => s === size) ?? DEFAULT_PAGE_SIZE,
  });
}

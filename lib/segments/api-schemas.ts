// Zod schemas of the segments API (requests and responses). The handlers validate with them and
// the OpenAPI document is generated from them, so the published contract follows the code.
import { z } from "zod";
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from "@/lib/api/limits";

export const definitionJsonSchema = z
  .record(z.string(), z.unknown())
  .describe(
    "A segment definition: `{ match: \"all\" | \"any\", negate?, conditions: [...] }`; a condition is a group (`kind: \"group\"`) " +
      "or one of `count`, `sum`, `recency`, `first_time`, `has`, `attribute`, `member_of`. See docs/api.md and the templates for examples.",
  );

export const templateSchema = z.object({ key: z.string(), name: z.string(), description: z.string(), definition: definitionJsonSchema });
export const templateListSchema = z.array(templateSchema);

export const previewRequestSchema = z.object({ definition: z.unknown() });
const memberRef = z.object({ id: z.uuid(), passSerial: z.string(), name: z.string().nullable() });
export const previewResponseSchema = z.object({
  count: z.number().int().describe("Customers in the segment now."),
  totalCustomers: z.number().int(),
  members: z.array(memberRef).describe("The first members, newest customers first."),
});

export const savedSegmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  definition: definitionJsonSchema,
  count: z.number().int().describe("Members now, computed when asked."),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const savedSegmentListSchema = z.array(savedSegmentSchema);

export const membersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT, `limit can be at most ${MAX_LIST_LIMIT}`).default(DEFAULT_LIST_LIMIT),
  cursor: z.string().min(1).max(200).optional().describe("nextCursor from the previous page."),
});

export const memberSchema = z.object({
  id: z.uuid(),
  passSerial: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: z.string().nullable(),
  passStatus: z.enum(["not_installed", "installed", "uninstalled"]),
  pointsBalance: z.number().int(),
  visitCount: z.number().int(),
  lifetimeSpend: z.string().describe("Exact decimal, e.g. \"612.40\"."),
  values: z.array(z.string()).describe("What put the customer in, per condition, e.g. \"purchases: 7\", \"last purchase: 12 days ago\"."),
});
export const memberPageSchema = z.object({ data: z.array(memberSchema), nextCursor: z.string().nullable() });

/** Cursor of the members API: the last member's id, opaque to callers. */
export function encodeMemberCursor(id: string): string {
  return Buffer.from(`m.${id}`, "utf8").toString("base64url");
}

export function decodeMemberCursor(value: string): string | null {
  const match = /^m\.([0-9a-f-]{36})$/i.exec(Buffer.from(value, "base64url").toString("utf8"));
  return match?.[1] ?? null;
}

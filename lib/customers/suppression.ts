import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

// A deleted customer leaves only these hashes behind, never the identifiers themselves.
export type SuppressionKind = "passSerial" | "email" | "externalId" | "phone";

export function normaliseIdentifier(kind: SuppressionKind, value: string): string {
  if (kind === "email") return value.trim().toLowerCase();
  if (kind === "phone") return value.replace(/\D/g, "");
  return value.trim();
}

export function suppressionHash(merchantId: string, kind: SuppressionKind, value: string): string {
  return createHash("sha256").update(`${merchantId}:${kind}:${normaliseIdentifier(kind, value)}`).digest("hex");
}

type Identifiers = Partial<Record<SuppressionKind, string | null | undefined>>;

export function suppressionHashes(merchantId: string, identifiers: Identifiers): { kind: SuppressionKind; hash: string }[] {
  const out: { kind: SuppressionKind; hash: string }[] = [];
  for (const kind of ["passSerial", "email", "externalId", "phone"] as const) {
    const value = identifiers[kind];
    if (value && normaliseIdentifier(kind, value)) out.push({ kind, hash: suppressionHash(merchantId, kind, value) });
  }
  return out;
}

/** The kind of identifier that matches an active suppression, or null. */
export async function findSuppressed(tx: Prisma.TransactionClient, merchantId: string, identifiers: Identifiers): Promise<SuppressionKind | null> {
  const hashes = suppressionHashes(merchantId, identifiers);
  if (hashes.length === 0) return null;
  const match = await tx.customerSuppression.findFirst({
    where: { merchantId, identifierHash: { in: hashes.map((h) => h.hash) }, liftedAt: null },
    select: { identifierHash: true },
  });
  return match ? (hashes.find((h) => h.hash === match.identifierHash)?.kind ?? null) : null;
}

import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import { normalizeEmail, normalizeExternalId, normalizePhone, normalizeSerial, type CountryCode } from "./identifiers";

// Deletion blocks keep only keyed hashes of a deleted customer's identifiers: HMAC-SHA-256 with a
// server secret that is not in the database, so a copy of the database cannot confirm a guessed
// email or phone offline. The secret is PUNCHCARD_SUPPRESSION_SECRET (or, when unset, one
// derived from NEXTAUTH_SECRET). A hash cannot be re-computed under a new secret (the values are
// gone), so rotating means: set the new secret, and list the old ones in
// PUNCHCARD_SUPPRESSION_OLD_SECRETS (comma-separated) for as long as blocks made under them
// must hold. New blocks always use the current secret; matching tries every listed one.

export const SUPPRESSION_KINDS = ["passSerial", "email", "externalId", "phone"] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

/** Identifiers in the one form they are compared in (lib/customers/identifiers.ts), or null. */
export function normaliseIdentifier(kind: SuppressionKind, value: string, region?: CountryCode): string | null {
  switch (kind) {
    case "email": return normalizeEmail(value);
    case "phone": return normalizePhone(value, region) ?? internationalDigits(value) ?? fallbackPhone(value);
    case "passSerial": return normalizeSerial(value);
    case "externalId": return normalizeExternalId(value);
  }
}

/**
 * Without a default region (a merchant with no country), "15550100199" cannot be read as
 * national; its digits are then tried as an international number (+1 555…).
 */
function internationalDigits(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  return digits.length >= 8 ? normalizePhone(`+${digits}`) : null;
}

/** A number libphonenumber cannot read is still blocked by its digits (never by nothing). */
function fallbackPhone(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  return digits.length >= 3 ? `digits:${digits}` : null;
}

function currentSecret(): string {
  const own = process.env.PUNCHCARD_SUPPRESSION_SECRET;
  if (own) return own;
  const auth = process.env.NEXTAUTH_SECRET;
  if (!auth) throw new Error("Set PUNCHCARD_SUPPRESSION_SECRET (or NEXTAUTH_SECRET) to hash deletion blocks.");
  return Buffer.from(hkdfSync("sha256", auth, "punchcard", "suppression-hash", 32)).toString("base64url");
}

function oldSecrets(): string[] {
  return (process.env.PUNCHCARD_SUPPRESSION_OLD_SECRETS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

const message = (merchantId: string, kind: SuppressionKind, normalised: string) => `${merchantId}:${kind}:${normalised}`;

/** The hash new blocks store: HMAC-SHA-256 under the current secret, hex. */
export function keyedHash(merchantId: string, kind: SuppressionKind, normalised: string): string {
  return createHmac("sha256", currentSecret()).update(message(merchantId, kind, normalised)).digest("hex");
}

/**
 * Every hash a block of this identifier may have been stored under: the current secret, the old
 * ones still listed, and the unkeyed SHA-256 of blocks made before keyed hashing (with the
 * normalisation of that time), so no existing block stops holding.
 */
export function matchingHashes(merchantId: string, kind: SuppressionKind, raw: string, normalised: string): string[] {
  const text = message(merchantId, kind, normalised);
  const hashes = [currentSecret(), ...oldSecrets()].map((secret) => createHmac("sha256", secret).update(text).digest("hex"));
  const legacy = kind === "email" ? raw.trim().toLowerCase() : kind === "phone" ? raw.replace(/\D/g, "") : raw.trim();
  if (legacy) hashes.push(createHash("sha256").update(`${merchantId}:${kind}:${legacy}`).digest("hex"));
  return [...new Set(hashes)];
}

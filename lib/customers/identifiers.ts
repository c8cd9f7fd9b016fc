// One normalisation for every identifier a customer can be found or blocked by. Matching,
// storing and hashing (deletion blocks) all go through these, so "(646) 555-0458",
// "+1 646 555 0458" and "6465550458" are one phone, and "bb-7xlzynaq" with a zero-width space
// is the serial BB-7XLZYNAQ.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type { CountryCode };

// Zero-width and other invisible format characters that survive copy and paste:
// soft hyphen, zero-width space/joiners, word joiner, invisible operators, BOM.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** NFKC, invisible characters removed, whitespace runs folded and trimmed. */
export function cleanText(raw: string): string {
  return raw.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Emails compare case-insensitively; null when nothing is left. */
export function normalizeEmail(raw: string): string | null {
  const value = cleanText(raw).replace(/\s/g, "").toLowerCase();
  return value === "" ? null : value;
}

/**
 * A phone number in E.164 (`+16465550458`), read with the merchant's country as the default
 * region for numbers written without a country code. Null when it is not a possible number.
 */
export function normalizePhone(raw: string, defaultRegion?: CountryCode): string | null {
  const value = cleanText(raw);
  if (value === "") return null;
  const parsed = parsePhoneNumberFromString(value, defaultRegion);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** An E.164 number as people write it: national format at home, international elsewhere. */
export function formatPhone(e164: string, homeRegion?: CountryCode): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return homeRegion && parsed.country === homeRegion ? parsed.formatNational() : parsed.formatInternational();
}

/** Pass serials: cleaned, spaces removed, upper case (the form printed on the pass). */
export function normalizeSerial(raw: string): string | null {
  const value = cleanText(raw).replace(/\s/g, "").toUpperCase();
  return value === "" ? null : value;
}

/** External ids from other systems: cleaned and case-folded (upper case). */
export function normalizeExternalId(raw: string): string | null {
  const value = cleanText(raw).toUpperCase();
  return value === "" ? null : value;
}

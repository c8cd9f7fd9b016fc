// The customers import kind's mapping and rows, pure (no database): a contact list's columns to
// identifiers normalised exactly as the write path and the counter store them (lib/customers/
// identifiers: emails lower-cased, phones in E.164 with the merchant's region), plus an optional
// opening points balance and tier from a previous loyalty system. lib/imports/customers-kind.ts
// applies them.
import { z } from "zod";
import { cleanText, normalizeEmail, normalizePhone, type CountryCode } from "@/lib/customers/identifiers";
import { pickColumn } from "./mapping";
import { raggedReason, type SourceRow } from "./read";

const column = z.string().min(1).max(200);

export const customersMappingSchema = z
  .object({
    kind: z.literal("customers"),
    passSerialColumn: column.optional(),
    externalIdColumn: column.optional(),
    emailColumn: column.optional(),
    phoneColumn: column.optional(),
    nameColumn: column.optional(),
    /** An opening points balance from a previous loyalty system: recorded as one event per customer. */
    pointsColumn: column.optional(),
    /** The tier the previous system gave: kept in that event's data (tiers here follow spend). */
    tierColumn: column.optional(),
  })
  .refine((m) => m.passSerialColumn || m.externalIdColumn || m.emailColumn || m.phoneColumn, {
    message: "Map at least one column that identifies a customer: pass serial, customer id, email or phone.",
    path: ["passSerialColumn"],
  });
export type CustomersMapping = z.infer<typeof customersMappingSchema>;

/** The identifying columns, in the order a match is trusted (a pass serial first). */
export const IDENTIFIER_COLUMNS = ["passSerialColumn", "externalIdColumn", "emailColumn", "phoneColumn"] as const;

export function customersMissingColumns(mapping: CustomersMapping, header: string[]): string[] {
  const named = [...IDENTIFIER_COLUMNS.map((k) => mapping[k]), mapping.nameColumn, mapping.pointsColumn, mapping.tierColumn];
  const have = new Set(header);
  return [...new Set(named.filter((n): n is string => n !== undefined && !have.has(n)))];
}

const HINTS = {
  passSerial: ["passserial", "serial", "card", "cardid", "cardnumber", "loyaltycard", "membercard", "barcode"],
  externalId: ["customerid", "clientid", "memberid", "customerno", "customernumber", "externalid", "accountid", "custid", "memberno", "membernumber", "id"],
  email: ["email", "emailaddress", "mail", "customeremail"],
  phone: ["phone", "mobile", "telephone", "phonenumber", "tel", "cell"],
  name: ["name", "customername", "fullname", "customer", "client", "clientname", "membername"],
  points: ["points", "pointsbalance", "balance", "loyaltypoints", "openingbalance", "openingpoints", "pointbalance"],
  tier: ["tier", "level", "membershiplevel", "loyaltytier", "membership", "status"],
} as const;

/** Suggested from the header names; the user confirms or changes it. */
export function suggestCustomersMapping(header: string[]): CustomersMapping {
  const taken = new Set<string>();
  const claim = (hints: readonly string[]) => {
    const found = pickColumn(header, hints, taken);
    if (found) taken.add(found);
    return found;
  };
  const mapping = {
    kind: "customers" as const,
    passSerialColumn: claim(HINTS.passSerial),
    externalIdColumn: claim(HINTS.externalId),
    emailColumn: claim(HINTS.email),
    phoneColumn: claim(HINTS.phone),
    nameColumn: claim(HINTS.name),
    pointsColumn: claim(HINTS.points),
    tierColumn: claim(HINTS.tier),
  };
  if (!IDENTIFIER_COLUMNS.some((k) => mapping[k])) mapping.externalIdColumn = header[0];
  return customersMappingSchema.parse(mapping);
}

export interface ContactRow {
  line: number;
  cells: string[];
  passSerial: string | null;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  name: string | null;
  openingPoints: number | null;
  previousTier: string | null;
}

const SERIAL = /^[\p{L}\p{N}][\p{L}\p{N}._\-/#:]*$/u;
const EMAIL = z.email();
const MAX_OPENING_POINTS = 1_000_000_000;

/** A whole number of points, with or without thousands separators ("1,250", "1 250", "1.250"). */
export function parsePoints(raw: string): number | null | "invalid" | "negative" {
  const value = cleanText(raw).replace(/\u00a0/g, " ");
  if (value === "") return null;
  if (/^-\s*\d/.test(value)) return "negative";
  const digits = /^\d+$/.test(value) ? value : /^\d{1,3}([,. ']\d{3})+$/.test(value) ? value.replace(/[,. ']/g, "") : /^\d+\.0+$/.test(value) ? value.replace(/\.0+$/, "") : null;
  if (digits === null) return "invalid";
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX_OPENING_POINTS ? n : "invalid";
}

/** One row of the contact list, or why it cannot be used. */
export function parseContactRow(mapping: CustomersMapping, header: string[], row: SourceRow, region: CountryCode | undefined): ContactRow | string {
  const ragged = raggedReason(row, header.length);
  if (ragged) return ragged;
  const cell = (name: string | undefined) => (name === undefined ? "" : cleanText(row.cells[header.indexOf(name)] ?? ""));
  const serialText = cell(mapping.passSerialColumn);
  if (serialText && (serialText.length > 100 || !SERIAL.test(serialText))) return `“${serialText}” in “${mapping.passSerialColumn}” is not a pass serial (letters, digits and . _ - / # : only, at most 100).`;
  const externalId = cell(mapping.externalIdColumn) || null;
  if (externalId && externalId.length > 200) return `The customer id in “${mapping.externalIdColumn}” is longer than 200 characters.`;
  const emailText = cell(mapping.emailColumn);
  const email = emailText ? normalizeEmail(emailText) : null;
  if (email && (email.length > 320 || !EMAIL.safeParse(email).success)) return `“${emailText}” in “${mapping.emailColumn}” is not an email address.`;
  const phoneText = cell(mapping.phoneColumn);
  const phone = phoneText ? normalizePhone(phoneText, region) : null;
  if (phoneText && !phone) return `“${phoneText}” in “${mapping.phoneColumn}” is not a phone number (write it with its area code, or with + and the country code).`;
  if (!serialText && !externalId && !email && !phone) return "No customer: every identifying cell of this row is empty.";
  const name = cell(mapping.nameColumn).slice(0, 200) || null;
  const pointsText = cell(mapping.pointsColumn);
  const points = parsePoints(pointsText);
  if (points === "negative") return `“${pointsText}” in “${mapping.pointsColumn}”: an opening balance cannot be negative.`;
  if (points === "invalid") return `“${pointsText}” in “${mapping.pointsColumn}” is not a whole number of points.`;
  const previousTier = cell(mapping.tierColumn).slice(0, 60) || null;
  return { line: row.line, cells: row.cells, passSerial: serialText || null, externalId, email, phone, name, openingPoints: points, previousTier };
}

/** Rows sharing an identifier go to later rounds, so a later row for the same customer is an update of the first. */
export function rounds(rows: ContactRow[]): ContactRow[][] {
  const out: ContactRow[][] = [];
  let pending = rows;
  while (pending.length) {
    const seen = new Set<string>();
    const round: ContactRow[] = [];
    const later: ContactRow[] = [];
    for (const row of pending) {
      const keys = [row.passSerial && `s:${row.passSerial}`, row.externalId && `x:${row.externalId}`, row.email && `e:${row.email}`, row.phone && `p:${row.phone}`].filter((k): k is string => !!k);
      if (keys.some((k) => seen.has(k))) later.push(row);
      else {
        keys.forEach((k) => seen.add(k));
        round.push(row);
      }
    }
    out.push(round);
    pending = later;
  }
  return out;
}

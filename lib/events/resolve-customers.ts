import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findSuppressed } from "@/lib/customers/suppression";
import { uuidv7 } from "@/lib/ids";
import type { CustomerRef } from "./schema";
import type { CustomerStateRow } from "./state";
import type { EventError } from "./types";

type Tx = Prisma.TransactionClient;

const SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud at a counter

export function generatePassSerial(prefix = "PC"): string {
  const bytes = randomBytes(10);
  let body = "";
  for (const byte of bytes) body += SERIAL_ALPHABET[byte % SERIAL_ALPHABET.length];
  return `${prefix}-${body}`;
}

interface Row extends CustomerStateRow { pass_serial: string; external_id: string | null; email: string | null }

function refKey(ref: CustomerRef): string {
  if (ref.id) return `id:${ref.id}`;
  if (ref.passSerial) return `serial:${ref.passSerial}`;
  if (ref.externalId) return `ext:${ref.externalId}`;
  return `email:${ref.email}`;
}

/**
 * Resolves each reference to a customer id of this merchant, creating customers when asked.
 * Creation is serialised per identifier with advisory locks, so concurrent requests for the same
 * new customer create it once. Deleted-on-request customers are refused, never re-created.
 *
 * The passes of existing customers that match are locked FOR UPDATE (in id order, so concurrent batches cannot
 * deadlock) in the same statement that finds them, and their pass state is returned in `locked`:
 * recordEvents would otherwise lock them in a second round trip. Customers created here are new to
 * this transaction and need no lock; they are not in `locked`.
 */
export async function resolveCustomers(
  tx: Tx,
  merchantId: string,
  refs: { ref: CustomerRef; create: boolean }[],
): Promise<{ ids: (string | EventError)[]; locked: Map<string, CustomerStateRow> }> {
  if (refs.length === 0) return { ids: [], locked: new Map() };
  const creating = [...new Set(refs.filter((r) => r.create).map((r) => `${merchantId}:${refKey(r.ref)}`))].sort();
  if (creating.length > 0) {
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 1)))::int AS n FROM (SELECT k FROM unnest(${creating}::text[]) AS k ORDER BY k) AS ordered`;
  }

  const ids = refs.flatMap((r) => (r.ref.id ? [r.ref.id] : []));
  const serials = refs.flatMap((r) => (r.ref.passSerial ? [r.ref.passSerial] : []));
  const externals = refs.flatMap((r) => (r.ref.externalId ? [r.ref.externalId] : []));
  const emails = refs.flatMap((r) => (r.ref.email ? [r.ref.email] : []));
  const rows = await tx.$queryRaw<Row[]>`
    SELECT c.id::text, c.pass_serial, c.external_id, c.email,
           p.points_balance, p.visit_count, p.lifetime_spend::text, p.tier, p.pass_status::text, p.pass_status_at, p.first_seen_at, p.last_seen_at
    FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE c.merchant_id = ${merchantId}::uuid
      AND (c.id = ANY(${ids}::uuid[]) OR c.pass_serial = ANY(${serials}::text[])
           OR c.external_id = ANY(${externals}::text[]) OR c.email = ANY(${emails}::text[]))
    ORDER BY c.id FOR UPDATE OF p`;
  const locked = new Map<string, CustomerStateRow>(rows.map(({ pass_serial: _serial, external_id: _external, email: _email, ...state }) => [state.id, state]));

  // Indexed once: a 1,000-event batch would otherwise scan every row for every reference.
  const index = (key: (row: Row) => string | null) => {
    const map = new Map<string, Row[]>();
    for (const row of rows) {
      const k = key(row);
      if (k !== null) map.set(k, [...(map.get(k) ?? []), row]);
    }
    return map;
  };
  const byId = index((r) => r.id);
  const bySerial = index((r) => r.pass_serial);
  const byExternal = index((r) => r.external_id);
  const byEmail = index((r) => r.email);
  const created = new Map<string, string>();
  const out: (string | EventError)[] = [];
  for (const { ref, create } of refs) {
    const matches = ref.id
      ? (byId.get(ref.id) ?? [])
      : ref.passSerial
        ? (bySerial.get(ref.passSerial) ?? [])
        : ref.externalId
          ? (byExternal.get(ref.externalId) ?? [])
          : (byEmail.get(ref.email ?? "") ?? []);
    if (matches.length > 1) {
      out.push({ code: "customer_ambiguous", message: "Several customers share this email; identify the customer by passSerial or externalId.", path: "customer.email" });
      continue;
    }
    if (matches[0]) {
      out.push(matches[0].id);
      continue;
    }
    const key = refKey(ref);
    const already = created.get(key);
    if (already) {
      out.push(already);
      continue;
    }
    const suppressed = await findSuppressed(tx, merchantId, { passSerial: ref.passSerial, email: ref.email, externalId: ref.externalId, phone: ref.phone });
    if (suppressed) {
      out.push({ code: "customer_deleted", message: "This customer asked to be deleted. An owner can lift this in Settings → Privacy.", path: `customer.${suppressed}` });
      continue;
    }
    if (!create || ref.id) {
      out.push({ code: "customer_not_found", message: `No customer matches ${describeRef(ref)}.`, path: "customer" });
      continue;
    }
    const id = uuidv7();
    await tx.customer.create({
      data: {
        id,
        merchantId,
        name: ref.name ?? null,
        email: ref.email ?? null,
        phone: ref.phone ?? null,
        externalId: ref.externalId ?? null,
        passSerial: ref.passSerial ?? generatePassSerial(),
        pass: { create: {} },
      },
    });
    created.set(key, id);
    out.push(id);
  }
  return { ids: out, locked };
}

function describeRef(ref: CustomerRef): string {
  if (ref.id) return `id ${ref.id}`;
  if (ref.passSerial) return `pass serial ${ref.passSerial}`;
  if (ref.externalId) return `external id ${ref.externalId}`;
  return `email ${ref.email}`;
}

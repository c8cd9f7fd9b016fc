import "server-only";
import type { AuditActor } from "@/lib/audit";
import { createCustomers, suppressedKinds, type CreationOutcome } from "@/lib/customers/creation";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerRef } from "./schema";
import { PASS_STATE_COLUMNS, type CustomerStateRow } from "./state";
import type { EventError } from "./types";
import { timed } from "@/lib/platform/phase-timer";

type Tx = Prisma.TransactionClient;

interface Row extends CustomerStateRow { pass_serial: string; external_id: string | null; email: string | null }

function refKey(ref: CustomerRef): string {
  if (ref.id) return `id:${ref.id}`;
  if (ref.passSerial) return `serial:${ref.passSerial}`;
  if (ref.externalId) return `ext:${ref.externalId}`;
  return `email:${ref.email}`;
}

/**
 * Resolves each reference to a customer id of this merchant, creating customers when asked (all
 * new ones of the batch at once, lib/customers/creation). Creation is serialised per identifier
 * with advisory locks, so concurrent requests for the same new customer create it once.
 * Deleted-on-request customers are refused, never re-created.
 *
 * The passes of existing customers that match are locked FOR UPDATE (in id order, so concurrent batches cannot
 * deadlock) in the same statement that finds them, and their pass state is returned in `locked`:
 * recordEvents would otherwise lock them in a second round trip. Customers created here are new to
 * this transaction and need no lock; they are not in `locked`.
 *
 * `identifierLocks: false` (the bulk mode, lib/events/bulk.ts) skips the advisory locks, which a
 * chunk of thousands of new customers could not hold (the lock table is a few thousand entries):
 * the unique keys still let only one creator win, and a reference whose creation lost to a
 * concurrent creator (identifier taken) is looked up again and resolves to that customer — in
 * either mode, since a locking writer can lose to the bulk mode's creation too.
 */
export async function resolveCustomers(
  tx: Tx,
  merchantId: string,
  refs: { ref: CustomerRef; create: boolean }[],
  creation: { audit?: AuditActor; via: string },
  { identifierLocks = true }: { identifierLocks?: boolean } = {},
): Promise<{ ids: (string | EventError)[]; locked: Map<string, CustomerStateRow> }> {
  if (refs.length === 0) return { ids: [], locked: new Map() };
  const creating = [...new Set(refs.filter((r) => r.create).map((r) => `${merchantId}:${refKey(r.ref)}`))].sort();
  if (creating.length > 0 && identifierLocks) {
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 1)))::int AS n FROM (SELECT k FROM unnest(${creating}::text[]) AS k ORDER BY k) AS ordered`;
  }

  const ids = refs.flatMap((r) => (r.ref.id ? [r.ref.id] : []));
  const serials = refs.flatMap((r) => (r.ref.passSerial ? [r.ref.passSerial] : []));
  const externals = refs.flatMap((r) => (r.ref.externalId ? [r.ref.externalId] : []));
  const emails = refs.flatMap((r) => (r.ref.email ? [r.ref.email] : []));
  const rows = await timed("customers.lookup", () => tx.$queryRaw<Row[]>`
    SELECT c.id::text, c.pass_serial, c.external_id, c.email, ${PASS_STATE_COLUMNS}
    FROM customers c JOIN customer_passes p ON p.merchant_id = c.merchant_id AND p.customer_id = c.id
    WHERE c.merchant_id = ${merchantId}::uuid
      AND (c.id = ANY(${ids}::uuid[]) OR c.pass_serial = ANY(${serials}::text[])
           OR c.external_id = ANY(${externals}::text[]) OR c.email = ANY(${emails}::text[]))
    ORDER BY c.id FOR KEY SHARE OF c FOR UPDATE OF p`); // lock order: lib/events/locks.ts
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
  // First pass: matches, and the refs that need a new customer (one per identifier).
  const out: (string | EventError | { create: string })[] = [];
  const unmatched = new Map<string, { ref: CustomerRef; create: boolean }>();
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
    if (!unmatched.has(key)) unmatched.set(key, { ref, create: create && !ref.id });
    out.push({ create: key });
  }

  // Then, set-based: one suppression query for refs that may not create, one creation (one
  // suppression query, one insert) for the rest, with the counter's own policy (lib/customers/creation).
  const outcome = new Map<string, string | EventError>();
  const lookups = [...unmatched].filter(([, u]) => !u.create);
  (await timed("customers.suppressedLookups", () => suppressedKinds(tx, merchantId, lookups.map(([, u]) => u.ref)))).forEach((kind, i) => {
    const [key, { ref }] = lookups[i] as [string, { ref: CustomerRef }];
    outcome.set(key, kind ? deleted(kind) : { code: "customer_not_found", message: `No customer matches ${describeRef(ref)}.`, path: "customer" });
  });
  const toCreate = [...unmatched].filter(([, u]) => u.create);
  const created = await timed("customers.create", () => createCustomers(tx, merchantId, toCreate.map(([, { ref }]) => ({ name: ref.name, email: ref.email, phone: ref.phone, externalId: ref.externalId, passSerial: ref.passSerial })), creation));
  const lost: { key: string; ref: CustomerRef }[] = [];
  created.forEach((result, i) => {
    const [key, { ref }] = toCreate[i] as [string, { ref: CustomerRef }];
    // Also with identifier locks: the bulk mode (an import's chunk) creates without them, so a
    // customer it committed after our lookup makes our creation lose; it is the customer meant.
    if (result.status === "identifier_taken") lost.push({ key, ref });
    outcome.set(key, creationError(result) ?? (result.status === "created" ? result.id : { code: "customer_not_found", message: "Customer not found", path: "customer" }));
  });
  if (lost.length > 0) {
    // A concurrent creator won: its customer is committed now (a genuine conflict, an identifier
    // of another customer, is not found again and stays an error).
    const again = await resolveCustomers(tx, merchantId, lost.map(({ ref }) => ({ ref, create: false })), creation, { identifierLocks: false });
    again.ids.forEach((id, i) => {
      if (typeof id === "string") outcome.set(lost[i]!.key, id);
    });
    for (const [id, state] of again.locked) locked.set(id, state);
  }
  return { ids: out.map((o) => (typeof o === "object" && "create" in o ? (outcome.get(o.create) as string | EventError) : o)), locked };
}

const deleted = (kind: string): EventError => ({ code: "customer_deleted", message: "This customer asked to be deleted. An owner can lift this in Settings → Privacy.", path: `customer.${kind}` });

function creationError(result: CreationOutcome): EventError | null {
  switch (result.status) {
    case "created": return null;
    case "suppressed": return deleted(result.kind);
    case "email_taken": return { code: "customer_conflict", message: `${result.existing.name ?? "A customer"} (pass ${result.existing.passSerial}) already has this email. Identify that customer by email or pass serial instead.`, path: "customer.email" };
    case "identifier_taken": return { code: "customer_conflict", message: `Another customer already has this ${result.kind === "passSerial" ? "pass serial" : "external id"}.`, path: `customer.${result.kind}` };
  }
}

function describeRef(ref: CustomerRef): string {
  if (ref.id) return `id ${ref.id}`;
  if (ref.passSerial) return `pass serial ${ref.passSerial}`;
  if (ref.externalId) return `external id ${ref.externalId}`;
  return `email ${ref.email}`;
}

// The customers import kind on real PostgreSQL: a contact list creates customers under the one
// creation policy, fills in what existing ones lack, records opening balances as one event each,
// creates nothing twice on re-import, refuses people deleted on request, and undoes exactly.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { MerchantContext } from "@/lib/auth/session";
import { suppressionHash } from "@/lib/customers/suppression";
import { db } from "@/lib/db";
import { recordEvents } from "@/lib/events/record";
import { customersMappingSchema, suggestCustomersMapping, type CustomersMapping } from "@/lib/imports/customer-rows";
import { processImport } from "@/lib/imports/process";
import { createImport, getImport, undoImport } from "@/lib/imports/store";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

vi.setConfig({ testTimeout: 60_000 });
const work = mkdtempSync(path.join(tmpdir(), "punchcard-customers-import-"));
process.env.PUNCHCARD_IMPORTS_DIR = work;

const CSV = [
  "Card,Member no,Name,Email,Mobile,Points,Level",
  "OLD-0001,M1,Ana Pölking,ANA@Example.com,(646) 555-0101,1250,Gold",
  "OLD-0002,M2,Ben Ito,ben@example.com,646 555 0102,,",
  ",M3,Cleo,cleo@example.com,not a phone,10,",
  "OLD-0004,M4,Dan,dan@example.com,,-5,",
  ",,Nobody,,,,",
  "OLD-0006,M6,Eve,eve@example.com,+44 20 7946 0958,300,Silver",
].join("\r\n");

async function runImport(context: MerchantContext, csv: string, mapping: CustomersMapping, dryRun = false) {
  const file = path.join(work, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, csv);
  const created = await createImport(context, { filePath: file, fileName: "members.csv", fileSize: csv.length, mapping, readChoices: {}, createdById: context.user.id, dryRun });
  await processImport(created.id, new AbortController().signal);
  return getImport(context, created.id);
}

const mappingOf = () => suggestCustomersMapping(CSV.split("\r\n")[0]!.split(","));

describe.sequential("the customers import kind", () => {
  it("suggests the columns from the header names", () => {
    expect(mappingOf()).toEqual({ kind: "customers", passSerialColumn: "Card", externalIdColumn: "Member no", nameColumn: "Name", emailColumn: "Email", phoneColumn: "Mobile", pointsColumn: "Points", tierColumn: "Level" });
    expect(customersMappingSchema.safeParse({ kind: "customers", nameColumn: "Name" }).success).toBe(false);
  });

  it("creates customers (E.164 phones, lower-case emails), opening balances as one event each, row errors with lines and reasons", async () => {
    const context = await createContext("manager");
    const result = await runImport(context, CSV, mappingOf());
    expect(result.status).toBe("succeeded");
    expect(result.kind).toBe("customers");
    expect(result.counts).toMatchObject({ rows: 6, customersCreated: 3, customersUpdated: 0, duplicates: 0, errors: 3, events: 2 });
    const ana = await db.customer.findFirstOrThrow({ where: { merchantId: context.merchantId, passSerial: "OLD-0001" }, include: { pass: true } });
    expect(ana).toMatchObject({ name: "Ana Pölking", email: "ana@example.com", phone: "+16465550101", externalId: "M1" });
    expect(ana.pass?.pointsBalance).toBe(1250);
    const opening = await db.event.findMany({ where: { merchantId: context.merchantId, importId: result.id } });
    expect(opening).toHaveLength(2);
    expect(opening.find((e) => e.customerId === ana.id)).toMatchObject({ type: "custom", customName: "Opening balance", source: "import", points: 1250, data: { openingPoints: 1250, previousTier: "Gold" } });
    const errors = await db.importError.findMany({ where: { importId: result.id }, orderBy: { line: "asc" } });
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [4, expect.stringMatching(/not a phone number/)],
      [5, expect.stringMatching(/cannot be negative/)],
      [6, expect.stringMatching(/No customer/)],
    ]);
    expect(result.summary).toMatchObject({ pointsAwarded: 1550, tierChanges: 0 });
    expect(result.summary?.errorsByReason).toHaveLength(3);
    const audit = await db.auditLog.count({ where: { merchantId: context.merchantId, action: "customer.created" } });
    expect(audit).toBe(3);
  });

  it("re-importing creates nothing twice; an update fills in blanks and keeps differing values", async () => {
    const context = await createContext("manager");
    const first = await runImport(context, CSV, mappingOf());
    const again = await runImport(context, CSV, mappingOf());
    expect(again.counts).toMatchObject({ rows: 6, customersCreated: 0, customersUpdated: 0, duplicates: 3, errors: 3, events: 0 });
    expect(await db.customer.count({ where: { merchantId: context.merchantId } })).toBe(3);
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(2);
    expect(first.counts.events).toBe(2);

    // An existing customer without email or phone: the file fills them in; a different name stays.
    const kept = await createCustomer(context, { name: "Zoë at the till", passSerial: "OLD-0100", email: null, phone: null });
    const update = await runImport(context, "Card,Name,Email,Phone,Points\r\nOLD-0100,Zoe,zoe@example.com,6465550199,40\r\nOLD-0100,Zoe,,,40", { kind: "customers", passSerialColumn: "Card", nameColumn: "Name", emailColumn: "Email", phoneColumn: "Phone", pointsColumn: "Points" });
    expect(update.counts).toMatchObject({ rows: 2, customersCreated: 0, customersUpdated: 1, duplicates: 1, errors: 0, events: 1 });
    expect(update.summary?.valuesKept).toBe(2);
    const after = await db.customer.findUniqueOrThrow({ where: { id: kept.id }, include: { pass: true } });
    expect(after).toMatchObject({ name: "Zoë at the till", email: "zoe@example.com", phone: "+16465550199" });
    expect(after.pass?.pointsBalance).toBe(40);
    // A different opening balance for the same customer is refused, not added.
    const changed = await runImport(context, "Card,Points\r\nOLD-0100,99", { kind: "customers", passSerialColumn: "Card", pointsColumn: "Points" });
    expect(changed.counts).toMatchObject({ errors: 1, events: 0 });
    expect((await db.customerPass.findFirstOrThrow({ where: { customerId: kept.id } })).pointsBalance).toBe(40);
  });

  it("refuses someone deleted on request, and identifiers of two different customers", async () => {
    const context = await createContext("manager");
    const m = context.merchantId;
    await db.customerSuppression.create({ data: { merchantId: m, kind: "email", identifierHash: suppressionHash(m, "email", "gone@example.com") } });
    await createCustomer(context, { passSerial: "A-1" });
    await createCustomer(context, { passSerial: "B-1", email: "b@example.com" });
    const result = await runImport(context, "Card,Email\r\nNEW-1,gone@example.com\r\nA-1,b@example.com", { kind: "customers", passSerialColumn: "Card", emailColumn: "Email" });
    expect(result.counts).toMatchObject({ rows: 2, customersCreated: 0, errors: 2 });
    const errors = await db.importError.findMany({ where: { importId: result.id }, orderBy: { line: "asc" } });
    expect(errors[0]!.reason).toMatch(/asked to be deleted/);
    expect(errors[1]!.reason).toMatch(/different customers/);
    expect(await db.customer.count({ where: { merchantId: m } })).toBe(2);
  });

  it("a dry run counts without writing anything", async () => {
    const context = await createContext("manager");
    const result = await runImport(context, CSV, mappingOf(), true);
    expect(result.status).toBe("succeeded");
    expect(result.counts).toMatchObject({ rows: 6, customersCreated: 3, events: 2, errors: 3 });
    expect(result.summary).toMatchObject({ pointsAwarded: 1550 });
    expect(await db.customer.count({ where: { merchantId: context.merchantId } })).toBe(0);
    expect(await db.event.count({ where: { merchantId: context.merchantId } })).toBe(0);
  });

  it("undo removes the opening balances and the customers it created that have no other events", async () => {
    const context = await createContext("manager");
    const result = await runImport(context, CSV, mappingOf());
    const ben = await db.customer.findFirstOrThrow({ where: { merchantId: context.merchantId, passSerial: "OLD-0002" } });
    await recordEvents(context, [{ type: "visit", customer: { id: ben.id } }], { kind: "manual", userId: context.user.id, userName: context.user.name });
    await undoImport(context, result.id, { merchantId: context.merchantId, userId: context.user.id, label: context.user.name });
    expect((await getImport(context, result.id)).status).toBe("undone");
    const left = await db.customer.findMany({ where: { merchantId: context.merchantId }, include: { pass: true } });
    expect(left.map((c) => c.passSerial)).toEqual(["OLD-0002"]);
    expect(left[0]!.pass).toMatchObject({ pointsBalance: 0, visitCount: 1 });
    expect(await db.event.count({ where: { merchantId: context.merchantId, importId: result.id } })).toBe(0);
    // Undone, the same file imports again: the opening balances are free to be recorded again.
    const again = await runImport(context, CSV, mappingOf());
    expect(again.counts).toMatchObject({ customersCreated: 2, events: 2 });
  });
});

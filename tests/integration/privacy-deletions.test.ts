import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { liftDeletion, listDeletions } from "@/lib/customers/deletions";
import { deleteCustomer } from "@/lib/customers/privacy";
import { findSuppressed } from "@/lib/customers/suppression";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe("Settings → Privacy deletions", () => {
  it("lists one row per deleted person, and one Lift unblocks all their identifiers", async () => {
    const context = await createContext("owner");
    const m = context.merchantId;
    const ada = await createCustomer(context, { name: "Ada", email: "ada@example.com", phone: "+15550100199", externalId: "POS-77", passSerial: "PC-ADA-0001" });
    const bo = await createCustomer(context, { name: "Bo", email: "bo@example.com", passSerial: "PC-BO-0001" });
    const adaReceipt = await deleteCustomer(context, { customerId: ada.id, confirmation: "Ada" });
    await deleteCustomer(context, { customerId: bo.id, confirmation: "Bo" });

    const rows = await listDeletions(context);
    expect(rows).toHaveLength(2);
    const adaRow = rows.find((r) => r.receiptId === adaReceipt.auditLogId);
    expect(adaRow).toMatchObject({ deletedBy: context.user.name, liftedAt: null });
    expect([...(adaRow?.kinds ?? [])].sort()).toEqual(["email", "externalId", "passSerial", "phone"]);

    const other = await createContext("owner");
    expect(await codeOf(liftDeletion(other, adaReceipt.auditLogId))).toBe("not_found");
    await liftDeletion(context, adaReceipt.auditLogId);
    expect(await findSuppressed(db, m, { email: "ada@example.com" })).toBeNull();
    expect(await findSuppressed(db, m, { passSerial: "PC-ADA-0001" })).toBeNull();
    expect(await findSuppressed(db, m, { externalId: "POS-77" })).toBeNull();
    expect(await findSuppressed(db, m, { email: "bo@example.com" })).toBe("email");
    expect((await listDeletions(context)).find((r) => r.receiptId === adaReceipt.auditLogId)?.liftedAt).toBeInstanceOf(Date);
    expect(await codeOf(liftDeletion(context, adaReceipt.auditLogId))).toBe("conflict");
    expect(await db.auditLog.count({ where: { merchantId: m, action: "suppression.lifted" } })).toBe(1);
  });
});

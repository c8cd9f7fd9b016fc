import { describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit-log/queries";
import { auditSentenceText } from "@/lib/audit-log/sentences";
import { updateCustomerContact } from "@/lib/customers/edit";
import { deleteCustomer } from "@/lib/customers/privacy";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

describe("audit log names", () => {
  it("names the customer an entry is about, looked up now, and nothing for one deleted since", async () => {
    const context = await createContext("owner");
    const kept = await createCustomer(context, { name: "Maria Kim" });
    const gone = await createCustomer(context, { name: "Gone Soon" });
    await updateCustomerContact(context, { customerId: kept.id, name: "Maria Kim", email: "maria-audit@example.com", phone: "", externalId: "" });
    await updateCustomerContact(context, { customerId: gone.id, name: "Gone Soon", email: "gone-audit@example.com", phone: "", externalId: "" });
    await deleteCustomer(context, { customerId: gone.id, confirmation: "Gone Soon" });

    const { data } = await listAuditLog(context, { action: "customer.updated" });
    const byTarget = Object.fromEntries(data.map((r) => [r.targetId, r.targetName]));
    expect(byTarget[kept.id]).toBe("Maria Kim");
    expect(byTarget[gone.id]).toBeNull();
    // As sentences: the kept customer's change with its values; the deleted one's values scrubbed.
    const sentences = Object.fromEntries(data.map((r) => [r.targetId, auditSentenceText(r)]));
    expect(sentences[kept.id]).toBe(`${context.user.name} changed Maria Kim’s email to maria-audit@example.com (it had none)`);
    expect(sentences[gone.id]).toBe(`${context.user.name} changed the details of a deleted customer`);
    expect(JSON.stringify(data)).not.toContain("gone-audit@example.com");
    // Another merchant's log never resolves these ids.
    const other = await createContext("owner");
    expect((await listAuditLog(other, {})).data.every((r) => r.targetName === null || r.targetType === "user")).toBe(true);
  });
});

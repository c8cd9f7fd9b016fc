import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./labels";

describe("audit labels", () => {
  it("names known actions in the merchant's words and humanises the rest", () => {
    expect(auditActionLabel("user.signed_in")).toBe("Signed in");
    expect(auditActionLabel("team.role_changed")).toBe("Changed role");
    expect(auditActionLabel("customer.deleted")).toBe("Deleted customer");
    expect(auditActionLabel("customers.exported")).toBe("Exported customer list");
    expect(auditActionLabel("import.rows_skipped")).toBe("Import rows skipped");
  });
});

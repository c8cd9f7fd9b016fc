import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/options";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { changeMemberRole, setMemberDisabled } from "@/lib/team/members";
import { createContext, createUser, TEST_PASSWORD } from "../support/factories";

describe("sign-in", () => {
  it("accepts the right password and records the sign-in in the audit log", async () => {
    const context = await createContext("owner");
    const result = await authenticate({ email: context.user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result?.id).toBe(context.user.id);
    const audit = await db.auditLog.findFirst({ where: { merchantId: context.merchantId, action: "user.signed_in" } });
    expect(audit?.actorUserId).toBe(context.user.id);
  });

  it("answers unknown email and wrong password the same way", async () => {
    const context = await createContext("staff");
    expect(await authenticate({ email: "nobody@test.example", password: TEST_PASSWORD })).toBeNull();
    expect(await authenticate({ email: context.user.email, password: "wrong" })).toBeNull();
  });

  it("refuses the 11th failure within 15 minutes, even with the right password", async () => {
    const context = await createContext("manager");
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await authenticate({ email: context.user.email, password: `wrong-${i}` })).toBeNull();
    }
    await expect(authenticate({ email: context.user.email, password: TEST_PASSWORD })).rejects.toThrow("TooManyAttempts");
    // Other accounts are unaffected.
    const other = await createUser(context.merchantId, "staff");
    expect(await authenticate({ email: other.email, password: TEST_PASSWORD })).not.toBeNull();
  });

  it("throttles unknown emails too, so the throttle reveals nothing", async () => {
    const email = `ghost-${Date.now()}@test.example`;
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate({ email, password: "x" });
    await expect(authenticate({ email, password: "x" })).rejects.toThrow("TooManyAttempts");
  });

  it("refuses a disabled member and bumps their session version", async () => {
    const owner = await createContext("owner");
    const staff = await createUser(owner.merchantId, "staff");
    await setMemberDisabled(owner, { userId: staff.id, disabled: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(after.sessionVersion).toBe(staff.sessionVersion + 1);
    expect(await authenticate({ email: staff.email, password: TEST_PASSWORD })).toBeNull();
  });
});

describe("team management is scoped to the merchant", () => {
  it("cannot change a user of another merchant (404, nothing changes)", async () => {
    const mine = await createContext("owner");
    const theirs = await createContext("owner");
    const victim = await createUser(theirs.merchantId, "staff");
    await expect(changeMemberRole(mine, { userId: victim.id, role: "owner" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setMemberDisabled(mine, { userId: victim.id, disabled: true })).rejects.toMatchObject({ code: "not_found" });
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
    expect(unchanged.role).toBe("staff");
    expect(unchanged.disabledAt).toBeNull();
  });

  it("does not let an owner lock themselves out", async () => {
    const owner = await createContext("owner");
    await expect(setMemberDisabled(owner, { userId: owner.user.id, disabled: true })).rejects.toMatchObject({ code: "conflict" });
  });
});

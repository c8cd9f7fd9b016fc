import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/team/own-password";
import { createContext } from "../support/factories";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (isAppError(error)) return `${error.code}${error.path ? `:${error.path}` : ""}`;
    throw error;
  }
}

describe("changing your own password", () => {
  it("needs the current password, at least 10 characters and a new one; then signs in with the new one", async () => {
    const context = await createContext("staff");
    await db.user.update({ where: { id: context.user.id }, data: { passwordHash: await hashPassword("old-password-1") } });
    expect(await codeOf(changeOwnPassword(context, { current: "wrong-password", next: "new-password-22" }))).toBe("validation_error:current");
    expect(await codeOf(changeOwnPassword(context, { current: "old-password-1", next: "old-password-1" }))).toBe("validation_error:next");
    await expect(changeOwnPassword(context, { current: "old-password-1", next: "short" })).rejects.toThrow("at least 10");
    await changeOwnPassword(context, { current: "old-password-1", next: "new-password-22" });
    const user = await db.user.findUniqueOrThrow({ where: { id: context.user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(user.passwordHash, "new-password-22")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "old-password-1")).toBe(false);
    expect(await db.auditLog.count({ where: { merchantId: context.merchantId, action: "user.password_changed", targetId: context.user.id } })).toBe(1);
  });
});

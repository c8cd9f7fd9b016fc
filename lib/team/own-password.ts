import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const ownPasswordSchema = z.object({
  current: z.string().min(1, "Enter your current password").max(200),
  next: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

/** Any signed-in user changes their own password, proving the current one first. Audit-logged. */
export async function changeOwnPassword(context: MerchantContext, input: z.input<typeof ownPasswordSchema>): Promise<void> {
  const { current, next } = ownPasswordSchema.parse(input);
  const user = await db.user.findFirst({ where: { id: context.user.id, merchantId: context.merchantId }, select: { id: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("validation_error", "That is not your current password.", { path: "current" });
  }
  if (current === next) throw new AppError("validation_error", "Choose a password different from the current one.", { path: "next" });
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await writeAudit({ merchantId: context.merchantId, userId: user.id, label: context.user.name }, { action: "user.password_changed", targetType: "user", targetId: user.id }, tx);
  });
}

import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import { normaliseEmail } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { storableString } from "@/lib/validation/storable";

export const newMemberSchema = z.object({
  name: storableString("The name").trim().min(1, "Enter a name").max(100),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(320),
  role: z.enum(ROLES),
  password: storableString("The password").min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type NewMember = z.infer<typeof newMemberSchema>;

const memberSelect = { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true } as const;

function actorOf(context: MerchantContext) {
  return { merchantId: context.merchantId, userId: context.user.id, label: context.user.name };
}

export async function listMembers(context: MerchantContext) {
  return db.user.findMany({ where: { merchantId: context.merchantId }, orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }], select: memberSelect });
}

export async function addMember(context: MerchantContext, input: NewMember) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { merchantId: context.merchantId, name: input.name, email: normaliseEmail(input.email), role: input.role, passwordHash },
        select: memberSelect,
      });
      await writeAudit(actorOf(context), { action: "team.member_added", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } }, tx);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Sign-in emails are unique across merchants. Whether this one is taken at another merchant
      // is that merchant's business: the answer names no reason, only what to do.
      const here = await db.user.findFirst({ where: { merchantId: context.merchantId, email: normaliseEmail(input.email) }, select: { name: true } });
      if (here) throw new AppError("conflict", `${here.name} is already on your team with this email.`, { path: "email" });
      throw new AppError("conflict", "This email can’t be used for a new member. Ask them for another address to sign in with.", { path: "email" });
    }
    throw error;
  }
}

/** Resolves a member of the caller's merchant; another merchant's user id is simply not found. */
async function memberOf(context: MerchantContext, userId: string) {
  const parsed = z.uuid().safeParse(userId);
  const member = parsed.success
    ? await db.user.findFirst({ where: { id: parsed.data, merchantId: context.merchantId }, select: memberSelect })
    : null;
  if (!member) throw notFound("That team member");
  if (member.id === context.user.id) throw new AppError("conflict", "You can’t change your own role or access. Ask another owner.");
  return member;
}

export async function changeMemberRole(context: MerchantContext, input: { userId: string; role: (typeof ROLES)[number] }) {
  const member = await memberOf(context, input.userId);
  if (member.role === input.role) return member;
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: member.id }, data: { role: input.role }, select: memberSelect });
    await writeAudit(actorOf(context), { action: "team.role_changed", targetType: "user", targetId: member.id, details: { email: member.email, from: member.role, to: input.role } }, tx);
    return updated;
  });
}

/** Disabling also bumps the session version, so the member's open sessions stop at once. */
export async function setMemberDisabled(context: MerchantContext, input: { userId: string; disabled: boolean }) {
  const member = await memberOf(context, input.userId);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: member.id },
      data: input.disabled ? { disabledAt: new Date(), sessionVersion: { increment: 1 } } : { disabledAt: null },
      select: memberSelect,
    });
    await writeAudit(actorOf(context), { action: input.disabled ? "team.member_disabled" : "team.member_enabled", targetType: "user", targetId: member.id, details: { email: member.email } }, tx);
    return updated;
  });
}

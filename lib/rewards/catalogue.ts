import "server-only";
import { z } from "zod";
import type { MerchantContext } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export interface Reward {
  id: string;
  name: string;
  pointsCost: number;
  active: boolean;
}

export const rewardSchema = z.object({
  name: z.string().trim().min(1, "Give the reward a name").max(80, "At most 80 characters"),
  pointsCost: z.coerce
    .number({ error: "Enter a whole number of points" })
    .int("Enter a whole number of points")
    .min(1, "A reward costs at least 1 point")
    .max(1_000_000, "At most 1,000,000 points"),
});

const select = { id: true, name: true, pointsCost: true, active: true } satisfies Prisma.RewardSelect;
const actor = (context: MerchantContext) => ({ merchantId: context.merchantId, userId: context.user.id, label: context.user.name });
const TAKEN = "There is already a reward with this name";

/** The catalogue: active rewards first, cheapest first. `activeOnly` for the counter. */
export async function listRewards(context: MerchantContext, { activeOnly = false } = {}): Promise<Reward[]> {
  return db.reward.findMany({
    where: { merchantId: context.merchantId, ...(activeOnly ? { active: true } : {}) },
    orderBy: [{ active: "desc" }, { pointsCost: "asc" }, { name: "asc" }],
    select,
  });
}

export async function addReward(context: MerchantContext, input: z.input<typeof rewardSchema>): Promise<Reward> {
  const data = rewardSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const reward = await tx.reward.create({ data: { merchantId: context.merchantId, ...data }, select });
      await writeAudit(actor(context), { action: "reward.added", targetType: "reward", targetId: reward.id, details: data }, tx);
      return reward;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", TAKEN, { path: "name" });
    throw error;
  }
}

export const rewardUpdateSchema = rewardSchema.extend({ rewardId: z.uuid(), active: z.boolean() });

export async function updateReward(context: MerchantContext, input: z.input<typeof rewardUpdateSchema>): Promise<Reward> {
  const { rewardId, ...data } = rewardUpdateSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.reward.findFirst({ where: { merchantId: context.merchantId, id: rewardId }, select: { name: true, pointsCost: true, active: true } });
      const { count } = await tx.reward.updateMany({ where: { merchantId: context.merchantId, id: rewardId }, data });
      if (count === 0 || !before) throw new AppError("not_found", "Reward not found");
      // Before and after, so the audit log can say what changed.
      await writeAudit(actor(context), { action: "reward.updated", targetType: "reward", targetId: rewardId, details: { from: before, to: data } }, tx);
      return tx.reward.findFirstOrThrow({ where: { merchantId: context.merchantId, id: rewardId }, select });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", TAKEN, { path: "name" });
    throw error;
  }
}

/** A redemption picked from the catalogue: its name and cost come from here, not from the form. */
export async function activeReward(context: MerchantContext, rewardId: string): Promise<Reward | null> {
  return db.reward.findFirst({ where: { merchantId: context.merchantId, id: rewardId, active: true }, select });
}

"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { addReward, rewardSchema, rewardUpdateSchema, updateReward } from "@/lib/rewards/catalogue";

export const addRewardAction = actionClient
  .metadata({ action: "settings.reward.add", minRole: "owner" })
  .inputSchema(rewardSchema)
  .action(async ({ parsedInput, ctx }) => {
    const reward = await addReward(ctx.context, parsedInput);
    revalidatePath("/settings/rewards");
    return reward;
  });

export const updateRewardAction = actionClient
  .metadata({ action: "settings.reward.update", minRole: "owner" })
  .inputSchema(rewardUpdateSchema)
  .action(async ({ parsedInput, ctx }) => {
    const reward = await updateReward(ctx.context, parsedInput);
    revalidatePath("/settings/rewards");
    return reward;
  });

"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { loyaltySettingsSchema, saveLoyaltySettings } from "@/lib/loyalty/settings";

export const saveLoyaltyAction = actionClient
  .metadata({ action: "settings.loyalty", minRole: "owner" })
  .inputSchema(loyaltySettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveLoyaltySettings(ctx.context, parsedInput);
    revalidatePath("/settings/loyalty");
    return saved;
  });

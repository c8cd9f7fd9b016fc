"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { loyaltySettingsSchema, previewLoyaltySettings, saveLoyaltySettings } from "@/lib/loyalty/settings";

export const previewLoyaltyAction = actionClient
  .metadata({ action: "settings.loyalty.preview", minRole: "owner" })
  .inputSchema(loyaltySettingsSchema)
  .action(async ({ parsedInput, ctx }) => previewLoyaltySettings(ctx.context, parsedInput));

export const saveLoyaltyAction = actionClient
  .metadata({ action: "settings.loyalty", minRole: "owner" })
  .inputSchema(loyaltySettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveLoyaltySettings(ctx.context, parsedInput);
    revalidatePath("/settings/loyalty");
    return saved;
  });

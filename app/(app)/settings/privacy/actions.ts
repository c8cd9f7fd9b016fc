"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { liftSuppression } from "@/lib/customers/suppression";

export const liftSuppressionAction = actionClient
  .metadata({ action: "suppression.lift", minRole: "owner" })
  .inputSchema(z.object({ suppressionId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await liftSuppression(ctx.context, parsedInput.suppressionId);
    revalidatePath("/settings/privacy");
  });

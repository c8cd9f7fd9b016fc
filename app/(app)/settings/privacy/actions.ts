"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { liftDeletion } from "@/lib/customers/deletions";

export const liftSuppressionAction = actionClient
  .metadata({ action: "suppression.lift", minRole: "owner" })
  .inputSchema(z.object({ deletionId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await liftDeletion(ctx.context, parsedInput.deletionId);
    revalidatePath("/settings/privacy");
  });

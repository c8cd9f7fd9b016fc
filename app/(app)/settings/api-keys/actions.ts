"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { createApiKey, newApiKeySchema, revokeApiKey } from "@/lib/api-keys/manage";

export const createApiKeyAction = actionClient
  .metadata({ action: "settings.api_key.create", minRole: "owner" })
  .inputSchema(newApiKeySchema)
  .action(async ({ parsedInput, ctx }) => {
    const { key, secret } = await createApiKey(ctx.context, parsedInput);
    revalidatePath("/settings/api-keys");
    // The only response that ever carries the secret.
    return { id: key.id, name: key.name, prefix: key.prefix, secret };
  });

export const revokeApiKeyAction = actionClient
  .metadata({ action: "settings.api_key.revoke", minRole: "owner" })
  .inputSchema(z.object({ id: z.string() }))
  .action(async ({ parsedInput, ctx }) => {
    await revokeApiKey(ctx.context, parsedInput);
    revalidatePath("/settings/api-keys");
  });

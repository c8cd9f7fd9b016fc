"use server";

import { actionClient } from "@/lib/actions/client";
import { changeOwnPassword, ownPasswordSchema } from "@/lib/team/own-password";

// Every role changes its own password; the lib function checks the current one.
export const changeOwnPasswordAction = actionClient
  .metadata({ action: "account.password", minRole: "staff" })
  .inputSchema(ownPasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    await changeOwnPassword(ctx.context, parsedInput);
  });

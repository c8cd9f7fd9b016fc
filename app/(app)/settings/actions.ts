"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { passSerialFormatSchema } from "@/lib/customers/serials";
import { savePassSerialFormat } from "@/lib/settings/business";

export const savePassSerialFormatAction = actionClient
  .metadata({ action: "settings.business.serial_format", minRole: "owner" })
  .inputSchema(passSerialFormatSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await savePassSerialFormat(ctx.context, parsedInput);
    revalidatePath("/settings");
    return saved;
  });

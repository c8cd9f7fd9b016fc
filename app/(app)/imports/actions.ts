"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { TEXT_ENCODINGS } from "@/lib/imports/encoding";
import { DELIMITERS } from "@/lib/imports/delimiter";
import { mappingSchema } from "@/lib/imports/mapping";
import { previewUpload, startUploadedImport } from "@/lib/imports/preview";
import { cancelAndUndoImport, cancelImport, getImport, undoImport } from "@/lib/imports/store";
import { customersMappingSchema } from "@/lib/imports/customer-rows";

// Mapping, confirmation, cancel and undo: manager+ (the upload itself is a route handler).
const choicesSchema = z.object({ encoding: z.enum(TEXT_ENCODINGS).optional(), delimiter: z.enum(DELIMITERS).optional(), sheet: z.string().max(200).optional() });
const uploadSchema = z.object({
  token: z.string().max(60),
  fileName: z.string().max(255),
  mapping: mappingSchema,
  choices: choicesSchema,
  kind: z.enum(["events", "customers"]).optional(),
  customersMapping: customersMappingSchema.optional(),
});

export const previewImportAction = actionClient
  .metadata({ action: "import.preview", minRole: "manager" })
  .inputSchema(uploadSchema.extend({ mapping: mappingSchema.optional() }))
  .action(async ({ parsedInput, ctx }) => previewUpload(ctx.context, parsedInput));

export const startImportAction = actionClient
  .metadata({ action: "import.start", minRole: "manager" })
  .inputSchema(uploadSchema.extend({ saveAs: z.string().trim().min(1).max(80).optional(), dryRun: z.boolean().optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const view = await startUploadedImport(ctx.context, parsedInput);
    revalidatePath("/imports");
    return { id: view.id, view };
  });

export const importStatusAction = actionClient
  .metadata({ action: "import.status", minRole: "manager" })
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => getImport(ctx.context, parsedInput.id));

export const cancelImportAction = actionClient
  .metadata({ action: "import.cancel", minRole: "manager" })
  .inputSchema(z.object({ id: z.uuid(), undo: z.boolean().default(false) }))
  .action(async ({ parsedInput, ctx }) => {
    const { user } = ctx.context;
    // "Undo it": the import stops after its current chunk, then everything it committed is undone.
    if (parsedInput.undo) await cancelAndUndoImport(ctx.context, parsedInput.id, { merchantId: ctx.context.merchantId, userId: user.id, label: user.name });
    else await cancelImport(ctx.context, parsedInput.id);
    revalidatePath(`/imports/${parsedInput.id}`);
    revalidatePath("/imports");
  });

export const undoImportAction = actionClient
  .metadata({ action: "import.undo", minRole: "manager" })
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    const { user } = ctx.context;
    await undoImport(ctx.context, parsedInput.id, { merchantId: ctx.context.merchantId, userId: user.id, label: user.name });
    revalidatePath(`/imports/${parsedInput.id}`);
    revalidatePath("/imports");
  });

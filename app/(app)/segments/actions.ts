"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { parseDefinition } from "@/lib/segments/definition";
import { previewSegment } from "@/lib/segments/evaluate";
import { createSegment, deleteSegment, duplicateSegment, updateSegment } from "@/lib/segments/saved";

const id = z.uuid();

/** The builder's live preview. An invalid definition is an answer (with its path), not an error. */
export const previewSegmentAction = actionClient
  .metadata({ action: "segments.preview", minRole: "manager" })
  .inputSchema(z.object({ definition: z.unknown(), selfId: id.optional() }))
  .action(async ({ parsedInput, ctx }) => {
    const parsed = parseDefinition(parsedInput.definition);
    if (!parsed.ok) return { ok: false as const, path: parsed.path, message: parsed.message };
    const preview = await previewSegment(ctx.context, parsed.definition, { selfId: parsedInput.selfId, limit: 5 });
    return { ok: true as const, ...preview };
  });

export const saveSegmentAction = actionClient
  .metadata({ action: "segments.save", minRole: "manager" })
  .inputSchema(z.object({ id: id.optional(), name: z.string().max(200), description: z.string().max(1000), definition: z.unknown() }))
  .action(async ({ parsedInput, ctx }) => {
    const { id: segmentId, ...input } = parsedInput;
    const saved = segmentId ? await updateSegment(ctx.context, segmentId, input) : await createSegment(ctx.context, input);
    revalidatePath("/segments");
    return { id: saved.id };
  });

export const renameSegmentAction = actionClient
  .metadata({ action: "segments.rename", minRole: "manager" })
  .inputSchema(z.object({ id, name: z.string().max(200) }))
  .action(async ({ parsedInput, ctx }) => {
    await updateSegment(ctx.context, parsedInput.id, { name: parsedInput.name });
    revalidatePath("/segments");
  });

export const duplicateSegmentAction = actionClient
  .metadata({ action: "segments.duplicate", minRole: "manager" })
  .inputSchema(z.object({ id }))
  .action(async ({ parsedInput, ctx }) => {
    const copy = await duplicateSegment(ctx.context, parsedInput.id);
    revalidatePath("/segments");
    return { id: copy.id };
  });

export const deleteSegmentAction = actionClient
  .metadata({ action: "segments.delete", minRole: "manager" })
  .inputSchema(z.object({ id }))
  .action(async ({ parsedInput, ctx }) => {
    await deleteSegment(ctx.context, parsedInput.id);
    revalidatePath("/segments");
  });

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { addLocation, locationNameSchema, renameLocation, setLocationArchived } from "@/lib/locations/manage";

const done = () => revalidatePath("/settings/locations");

export const addLocationAction = actionClient
  .metadata({ action: "settings.location.add", minRole: "owner" })
  .inputSchema(z.object({ name: locationNameSchema }))
  .action(async ({ parsedInput, ctx }) => {
    const location = await addLocation(ctx.context, parsedInput);
    done();
    return location;
  });

export const renameLocationAction = actionClient
  .metadata({ action: "settings.location.rename", minRole: "owner" })
  .inputSchema(z.object({ locationId: z.uuid(), name: locationNameSchema }))
  .action(async ({ parsedInput, ctx }) => {
    await renameLocation(ctx.context, parsedInput);
    done();
  });

export const archiveLocationAction = actionClient
  .metadata({ action: "settings.location.archive", minRole: "owner" })
  .inputSchema(z.object({ locationId: z.uuid(), archived: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    await setLocationArchived(ctx.context, parsedInput);
    done();
  });

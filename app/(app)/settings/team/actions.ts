"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { ROLES } from "@/lib/auth/roles";
import { addMember, changeMemberRole, newMemberSchema, setMemberDisabled } from "@/lib/team/members";

export const addMemberAction = actionClient
  .metadata({ action: "team.add", minRole: "owner" })
  .inputSchema(newMemberSchema)
  .action(async ({ parsedInput, ctx }) => {
    const member = await addMember(ctx.context, parsedInput);
    revalidatePath("/settings/team");
    return { id: member.id };
  });

export const changeRoleAction = actionClient
  .metadata({ action: "team.role", minRole: "owner" })
  .inputSchema(z.object({ userId: z.string(), role: z.enum(ROLES) }))
  .action(async ({ parsedInput, ctx }) => {
    await changeMemberRole(ctx.context, parsedInput);
    revalidatePath("/settings/team");
  });

export const setDisabledAction = actionClient
  .metadata({ action: "team.disable", minRole: "owner" })
  .inputSchema(z.object({ userId: z.string(), disabled: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => {
    await setMemberDisabled(ctx.context, parsedInput);
    revalidatePath("/settings/team");
  });

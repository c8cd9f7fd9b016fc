"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { contactSchema, updateCustomerContact } from "@/lib/customers/edit";
import { deleteCustomer, deleteCustomerSchema } from "@/lib/customers/privacy";
import { voidEvent, voidEventSchema } from "@/lib/events/void";

// Editing contact details and deleting are manager+; the lib functions check the role again.
export const updateContactAction = actionClient
  .metadata({ action: "customer.update", minRole: "manager" })
  .inputSchema(contactSchema)
  .action(async ({ parsedInput, ctx }) => {
    await updateCustomerContact(ctx.context, parsedInput);
    revalidatePath(`/customers/${parsedInput.customerId}`);
  });

export const deleteCustomerAction = actionClient
  .metadata({ action: "customer.delete", minRole: "manager" })
  .inputSchema(deleteCustomerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const receipt = await deleteCustomer(ctx.context, parsedInput);
    revalidatePath("/customers");
    return { receipt: receipt.auditLogId, eventsRemoved: receipt.eventsRemoved };
  });

// Staff may void what they recorded, managers anything: voidEvent decides per event.
export const voidEventAction = actionClient
  .metadata({ action: "event.void", minRole: "staff" })
  .inputSchema(voidEventSchema.extend({ customerId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await voidEvent(ctx.context, { eventId: parsedInput.eventId, reason: parsedInput.reason });
    revalidatePath(`/customers/${parsedInput.customerId}`);
  });

"use server";

import { revalidatePath } from "next/cache";
import { actionClient } from "@/lib/actions/client";
import { contactSchema, updateCustomerContact } from "@/lib/customers/edit";
import { deleteCustomer, deleteCustomerSchema } from "@/lib/customers/privacy";

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

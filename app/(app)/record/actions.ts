"use server";

import { z } from "zod";
import { actionClient } from "@/lib/actions/client";
import { createCustomer, newCustomerSchema } from "@/lib/customers/create";
import { manualEventSchema, recordManualEvent } from "@/lib/events/manual";
import { voidEvent } from "@/lib/events/void";

export const recordEventAction = actionClient
  .metadata({ action: "record.event", minRole: "staff" })
  .inputSchema(manualEventSchema)
  .action(async ({ parsedInput, ctx }) => recordManualEvent(ctx.context, parsedInput));

export const undoEventAction = actionClient
  .metadata({ action: "record.undo", minRole: "staff" })
  .inputSchema(z.object({ eventId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => voidEvent(ctx.context, { eventId: parsedInput.eventId, reason: "Undone at the counter" }));

export const createCustomerAction = actionClient
  .metadata({ action: "record.create_customer", minRole: "staff" })
  .inputSchema(newCustomerSchema)
  .action(async ({ parsedInput, ctx }) => {
    const customer = await createCustomer(ctx.context, parsedInput);
    return { ...customer, pointsBalance: 0, visitCount: 0, tier: null, lifetimeSpend: "0.00", lastSeenAt: null, exact: true };
  });

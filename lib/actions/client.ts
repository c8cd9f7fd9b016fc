import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { requireContext } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";

/**
 * The one server-action client: every action declares the least role it needs, and the middleware
 * resolves the caller's merchant context itself. Users see expected errors' messages only.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ action: z.string(), minRole: z.enum(ROLES) }),
  handleServerError(error, { metadata }) {
    if (isAppError(error)) return { code: error.code, message: error.message, path: error.path };
    console.error(`[action ${metadata?.action ?? "?"}] unexpected error`, error);
    return { code: "internal_error" as const, message: "Something went wrong. Please try again." };
  },
}).use(async ({ next, metadata }) => {
  const context = await requireContext(metadata.minRole);
  return next({ ctx: { context } });
});

export type ActionServerError = { code: string; message: string; path?: string };

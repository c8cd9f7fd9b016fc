import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSessionEnded } from "./ended-sessions";
import { authOptions } from "./options";
import { hasRole, type Role } from "./roles";

/** The merchant a call runs for. Every lib function on merchant data takes this (or more) first. */
export interface MerchantScope {
  merchantId: string;
  merchant: { id: string; name: string; timeZone: string; currency: string };
}

/** A signed-in dashboard user's scope. (API calls carry an API key instead; see lib/auth/api-key-auth.ts.) */
export interface MerchantContext extends MerchantScope {
  user: { id: string; name: string; email: string; role: Role };
}

/**
 * The signed-in user's context, read once per request. The JWT only names the user; the user row
 * is re-read so that disabling a member or changing a role takes effect on their next request.
 */
export const getMerchantContext = cache(async (): Promise<MerchantContext | null> => {
  const session = await getServerSession(authOptions);
  const sessionUser = session?.user as { id?: string; sv?: number; sid?: string } | undefined;
  const userId = sessionUser?.id;
  if (!userId) return null;
  const [user, ended] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: {
        id: true, name: true, email: true, role: true, disabledAt: true, sessionVersion: true,
        merchant: { select: { id: true, name: true, timeZone: true, currency: true } },
      },
    }),
    sessionUser?.sid ? isSessionEnded(sessionUser.sid) : false,
  ]);
  if (!user || user.disabledAt || ended) return null;
  if (sessionUser?.sv !== user.sessionVersion) return null;
  return {
    merchantId: user.merchant.id,
    merchant: user.merchant,
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
  };
});

/** For pages and layouts: sends the signed-out to /login and answers 403 above one's role. */
export async function requirePageContext(minRole: Role = "staff"): Promise<MerchantContext> {
  const context = await getMerchantContext();
  if (!context) redirect("/login");
  if (!hasRole(context.user.role, minRole)) forbidden();
  return context;
}

/** For server actions and route handlers: throws an AppError instead of redirecting. */
export async function requireContext(minRole: Role = "staff"): Promise<MerchantContext> {
  const context = await getMerchantContext();
  if (!context) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (!hasRole(context.user.role, minRole)) throw new AppError("forbidden", "Your role does not allow this.");
  return context;
}

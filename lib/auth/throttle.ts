import "server-only";
import { db } from "@/lib/db";

// The 11th failed sign-in for one address within 15 minutes is refused, whether or not the
// address exists, so the throttle itself reveals nothing.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function isSignInThrottled(email: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: normaliseEmail(email), succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.loginAttempt.count({
    where: {
      email: normaliseEmail(email),
      succeeded: false,
      createdAt: { gte: lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since },
    },
  });
  return failures >= MAX_FAILURES;
}

export async function recordSignInAttempt(email: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email: normaliseEmail(email), succeeded } });
}

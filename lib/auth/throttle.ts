import "server-only";
import { db } from "@/lib/db";

// Sign-in throttling. Each attempt first reserves its place: under an advisory lock per email,
// one transaction counts the recent failures and, if under every limit,
// records this attempt as a failure before the password is checked (a success then marks it
// succeeded). However many attempts arrive at once, no more passwords are checked than the limits
// allow. Unknown emails are throttled exactly like real ones, so the throttle reveals nothing.
//
// Limits per 15 minutes (failures since the account's last successful sign-in):
// - 10 per account from one client address: a guesser at one address is stopped;
// - 100 per account from all addresses: a guesser spread over many addresses is stopped too;
// - 50 per client address over all accounts: one address cannot spray many accounts.
// So 10 wrong passwords from one address lock that address out of that account only; the owner
// signs in from anywhere else (another network) as usual.
export const MAX_FAILURES = 10;
export const MAX_ACCOUNT_FAILURES = 100;
export const MAX_ADDRESS_FAILURES = 50;
export const WINDOW_MS = 15 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type SignInReservation = { throttled: true } | { throttled: false; attemptId: bigint };

/** Reserves one sign-in attempt for this email and client address, or reports it throttled. */
export async function reserveSignInAttempt(email: string, clientAddress: string, now = new Date()): Promise<SignInReservation> {
  const address = clientAddress.slice(0, 100);
  const normalised = normaliseEmail(email);
  const since = new Date(now.getTime() - WINDOW_MS);
  return db.$transaction(async (tx) => {
    // One lock per account: attempts on one account are counted one at a time, so its limits are
    // exact. Attempts on different accounts never wait for each other (everyone behind one office
    // router shares an address), so the per-address limit over all accounts may be overshot by
    // the attempts that are in flight at the same moment.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('signin:email:' || ${normalised}, 0))`;
    // A new statement, so its snapshot sees every attempt committed before the locks were granted.
    const [counts] = await tx.$queryRaw<{ pair: number; account: number; address: number }[]>`
      WITH start AS (
        SELECT greatest(${since}::timestamptz, coalesce(max(created_at), ${since}::timestamptz)) AS t
        FROM login_attempts WHERE email = ${normalised} AND succeeded AND created_at >= ${since}
      )
      SELECT
        (SELECT count(*) FROM login_attempts, start WHERE email = ${normalised} AND client_address = ${address} AND NOT succeeded AND created_at > start.t)::int AS pair,
        (SELECT count(*) FROM login_attempts, start WHERE email = ${normalised} AND NOT succeeded AND created_at > start.t)::int AS account,
        (SELECT count(*) FROM login_attempts WHERE client_address = ${address} AND NOT succeeded AND created_at >= ${since})::int AS address`;
    if (!counts || counts.pair >= MAX_FAILURES || counts.account >= MAX_ACCOUNT_FAILURES || counts.address >= MAX_ADDRESS_FAILURES) {
      return { throttled: true } as const;
    }
    const attempt = await tx.loginAttempt.create({ data: { email: normalised, clientAddress: address, succeeded: false, createdAt: now }, select: { id: true } });
    return { throttled: false, attemptId: attempt.id } as const;
    // Attempts for one account queue on its lock, each holding a connection for a few ms: a burst
    // of 100 waits its turn rather than failing.
  }, { maxWait: 15_000, timeout: 15_000 });
}

/** The reserved attempt signed in: it no longer counts as a failure, and resets the count. */
export async function markSignInSucceeded(attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

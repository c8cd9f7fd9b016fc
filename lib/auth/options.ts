import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { isStorableText } from "@/lib/validation/storable";
import { clientAddressFromHeaders } from "./client-address";
import { endSession } from "./ended-sessions";
import { safeCallbackUrl } from "./callback-url";
import { dummyPasswordHash, verifyPassword } from "./password";
import { markSignInSucceeded, normaliseEmail, reserveSignInAttempt } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60; // a working day

const credentials = z.object({
  email: z.string().trim().min(3).max(320).refine(isStorableText),
  password: z.string().min(1).max(200),
});

/** next-auth hands a thrown error's message to the form as its error code: only this one is thrown. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/**
 * Returns the user on success, null on any failure (unknown email and wrong password alike).
 * Throws only TOO_MANY_ATTEMPTS; anything unexpected is logged and answered as a failed sign-in,
 * so no internal message ever reaches the browser (next-auth would put it in the redirect URL).
 */
export async function authenticate(input: unknown, clientAddress = ""): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  let reservation;
  try {
    reservation = await reserveSignInAttempt(email, clientAddress);
  } catch (error) {
    console.error("[auth] could not check the sign-in throttle", error);
    return null;
  }
  if (reservation.throttled) throw new Error(TOO_MANY_ATTEMPTS);
  try {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, name: true, merchantId: true, passwordHash: true, disabledAt: true, sessionVersion: true },
    });
    // Verify against a dummy hash for unknown emails so both paths take the same time.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
    if (!user || !ok || user.disabledAt) return null; // the reserved attempt stays a failure
    await markSignInSucceeded(reservation.attemptId);
    await writeAudit({ merchantId: user.merchantId, userId: user.id, label: user.name }, { action: "user.signed_in" });
    return { id: user.id, sessionVersion: user.sessionVersion };
  } catch (error) {
    console.error("[auth] sign-in failed unexpectedly", error);
    return null;
  }
}

/**
 * Signing out ends the session on the server too, so a copied cookie stops working at once.
 * Tokens from before sessions had ids end every session of the user (the session version).
 */
export async function endSignedOutSession(token: { sub?: string; sid?: unknown; exp?: unknown } | null | undefined): Promise<void> {
  const userId = token?.sub;
  if (!userId || !z.uuid().safeParse(userId).success) return;
  if (typeof token.sid === "string" && token.sid) {
    const expiresAt = typeof token.exp === "number" ? new Date(token.exp * 1000) : new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
    await endSession({ sessionId: token.sid, userId, expiresAt });
    return;
  }
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

const baseUrl = () => process.env.NEXTAUTH_URL ?? "http://localhost:3000";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  // `__Secure-` cookies with the Secure flag whenever the public URL is https (npm start behind TLS).
  useSecureCookies: baseUrl().startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input, request) {
        const user = await authenticate(input, clientAddressFromHeaders(request?.headers));
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        // This sign-in's id: kept through token refreshes, listed on sign-out (ended-sessions.ts).
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      // Only the id and session version travel; everything else is read fresh on each request.
      return { expires: session.expires, user: { id: token.sub, sv: token.sv, sid: token.sid } } as typeof session;
    },
    redirect({ url, baseUrl: base }) {
      return new URL(safeCallbackUrl(url, base), base).toString();
    },
  },
  events: {
    async signOut({ token }) {
      await endSignedOutSession(token);
    },
  },
};

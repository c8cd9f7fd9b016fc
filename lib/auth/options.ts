import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { isSignInThrottled, normaliseEmail, recordSignInAttempt } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60; // a working day

const credentials = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) });

/** Returns the user id on success, null on any failure (unknown email and wrong password alike). */
export async function authenticate(input: unknown): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  // next-auth hands a thrown error's message to the form as its error code.
  if (await isSignInThrottled(email)) throw new Error("TooManyAttempts");

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, merchantId: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  // Verify against a dummy hash for unknown emails so both paths take the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (!user || !ok || user.disabledAt) {
    await recordSignInAttempt(email, false);
    return null;
  }
  await recordSignInAttempt(email, true);
  await writeAudit({ merchantId: user.merchantId, userId: user.id, label: user.name }, { action: "user.signed_in" });
  return { id: user.id, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input) {
        const user = await authenticate(input);
        return user ? { id: user.id, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      }
      return token;
    },
    session({ session, token }) {
      // Only the id and session version travel; everything else is read fresh on each request.
      return { expires: session.expires, user: { id: token.sub, sv: token.sv } } as typeof session;
    },
  },
};

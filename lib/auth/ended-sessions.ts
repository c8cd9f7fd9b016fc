import "server-only";
import { db } from "@/lib/db";

// Signing out ends that session on the server: its id is listed until the token would have
// expired, and a request carrying it is treated as signed out (lib/auth/session.ts). Other
// sessions of the same user (the counter tablet) go on.

/** Lists the session as ended (and forgets sessions whose tokens have expired anyway). */
export async function endSession(session: { sessionId: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.$transaction([
    db.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
    db.endedSession.upsert({
      where: { sessionId: session.sessionId },
      create: session,
      update: {},
    }),
  ]);
}

export async function isSessionEnded(sessionId: string): Promise<boolean> {
  return (await db.endedSession.findUnique({ where: { sessionId }, select: { sessionId: true } })) !== null;
}

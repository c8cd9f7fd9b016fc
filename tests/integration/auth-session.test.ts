// Issue #10, points 3 and 5 at the next-auth level (the copied-cookie attack itself is in
// e2e/hardening.spec.ts): sign-out ends the session server-side; https means Secure cookies.
// next-auth does not export its core; the handler behind every /api/auth route is reached by path.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isSessionEnded } from "@/lib/auth/ended-sessions";
import { db } from "@/lib/db";
import { createContext } from "../support/factories";

const original = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = original;
  vi.resetModules();
});

async function optionsWith(url: string) {
  process.env.NEXTAUTH_URL = url;
  vi.resetModules();
  return (await import("@/lib/auth/options")).authOptions;
}

describe("#10.5 cookies behind https", () => {
  it("sets Secure (and __Secure-/__Host- names) when NEXTAUTH_URL is https", async () => {
    const options = await optionsWith("https://punchcard.example.com");
    const result = await AuthHandler({ req: new Request("https://punchcard.example.com/api/auth/csrf"), options });
    const cookies = result.cookies ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.options.secure, cookie.name).toBe(true);
      expect(cookie.name).toMatch(/^__(Secure|Host)-/);
    }
  });

  it("keeps plain cookies on http (local development)", async () => {
    const options = await optionsWith("http://localhost:3000");
    const result = await AuthHandler({ req: new Request("http://localhost:3000/api/auth/csrf"), options });
    expect(result.cookies?.every((c) => !c.options.secure)).toBe(true);
  });
});

describe("#10.3 sign-out", () => {
  it("lists the signed-out session as ended until its token expires, leaving the user's other sessions", async () => {
    const context = await createContext("staff");
    const options = await optionsWith("http://localhost:3000");
    const token = await options.callbacks?.jwt?.({ token: {}, user: { id: context.user.id, sessionVersion: 1 } as never, account: null }) as { sid: string; sub: string };
    const other = await options.callbacks?.jwt?.({ token: {}, user: { id: context.user.id, sessionVersion: 1 } as never, account: null }) as { sid: string };
    expect(token.sid).not.toBe(other.sid);
    const exp = Math.floor(Date.now() / 1000) + 3600;
    await options.events?.signOut?.({ token: { ...token, exp }, session: null as never });
    expect(await isSessionEnded(token.sid)).toBe(true);
    expect(await isSessionEnded(other.sid)).toBe(false);
    const row = await db.endedSession.findUniqueOrThrow({ where: { sessionId: token.sid } });
    expect(row.expiresAt.getTime()).toBe(exp * 1000);
  });

  it("ends every session of the user for a token from before session ids", async () => {
    const context = await createContext("staff");
    const options = await optionsWith("http://localhost:3000");
    await options.events?.signOut?.({ token: { sub: context.user.id }, session: null as never });
    expect((await db.user.findUniqueOrThrow({ where: { id: context.user.id } })).sessionVersion).toBe(2);
  });
});

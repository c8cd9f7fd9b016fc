// Issue #10, points 3 and 5 at the next-auth level (the copied-cookie attack itself is in
// e2e/hardening.spec.ts): sign-out ends the session server-side; https means Secure cookies.
// next-auth does not export its core; the handler behind every /api/auth route is reached by path.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { afterEach, describe, expect, it, vi } from "vitest";
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
  it("bumps the user's session version, so every token issued before is refused", async () => {
    const context = await createContext("staff");
    const options = await optionsWith("http://localhost:3000");
    const before = await db.user.findUniqueOrThrow({ where: { id: context.user.id } });
    await options.events?.signOut?.({ token: { sub: context.user.id }, session: null as never });
    const after = await db.user.findUniqueOrThrow({ where: { id: context.user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });
});

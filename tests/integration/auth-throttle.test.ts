// Issue #10, points 1 and 4: the sign-in throttle holds under parallel attempts, is per account
// and client address, and no internal error text comes out of a sign-in.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/options";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { createContext, TEST_PASSWORD } from "../support/factories";

async function attempt(email: string, password: string, address: string): Promise<"ok" | "wrong" | "throttled"> {
  try {
    return (await authenticate({ email, password }, address)) ? "ok" : "wrong";
  } catch (error) {
    if (error instanceof Error && error.message === "TooManyAttempts") return "throttled";
    throw error;
  }
}

describe("#10.1 the sign-in throttle", () => {
  it("checks at most 10 passwords when 100 attempts for one account arrive at once", async () => {
    const context = await createContext("owner");
    const tries = Array.from({ length: 100 }, (_, i) => (i === 60 ? TEST_PASSWORD : `wrong-${i}`));
    const outcomes = await Promise.all(tries.map((password) => attempt(context.user.email, password, "203.0.113.7")));
    const checked = outcomes.filter((o) => o !== "throttled").length;
    expect(checked, JSON.stringify({ wrong: outcomes.filter((o) => o === "wrong").length, ok: outcomes.filter((o) => o === "ok").length })).toBeLessThanOrEqual(MAX_FAILURES);
    expect(await db.loginAttempt.count({ where: { email: context.user.email, succeeded: false } })).toBeLessThanOrEqual(MAX_FAILURES);
  });

  it("locks one client address out of one account, not the owner signing in from elsewhere", async () => {
    const context = await createContext("owner");
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt(context.user.email, `wrong-${i}`, "198.51.100.1")).toBe("wrong");
    expect(await attempt(context.user.email, TEST_PASSWORD, "198.51.100.1")).toBe("throttled");
    expect(await attempt(context.user.email, TEST_PASSWORD, "192.0.2.44")).toBe("ok");
  });
});

describe("#10.4 no internal error text from a sign-in", () => {
  it("answers a NUL in the email as a plain failed sign-in", async () => {
    const context = await createContext("owner");
    await expect(authenticate({ email: context.user.email.replace("@", "\u0000@"), password: TEST_PASSWORD }, "192.0.2.9")).resolves.toBeNull();
    await expect(authenticate({ email: `${context.user.email}\u0000`, password: "x" })).resolves.toBeNull();
  });
});

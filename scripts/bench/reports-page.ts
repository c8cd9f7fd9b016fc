// The Reports page timed as a browser gets it, for `npm run bench -- reports`: GET /reports with an
// owner's session cookie, the whole streamed body read, from a built app (see reports.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";

interface Db {
  $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>;
}
type Median = (fn: () => Promise<unknown>) => Promise<{ ms: number; value: unknown }>;

const ROOT = path.join(import.meta.dirname, "..", "..");

async function waitForServer(base: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      await fetch(`${base}/login`, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`next start did not answer at ${base} within ${timeoutMs / 1000} s`);
}

/** Median ms of a signed-in GET of `pathAndQuery`, or why it was not measured. */
export async function timePageOverHttp(db: Db, merchantId: string, pathAndQuery: string, pageUrl: string | undefined, median: Median): Promise<{ ms: number } | string> {
  const [owner] = await db.$queryRaw<{ id: string; session_version: number }[]>`
    SELECT id::text, session_version FROM users WHERE merchant_id = ${merchantId}::uuid AND role = 'owner' AND disabled_at IS NULL ORDER BY created_at LIMIT 1`;
  if (!owner) return "skipped: the merchant has no owner to sign in as";
  let server: ChildProcess | null = null;
  let base = pageUrl?.replace(/\/$/, "");
  let secret = process.env.NEXTAUTH_SECRET;
  if (!base) {
    if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return "skipped: no build (run `npx next build` first, or pass --page-url of a running app)";
    const port = process.env.PORT ?? "3040";
    base = `http://127.0.0.1:${port}`;
    secret ??= randomBytes(32).toString("base64");
    server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], {
      cwd: ROOT, stdio: "ignore", env: { ...process.env, NODE_ENV: "production", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base },
    });
  }
  if (!secret) return "skipped: --page-url needs the app's NEXTAUTH_SECRET in this environment";
  try {
    if (server) await waitForServer(base, server);
    const token = await encode({ token: { sub: owner.id, sv: owner.session_version, sid: randomUUID() }, secret });
    const url = `${base}${pathAndQuery}`;
    const get = async () => {
      const res = await fetch(url, { headers: { cookie: `next-auth.session-token=${token}` }, redirect: "manual" });
      const body = await res.text();
      if (res.status !== 200 || !body.includes("Summary")) throw new Error(`GET ${url} answered ${res.status} without the summary`);
      return body.length;
    };
    const { ms, value } = await median(get);
    console.log(`\n  GET ${pathAndQuery}: ${Number(value).toLocaleString("en-US")} bytes of HTML`);
    return { ms };
  } finally {
    server?.kill("SIGTERM");
  }
}

// `npm run dev` / `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo
// data on first start, then Next.js. Ctrl-C stops Next and the embedded database together.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "../lib/platform/migrations";
import { loadDotEnv, resolveDatabase } from "../lib/platform/database-url";
import { persistentSecret } from "../lib/platform/embedded-postgres";
import { hasMerchants, seedDemoData } from "../lib/seed/load";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    ephemeral: { type: "boolean", default: false },
    customers: { type: "string" },
    events: { type: "string" },
  },
});
const mode = positionals[0] === "start" ? "start" : "dev";
const say = (line: string) => console.log(`\x1b[36m[punchcard]\x1b[0m ${line}`);

async function main() {
  loadDotEnv();
  const port = Number(process.env.PORT ?? 3000);
  const t0 = Date.now();
  const database = await resolveDatabase({ ephemeral: values.ephemeral, log: say });
  say(database.embedded ? `embedded PostgreSQL ready (${database.embedded.dataDir})` : "using DATABASE_URL");

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (database.embedded) {
      await database.embedded.stop().catch((error: unknown) => console.error(error));
      say("embedded PostgreSQL stopped");
    }
    process.exit(code);
  };

  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) say(`applied migrations: ${applied.join(", ")}`);

    const demo = Boolean(database.embedded);
    if (demo && !(await hasMerchants(database.url))) {
      say("first start: loading demo data (Brew & Bean, Iron Temple Gym)…");
      const result = await seedDemoData(database.url, {
        customers: values.customers ? Number(values.customers) : undefined,
        events: values.events ? Number(values.events) : undefined,
        log: say,
      });
      say(`demo data loaded: ${result.customers} customers, ${result.events} events in ${(result.ms / 1000).toFixed(1)} s`);
    }

    if (!process.env.NEXTAUTH_SECRET) {
      if (!demo) {
        console.error("NEXTAUTH_SECRET is not set. Set it to a long random string (see .env.example).");
        return shutdown(1);
      }
      process.env.NEXTAUTH_SECRET = values.ephemeral
        ? randomBytes(32).toString("base64url")
        : persistentSecret(path.join(process.cwd(), ".data", "auth-secret"), () => randomBytes(32).toString("base64url"));
    }

    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PUNCHCARD_DEMO: demo ? "1" : (process.env.PUNCHCARD_DEMO ?? "0"),
      PORT: String(port),
    };
    const next = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), [mode, "-p", String(port)], {
      env,
      stdio: "inherit",
    });
    say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s → http://localhost:${port}`);
    if (demo) say("sign in as owner@brewbean.test (or manager@ / staff@brewbean.test, owner@irontemple.test), password punchcard-demo");

    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.on(signal, () => {
        next.kill("SIGTERM");
      });
    }
    next.on("exit", (code) => void shutdown(code ?? 0));
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

void main();

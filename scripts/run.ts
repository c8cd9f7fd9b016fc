// `npm run dev` / `npm start`: database (embedded unless DATABASE_URL is set), migrations, demo
// data on first start, then Next.js in this process as a custom server
// (https://nextjs.org/docs/app/guides/custom-server). In start mode the POS API (/api/v1/*) is
// served by the lean front in lib/api/server.ts, because Next's own request handling costs ~1 ms
// of CPU per request, more than recording the event; every other path goes to Next. In dev mode
// Next serves everything, so edits to the route handlers hot-reload. Ctrl-C / SIGTERM stops the
// server and the embedded database together.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "../lib/auth/client-address";
import { applyMigrations } from "../lib/platform/migrations";
import { loadDotEnv, resolveDatabase } from "../lib/platform/database-url";
import { persistentSecret } from "../lib/platform/embedded-postgres";
import { hasMerchants, seedDemoData } from "../lib/seed/load";
import { allowServerOnlyImports } from "./server-only-hook";

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

// Next and React choose their production or development builds from NODE_ENV as they load, so it
// is set before Next is imported (below, dynamically), as `next start` / `next dev` would.
Object.assign(process.env, { NODE_ENV: mode === "start" ? "production" : "development" });

// Loading lib/ a second time, on purpose: the lean front imports lib/ through Node's own loader,
// while Next's server bundles carry their own compiled copy of the same modules. So this process
// holds two instances of every lib/ module, each with its own module-level state: two Prisma clients
// (each with its DATABASE_POOL_SIZE connections), two API rate limiters and coalescers (the lean
// one serves all /api/v1 traffic in production). Sharing one instance would mean routing the API
// through Next's bundles, the ~1 ms per request this front exists to avoid. A future worker (the
// job queue) started from here should load lib/ this same way (joining this instance, not
// adding a third pool) or run as its own process; it must not rely on state set by Next's copy.
async function loadApiFront() {
  allowServerOnlyImports();
  return import("../lib/api/server");
}

// The job queue's workers run in this process unless PUNCHCARD_WORKER=off (then `npm run worker`
// runs them elsewhere); enqueueing works either way.
async function startWorkers() {
  if (process.env.PUNCHCARD_WORKER === "off") return null;
  allowServerOnlyImports();
  const jobs = await import("../lib/jobs/queue");
  await jobs.startJobs({ log: say });
  return jobs;
}

// Playwright's factories (e2e/factories.ts) create each spec's own merchant through one extra
// route, mounted only on a throw-away database and only when the E2E config asks for it.
async function loadE2EFactories() {
  if (!values.ephemeral || process.env.PUNCHCARD_E2E_FACTORIES !== "1") return null;
  say("E2E factories on (POST /__e2e/merchants)");
  return import("./e2e-factory");
}

async function main() {
  loadDotEnv();
  const port = Number(process.env.PORT ?? 3000);
  const t0 = Date.now();
  const database = await resolveDatabase({ ephemeral: values.ephemeral, log: say });
  say(database.embedded ? `embedded PostgreSQL ready (${database.embedded.dataDir})` : "using DATABASE_URL");

  let stopServer = async () => {};
  let stopWorkers = async () => {};
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await stopServer().catch((error: unknown) => console.error(error));
    // Running jobs stop at their next safe point and go back to the queue for the next start.
    await stopWorkers().catch((error: unknown) => console.error(error));
    if (database.embedded) {
      await database.embedded.stop().catch((error: unknown) => console.error(error));
      say("embedded PostgreSQL stopped");
    }
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

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

    Object.assign(process.env, {
      DATABASE_URL: database.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PUNCHCARD_DEMO: demo ? "1" : (process.env.PUNCHCARD_DEMO ?? "0"),
      PORT: String(port),
    });

    const server = createServer();
    const { default: next } = await import("next");
    // Next 16 attaches its own upgrade listener (dev: the HMR WebSocket) to httpServer the first
    // time its request handler runs, which a page load always precedes. app.getUpgradeHandler()
    // is not used: in 16.x it is the inner server's no-op handleUpgrade, and as a listener of its
    // own it would swallow an upgrade that arrives before Next's is attached.
    const app = next({ dev: mode === "dev", hostname: "localhost", port, httpServer: server });
    const handleWithNext = app.getRequestHandler();
    await app.prepare();
    const api = mode === "start" ? await loadApiFront() : null;
    const workers = await startWorkers();
    const factories = await loadE2EFactories();
    if (workers) stopWorkers = () => workers.stopJobs({ timeoutMs: 10_000 });

    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      // Replaces whatever the client sent under this name (see lib/auth/client-address.ts).
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req);
      const url = req.url ?? "/";
      const served = factories?.isFactoryPath(url)
        ? factories.serveFactoryRequest(database.url, req, res)
        : api && api.isApiPath(url) ? api.serveApiRequest(req, res) : handleWithNext(req, res);
      served.catch((error: unknown) => {
        console.error(`[punchcard] ${req.method} ${req.url} failed`, error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    };
    server.on("request", onRequest);
    stopServer = async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await Promise.all([closed, app.close()]);
    };
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, () => resolve());
    });
    say(`${mode === "start" ? "production server (POS API on the lean front)" : "dev server"} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s → http://localhost:${port}`);
    if (demo) say("sign in as owner@brewbean.test (or manager@ / staff@brewbean.test, owner@irontemple.test), password punchcard-demo");
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

void main();

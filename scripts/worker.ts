// `npm run worker`: the job queue's workers in a process of their own, for deployments that run
// app servers with PUNCHCARD_WORKER=off and scale workers separately. Needs DATABASE_URL (with
// the embedded dev database, `npm run dev` already runs the workers in-process). SIGINT/SIGTERM
// stop running jobs at their next safe point and hand them back to the queue.
import { applyMigrations } from "../lib/platform/migrations";
import { loadDotEnv } from "../lib/platform/database-url";
import { allowServerOnlyImports } from "./server-only-hook";

const say = (line: string) => console.log(`\x1b[35m[worker]\x1b[0m ${line}`);

async function main() {
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm run worker` runs against a database of its own; `npm run dev` already runs the workers.");
    process.exit(1);
  }
  await applyMigrations(url);
  allowServerOnlyImports();
  const { startJobs, stopJobs } = await import("../lib/jobs/queue");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say("stopping: running jobs go back to the queue");
    await stopJobs({ timeoutMs: Number(process.env.PUNCHCARD_WORKER_STOP_MS ?? 10_000) }).catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
  await startJobs({ log: say });
  say("ready");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

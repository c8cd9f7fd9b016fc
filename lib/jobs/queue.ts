// The ONE job queue: pg-boss on the app's PostgreSQL (its tables live in the "pgboss" schema,
// created and migrated by pg-boss itself on start). `npm run dev` / `npm start` start it in the
// server process (scripts/run.ts); `npm run worker` runs the same workers in a process of its
// own. Code that only enqueues (route handlers, server actions) gets a send-only instance.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { Prisma } from "@/lib/generated/prisma/client";
import { JobInterrupted, type AnyJob, type JobDefinition } from "./define";
import { HEARTBEAT_MS, STALE_SECONDS, beat, beginRun, endRun, recoverStaleRuns } from "./runs";

interface JobsState {
  boss: PgBoss;
  workerId: string | null;
  running: Map<string, AbortController>;
  timers: NodeJS.Timeout[];
  queues: Set<string>;
  log: (line: string) => void;
}

export interface StartJobsOptions {
  connectionString?: string;
  /** Run workers (default true); false only enqueues. */
  work?: boolean;
  /** Jobs to work on (default: lib/jobs/registry.ts). */
  jobs?: readonly AnyJob[];
  log?: (line: string) => void;
  /** Seconds without a heartbeat after which a run counts as dead (tests shorten it). */
  staleSeconds?: number;
}

// One state per process, on globalThis: Next's bundles and scripts/run.ts load this module as
// separate instances, and in dev Next reloads it; they must all share the one started queue.
const holder = globalThis as unknown as { punchcardJobs?: Promise<JobsState> };

function queueOptions(job: AnyJob): PgBoss.Queue {
  return {
    name: job.name,
    retryLimit: job.retryLimit ?? 2,
    retryDelay: job.retryDelaySeconds ?? 0,
    expireInSeconds: job.expireInSeconds ?? 15 * 60,
  };
}

async function ensureQueue(state: JobsState, job: AnyJob): Promise<void> {
  if (state.queues.has(job.name)) return;
  const options = queueOptions(job);
  if (await state.boss.getQueue(job.name)) await state.boss.updateQueue(job.name, options);
  else {
    // Another process may create it at the same moment; then update is what is left to do.
    await state.boss.createQueue(job.name, options).catch(() => state.boss.updateQueue(job.name, options));
  }
  state.queues.add(job.name);
}

async function workOn(state: JobsState, job: AnyJob, workerId: string): Promise<void> {
  const db = state.boss.getDb();
  const handler = async (batch: PgBoss.JobWithMetadata<unknown>[]) => {
    const pgJob = batch[0];
    if (!pgJob) return;
    const controller = new AbortController();
    state.running.set(pgJob.id, controller);
    await beginRun(db, pgJob.id, job.name, workerId);
    try {
      const data = job.data.parse(pgJob.data);
      await job.run(data, { jobId: pgJob.id, signal: controller.signal, retryCount: pgJob.retryCount });
    } catch (error) {
      if (!(error instanceof JobInterrupted)) console.error(`[jobs] ${job.name} ${pgJob.id} failed`, error);
      throw error;
    } finally {
      state.running.delete(pgJob.id);
      await endRun(db, pgJob.id, workerId).catch((error: unknown) => console.error("[jobs] endRun", error));
    }
  };
  for (let i = 0; i < (job.concurrency ?? 1); i++) {
    await state.boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, handler);
  }
  if (job.schedule) {
    await state.boss.schedule(job.name, job.schedule.cron, job.schedule.data as object, { tz: job.schedule.timeZone ?? "UTC" });
  }
}

async function start(options: StartJobsOptions): Promise<JobsState> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set; the job queue needs the app's database.");
  const work = options.work ?? true;
  const boss = new PgBoss({
    connectionString,
    max: Number(process.env.JOBS_POOL_SIZE ?? 4),
    application_name: work ? "punchcard-worker" : "punchcard-jobs",
    // Only working processes run pg-boss maintenance and the cron clock.
    supervise: work,
    schedule: work,
  });
  boss.on("error", (error: Error & { code?: string }) => {
    // The database shutting down under an idle pooled connection (Ctrl-C stops both) is not news.
    if (error.code === "57P01") return;
    console.error("[jobs]", error);
  });
  await boss.start();
  const log = options.log ?? (() => {});
  const state: JobsState = { boss, workerId: null, running: new Map(), timers: [], queues: new Set(), log };
  if (!work) return state;

  const { JOBS } = options.jobs ? { JOBS: options.jobs } : await import("./registry");
  const workerId = randomUUID();
  state.workerId = workerId;
  for (const job of JOBS) {
    await ensureQueue(state, job);
    await workOn(state, job, workerId);
  }
  const staleSeconds = options.staleSeconds ?? STALE_SECONDS;
  const sweep = async () => {
    const recovered = await recoverStaleRuns(boss, staleSeconds);
    if (recovered > 0) log(`jobs: ${recovered} job(s) of a stopped worker handed back to the queue`);
  };
  const every = (ms: number, task: () => Promise<void>) => {
    const timer = setInterval(() => void task().catch((error: unknown) => console.error("[jobs]", error)), ms);
    timer.unref();
    state.timers.push(timer);
  };
  every(Math.min(HEARTBEAT_MS, (staleSeconds * 1000) / 3), () => beat(boss.getDb(), workerId));
  every(Math.min(15_000, (staleSeconds * 1000) / 2), sweep);
  await sweep();
  log(`jobs: worker ${workerId.slice(0, 8)} working on ${JOBS.map((job) => job.name).join(", ") || "no queues"}`);
  return state;
}

/** Starts the queue with workers in this process (idempotent). */
export async function startJobs(options: StartJobsOptions = {}): Promise<void> {
  if (holder.punchcardJobs) {
    const state = await holder.punchcardJobs;
    if (state.workerId || options.work === false) return;
    await stopJobs();
  }
  holder.punchcardJobs = start(options);
  try {
    await holder.punchcardJobs;
  } catch (error) {
    holder.punchcardJobs = undefined;
    throw error;
  }
}

/** Asks running jobs to stop at a safe point, waits up to timeoutMs, then hands what still runs
 *  back to the queue (pg-boss fails it to "retry"), so the next start resumes it. */
export async function stopJobs(options: { timeoutMs?: number } = {}): Promise<void> {
  const pending = holder.punchcardJobs;
  if (!pending) return;
  holder.punchcardJobs = undefined;
  const state = await pending;
  for (const timer of state.timers) clearInterval(timer);
  for (const controller of state.running.values()) controller.abort();
  await state.boss.stop({ graceful: true, timeout: options.timeoutMs ?? 10_000, wait: true });
}

async function current(): Promise<JobsState> {
  holder.punchcardJobs ??= start({ work: false });
  return holder.punchcardJobs;
}

export interface EnqueueOptions {
  /** Enqueue inside the caller's transaction: the job exists only if it commits. */
  tx?: Prisma.TransactionClient;
  /** At most one queued-or-running job with this key per queue. */
  singletonKey?: string;
  startAfter?: Date;
}

function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      // pg serialises objects to JSON itself; through Prisma's driver adapter they go as text.
      const params = values.map((value) =>
        value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows };
    },
  };
}

/** Puts a job on its queue; returns its id (null when a singletonKey job is already queued). */
export async function enqueue<T>(job: JobDefinition<T>, data: T, options: EnqueueOptions = {}): Promise<string | null> {
  const state = await current();
  const any = job as unknown as AnyJob;
  await ensureQueue(state, any);
  const parsed = job.data.parse(data);
  return state.boss.send(job.name, parsed as object, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    ...(options.tx ? { db: transactionDb(options.tx) } : {}),
  });
}

/** The queue's view of a job (state "created" | "retry" | "active" | "completed" | …), for tests and status pages. */
export async function jobState(name: string, id: string): Promise<string | null> {
  const state = await current();
  const job = await state.boss.getJobById(name, id);
  return job?.state ?? null;
}

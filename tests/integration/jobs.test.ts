// The job queue on real PostgreSQL: jobs run, enqueue joins the caller's transaction, a job cut
// off by a stop is resumed at the next start, and a dead worker's job is handed back.
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob, throwIfStopping } from "@/lib/jobs/define";
import { enqueue, jobState, startJobs, stopJobs } from "@/lib/jobs/queue";

const done: string[] = [];
const attempts = new Map<string, number>();
const echo = defineJob({ name: "test-echo", data: z.object({ id: z.string() }), run: async ({ id }) => void done.push(id) });
const slow = defineJob({
  name: "test-slow",
  data: z.object({ id: z.string() }),
  retryLimit: 3,
  async run({ id }, { signal }) {
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    if (attempts.get(id) === 1) {
      // First attempt: wait until the process stops, like an import between two chunks.
      while (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 50));
      throwIfStopping(signal);
    }
    done.push(id);
  },
});
const jobs = [echo, slow];

async function until(check: () => boolean | Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(() => stopJobs({ timeoutMs: 1000 }));

describe("job queue", () => {
  it("runs an enqueued job", async () => {
    await startJobs({ jobs });
    const id = randomUUID();
    await enqueue(echo, { id });
    await until(() => done.includes(id));
  });

  it("enqueues inside the caller's transaction: nothing on rollback, the job on commit", async () => {
    const rolledBack = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(echo, { id: rolledBack }, { tx });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const committed = randomUUID();
    const jobId = await db.$transaction((tx) => enqueue(echo, { id: committed }, { tx }));
    expect(jobId).toBeTruthy();
    await until(() => done.includes(committed));
    expect(done).not.toContain(rolledBack);
  });

  it("resumes a job that was running when the worker stopped, at the next start", async () => {
    const id = randomUUID();
    const jobId = await enqueue(slow, { id });
    await until(() => attempts.get(id) === 1);
    await stopJobs({ timeoutMs: 2000 });
    expect(done).not.toContain(id);
    await startJobs({ jobs });
    await until(() => done.includes(id));
    expect(attempts.get(id)).toBe(2);
    await until(async () => (await jobState(slow.name, jobId!)) === "completed");
  });

  it("hands the job of a worker that died back to the queue", async () => {
    await stopJobs({ timeoutMs: 1000 });
    // Another process takes the job and dies: its run row stops beating.
    const other = new PgBoss({ connectionString: process.env.DATABASE_URL!, supervise: false, schedule: false });
    await other.start();
    const id = randomUUID();
    const jobId = await other.send(echo.name, { id });
    const [taken] = await other.fetch(echo.name);
    expect(taken?.id).toBe(jobId);
    await db.$executeRaw`INSERT INTO job_runs (job_id, queue, worker_id, heartbeat_at)
      VALUES (${jobId}::uuid, ${echo.name}, ${randomUUID()}::uuid, now() - interval '5 minutes')`;
    await other.stop({ graceful: false });
    await startJobs({ jobs });
    await until(() => done.includes(id));
  });
});

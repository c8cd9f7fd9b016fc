// Who runs which job, so a dead worker's jobs go back to the queue within a minute instead of
// when their expiry (up to hours for an import) passes. Each worker process beats every 10 s for
// all its running jobs; every live worker sweeps runs whose beat is older than STALE_SECONDS and
// fails them in pg-boss, which puts them back as "retry" (their handlers resume from their own
// checkpoints).
import type PgBoss from "pg-boss";

export const HEARTBEAT_MS = 10_000;
export const STALE_SECONDS = 60;

export async function beginRun(db: PgBoss.Db, jobId: string, queue: string, workerId: string): Promise<void> {
  await db.executeSql(
    `INSERT INTO job_runs (job_id, queue, worker_id) VALUES ($1, $2, $3)
     ON CONFLICT (job_id) DO UPDATE SET worker_id = EXCLUDED.worker_id, started_at = now(), heartbeat_at = now()`,
    [jobId, queue, workerId],
  );
}

export async function endRun(db: PgBoss.Db, jobId: string, workerId: string): Promise<void> {
  await db.executeSql(`DELETE FROM job_runs WHERE job_id = $1 AND worker_id = $2`, [jobId, workerId]);
}

export async function beat(db: PgBoss.Db, workerId: string): Promise<void> {
  await db.executeSql(`UPDATE job_runs SET heartbeat_at = now() WHERE worker_id = $1`, [workerId]);
}

/** Hands the jobs of workers that stopped beating back to the queue; returns how many. */
export async function recoverStaleRuns(boss: PgBoss, staleSeconds = STALE_SECONDS): Promise<number> {
  const { rows } = await boss.getDb().executeSql(
    `DELETE FROM job_runs WHERE heartbeat_at < now() - make_interval(secs => $1) RETURNING job_id, queue`,
    [staleSeconds],
  );
  const runs = rows as { job_id: string; queue: string }[];
  for (const run of runs) {
    await boss.fail(run.queue, run.job_id, { message: "the worker running this job stopped responding" });
  }
  return runs.length;
}

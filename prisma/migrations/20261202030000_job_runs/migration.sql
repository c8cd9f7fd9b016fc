-- Which worker process runs which job, with that process's heartbeat. pg-boss (its own schema
-- "pgboss", created by the library) only notices a dead worker when the job's expiry passes;
-- with this table a live worker sees within seconds that another one died and hands its jobs
-- back to the queue (lib/jobs/runs.ts).
CREATE TABLE "job_runs" (
    "job_id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "worker_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job_id")
);

CREATE INDEX "job_runs_heartbeat_at_idx" ON "job_runs"("heartbeat_at");

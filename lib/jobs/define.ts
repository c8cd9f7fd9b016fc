// What a background job is: a named queue, a zod schema for its data, and the function that runs
// it. Features declare their jobs with defineJob() next to their code and list them once in
// lib/jobs/registry.ts; lib/jobs/queue.ts does the rest (queues, workers, schedules, retries).
import type { z } from "zod";

export interface JobContext {
  jobId: string;
  /** Aborted when the process is stopping: stop at a safe point and throw JobInterrupted, and the
   *  job is handed back to the queue and resumed by the next worker. */
  signal: AbortSignal;
  /** 0 on the first attempt. */
  retryCount: number;
}

export interface JobSchedule<T> {
  /** Five-field cron, e.g. "15 3 * * *" (03:15 every day). */
  cron: string;
  /** IANA zone the cron is read in (default UTC). */
  timeZone?: string;
  data: T;
}

export interface JobDefinition<T> {
  /** Queue name: letters, digits, "-", "_", "." (pg-boss rules). */
  name: string;
  data: z.ZodType<T>;
  // Method syntax on purpose: the registry lists jobs of different data types in one array.
  run(data: T, context: JobContext): Promise<void>;
  /** How long one attempt may run before the queue gives it up (default 15 minutes). */
  expireInSeconds?: number;
  /** Attempts after the first one (default 2). A stop or a dead worker also uses one. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Jobs of this queue run at once per worker process (default 1). */
  concurrency?: number;
  schedule?: JobSchedule<T>;
}

export type AnyJob = JobDefinition<unknown>;

export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/** Thrown by a job that stopped early because its process is shutting down. */
export class JobInterrupted extends Error {
  constructor(message = "interrupted: the worker is stopping") {
    super(message);
    this.name = "JobInterrupted";
  }
}

export function throwIfStopping(signal: AbortSignal): void {
  if (signal.aborted) throw new JobInterrupted();
}

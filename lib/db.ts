import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PG_SESSION_OPTIONS } from "@/lib/platform/pg-session";

function createClient(max: number, options: string) {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` / `npm start`, which provide one.");
  }
  const adapter = new PrismaPg({ connectionString, max, options });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;

// One client per process and pool, created on first use (so `next build` can import modules
// without a database). In dev, Next reloads modules, so the instances are kept on globalThis.
const globalForPrisma = globalThis as unknown as { punchcardPrisma?: Client; punchcardSegmentPrisma?: Client };

function lazy(get: () => Client): Client {
  return new Proxy({} as Client, {
    get(_target, property) {
      const instance = get();
      const value: unknown = Reflect.get(instance, property, instance);
      return typeof value === "function" ? value.bind(instance) : value;
    },
  });
}

export const db: Client = lazy(() => (globalForPrisma.punchcardPrisma ??= createClient(Number(process.env.DATABASE_POOL_SIZE ?? 10), PG_SESSION_OPTIONS)));

/**
 * A few connections for segment queries (lib/segments/evaluate.ts), whose sessions are set up for
 * them once, so that a count is one round trip: enough memory that a large merchant's member sets
 * stay hashed in memory (at the default 4 MB PostgreSQL would re-scan a set per customer), index
 * probes priced as what they are on cached data (with the default random_page_cost of 4, "2,275
 * recent installers" seq-scanned all 1M customers, 300 ms, instead of 2,275 lookups, 16 ms), no
 * parallel workers (starting two for a 37,000-row index range made a 4 ms count 20 ms on 2 cores),
 * and a ceiling on any one definition's time.
 */
export const segmentDb: Client = lazy(() => (globalForPrisma.punchcardSegmentPrisma ??= createClient(
  Number(process.env.SEGMENT_POOL_SIZE ?? 4),
  `${PG_SESSION_OPTIONS} -c work_mem=96MB -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0 -c statement_timeout=60s`,
)));

import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PG_SESSION_OPTIONS } from "@/lib/platform/pg-session";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` / `npm start`, which provide one.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: PG_SESSION_OPTIONS });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

type Client = ReturnType<typeof createClient>;

// One client per process, created on first use (so `next build` can import modules without a
// database). In dev, Next reloads modules, so the instance is kept on globalThis.
const globalForPrisma = globalThis as unknown as { punchcardPrisma?: Client };

function client(): Client {
  globalForPrisma.punchcardPrisma ??= createClient();
  return globalForPrisma.punchcardPrisma;
}

export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process. In dev, Next reloads modules, so the instance is kept on globalThis.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` / `npm start`, which provide one.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { punchcardPrisma?: ReturnType<typeof createClient> };

export const db = globalForPrisma.punchcardPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.punchcardPrisma = db;

export type Db = typeof db;

// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded dev database).
import { applyMigrations } from "../lib/platform/migrations";
import { loadDotEnv, resolveDatabase } from "../lib/platform/database-url";

loadDotEnv();
const database = await resolveDatabase({ log: console.log });
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.embedded?.stop();
}

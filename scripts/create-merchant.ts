// `npm run merchant:create -- --name "Corner Café" --time-zone Europe/Paris --currency EUR \
//    --owner-email ana@example.com --owner-name "Ana"`: the first merchant and its owner on a
// fresh production database (there is no public sign-up). Prints a one-time password unless
// PUNCHCARD_OWNER_PASSWORD is set.
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { isSupportedCountry } from "libphonenumber-js";
import pg from "pg";
import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../lib/auth/password";
import { applyMigrations } from "../lib/platform/migrations";
import { loadDotEnv, resolveDatabase } from "../lib/platform/database-url";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    "time-zone": { type: "string" },
    country: { type: "string" },
    currency: { type: "string" },
    "owner-email": { type: "string" },
    "owner-name": { type: "string" },
  },
});

const input = z
  .object({
    name: z.string({ error: "--name is required" }).trim().min(1, "--name is required"),
    timeZone: z.string({ error: "--time-zone is required" }).refine((tz) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "--time-zone must be an IANA zone such as America/New_York"),
    // The default region for phone numbers written without a country code (deletion blocks match them).
    country: z.string({ error: "--country is required (e.g. US, GB, FR)" }).refine((c) => isSupportedCountry(c), "--country must be a 2-letter country code such as US"),
    currency: z.string({ error: "--currency is required" }).regex(/^[A-Z]{3}$/, "--currency must be a 3-letter code such as USD"),
    ownerEmail: z.email("--owner-email must be an email address").toLowerCase(),
    ownerName: z.string({ error: "--owner-name is required" }).trim().min(1, "--owner-name is required"),
    password: z.string().min(MIN_PASSWORD_LENGTH, `PUNCHCARD_OWNER_PASSWORD needs ${MIN_PASSWORD_LENGTH}+ characters`),
  })
  .safeParse({
    name: values.name,
    timeZone: values["time-zone"],
    country: values.country?.toUpperCase(),
    currency: values.currency?.toUpperCase(),
    ownerEmail: values["owner-email"],
    ownerName: values["owner-name"],
    password: process.env.PUNCHCARD_OWNER_PASSWORD ?? randomBytes(12).toString("base64url"),
  });
if (!input.success) {
  for (const issue of input.error.issues) console.error(issue.message);
  process.exit(2);
}

loadDotEnv();
const database = await resolveDatabase({ log: console.log });
try {
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const merchantId = randomUUID();
    await client.query("BEGIN");
    await client.query("INSERT INTO merchants (id, name, time_zone, country, currency) VALUES ($1, $2, $3, $4, $5)", [merchantId, input.data.name, input.data.timeZone, input.data.country, input.data.currency]);
    await client.query("INSERT INTO users (id, merchant_id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5, 'owner')", [
      randomUUID(), merchantId, input.data.ownerEmail, input.data.ownerName, await hashPassword(input.data.password),
    ]);
    await client.query("COMMIT");
    console.log(`Created “${input.data.name}” with owner ${input.data.ownerEmail}.`);
    if (!process.env.PUNCHCARD_OWNER_PASSWORD) console.log(`One-time password (shown once): ${input.data.password}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const message = (error as { code?: string }).code === "23505" ? "A user with that email already exists." : (error as Error).message;
    console.error(message);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
} finally {
  await database.embedded?.stop();
}

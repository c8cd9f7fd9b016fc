// `npm run db:seed [-- --seed N --customers N --events N]`: (re)loads the demo merchants, Brew &
// Bean (sized by the flags) and Iron Temple Gym, into DATABASE_URL or the embedded dev database.
// Rerunning replaces both demo merchants; nothing else in the database is touched.
import { parseArgs } from "node:util";
import { loadDotEnv, resolveDatabase } from "../lib/platform/database-url";
import { applyMigrations } from "../lib/platform/migrations";
import { BREW_BEAN_DEFAULT_SIZE } from "../lib/seed/generate";
import { seedDemoData, type SeedResult } from "../lib/seed/load";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "42" },
    customers: { type: "string", default: String(BREW_BEAN_DEFAULT_SIZE.customers) },
    events: { type: "string", default: String(BREW_BEAN_DEFAULT_SIZE.events) },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run db:seed -- [--seed 42] [--customers 2000] [--events 100000]
  --customers/--events size Brew & Bean (e.g. 1000000 / 10000000 for a benchmark database);
  Iron Temple Gym is always ~300 members and 20,000 events. Reruns replace both demo merchants.`);
  process.exit(0);
}

function count(name: string, raw: string): number {
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number ≥ 0 (got "${raw}")`);
    process.exit(2);
  }
  return value;
}

function summary(result: SeedResult): string {
  const rows = result.perMerchant.map((m) => {
    const seconds = m.totalMs / 1000;
    return [m.merchant, m.customers.toLocaleString("en-US"), m.events.toLocaleString("en-US"), seconds.toFixed(1),
      Math.round((m.customers + m.events) / seconds).toLocaleString("en-US"),
      Math.round(m.events / (m.eventsMs / 1000)).toLocaleString("en-US")];
  });
  const total = result.ms / 1000;
  rows.push(["Total", result.customers.toLocaleString("en-US"), result.events.toLocaleString("en-US"), total.toFixed(1),
    Math.round((result.customers + result.events) / total).toLocaleString("en-US"), ""]);
  const header = ["merchant", "customers", "events", "seconds", "rows/s", "events COPY rows/s"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

loadDotEnv();
const seed = count("seed", values.seed);
const customers = count("customers", values.customers);
const events = count("events", values.events);
// Same database as `npm run dev`: DATABASE_URL, else the embedded one (with its fallback folder and
// a note when this checkout is not reachable by the postgres user).
const database = await resolveDatabase({ log: (line) => console.log(line) });
try {
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  console.log(`Seeding (seed ${seed}): Brew & Bean ${customers.toLocaleString("en-US")} customers / ${events.toLocaleString("en-US")} events, Iron Temple Gym…`);
  const result = await seedDemoData(database.url, { seed, customers, events, log: (line) => console.log(`  ${line}`) });
  console.log(`\n${summary(result)}\n`);
  console.log("Sign in as owner@brewbean.test (or manager@ / staff@brewbean.test, owner@irontemple.test), password punchcard-demo");
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}

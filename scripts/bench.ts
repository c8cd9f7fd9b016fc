// `npm run bench -- <name> [options]` runs scripts/bench/<name>.ts, whose default export takes the
// remaining arguments. Benchmarks print numbers; they never assert timings.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.join(import.meta.dirname, "bench");
const available = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
const [name, ...args] = process.argv.slice(2);

if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(path.join(dir, `${name}.ts`))) {
  console.error(`Usage: npm run bench -- <name> [options]\nAvailable: ${available.join(", ") || "none"}`);
  process.exit(1);
}

const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { default: (args: string[]) => Promise<void> };
try {
  await mod.default(args);
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}

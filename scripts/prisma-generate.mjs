// `prisma generate` checks that a schema engine binary exists although it never runs it; the
// engine cannot be downloaded offline, so point it at a stub unless one is configured.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(here, "no-schema-engine.sh");
const result = spawnSync(process.execPath, [path.join(here, "..", "node_modules", "prisma", "build", "index.js"), "generate"], { env, stdio: "inherit" });
process.exit(result.status ?? 1);

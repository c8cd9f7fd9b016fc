// lib/ modules are marked server-only: they load only under the "react-server" export condition,
// which the bench runner (scripts/bench.ts) cannot pass to a module it imports. So a benchmark
// that needs lib/ reruns itself in a child process with that condition; the child sees its flag
// set and runs the benchmark. One copy of that hop for every such benchmark.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function reactServerChild(moduleUrl: string, childFlag: string) {
  const SELF = fileURLToPath(moduleUrl);
  return {
    /** The benchmark's own file (compare with process.argv[1] to tell a direct `tsx` run). */
    SELF,
    /** Set in the child's environment. */
    CHILD_FLAG: childFlag,
    /** Runs the benchmark file again under the react-server condition; throws when it fails. */
    runAsChild(argv: string[], name: string): void {
      const tsx = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "node_modules", ".bin", "tsx");
      const result = spawnSync(tsx, ["--conditions=react-server", SELF, ...argv], { stdio: "inherit", env: { ...process.env, [childFlag]: "1" } });
      if (result.status !== 0) throw new Error(`${name} exited with ${result.status ?? result.signal}`);
    },
  };
}

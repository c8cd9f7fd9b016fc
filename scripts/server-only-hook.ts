// lib/ modules `import "server-only"`, which throws outside the react-server export condition.
// That condition cannot be given to a plain Node process (in run.ts it would change how Next
// resolves React for pages), so imports made through Node's loader resolve the marker to an
// empty module instead. Next's own bundles never reach this hook.
import { register } from "node:module";

const SERVER_ONLY_HOOK = `export async function resolve(specifier, context, nextResolve) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : nextResolve(specifier, context);
}`;

let registered = false;

export function allowServerOnlyImports(): void {
  if (registered) return;
  registered = true;
  register(`data:text/javascript,${encodeURIComponent(SERVER_ONLY_HOOK)}`);
}

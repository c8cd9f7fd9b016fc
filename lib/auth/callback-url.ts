// Where to go after signing in: only a path on our own site. The value is parsed as a URL against
// our origin and accepted only when it stays there; string prefixes are not enough ("/\evil.example",
// "/\t/evil.example" and "/\\evil.example" all start with one slash and leave the site).
const FALLBACK = "/";

export function safeCallbackUrl(raw: string | null | undefined, origin: string): string {
  if (!raw) return FALLBACK;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(raw, base);
  } catch {
    return FALLBACK;
  }
  if (target.origin !== base.origin) return FALLBACK;
  // The path as the URL parser normalised it, so what is followed is what was checked.
  const path = `${target.pathname}${target.search}${target.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : FALLBACK;
}

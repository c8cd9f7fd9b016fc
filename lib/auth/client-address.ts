// The client's IP address for the sign-in throttle. scripts/run.ts sets CLIENT_ADDRESS_HEADER on
// every request from the socket (replacing any value the client sent), so it cannot be forged.
// Behind a reverse proxy every request comes from the proxy; with PUNCHCARD_TRUST_PROXY=1 the
// address the proxy appended to X-Forwarded-For (its last entry) is used instead.
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-punchcard-client-address";

export function clientAddressOf(req: IncomingMessage): string {
  if (process.env.PUNCHCARD_TRUST_PROXY === "1") {
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return last.slice(0, 100);
  }
  return req.socket.remoteAddress ?? "";
}

/** Reads the address scripts/run.ts recorded, from next-auth's plain header object. */
export function clientAddressFromHeaders(headers: Record<string, unknown> | Headers | undefined): string {
  if (!headers) return "";
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" ? value.slice(0, 100) : "";
}

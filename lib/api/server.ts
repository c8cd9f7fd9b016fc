import "server-only";
// The lean front of the POS API: a node:http request listener that serves /api/v1/* from the
// route table in lib/api/routes.ts without Next's routing, which alone costs ~1 ms of CPU per
// request (issue #3). It only adapts: IncomingMessage → Web Request (body streamed, so
// readJsonBody's 1 MiB limit still cuts a request off while it arrives) and Response → the
// ServerResponse. Everything else stays with Next (scripts/run.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { BASE_SECURITY_HEADERS } from "@/lib/http/security-headers";
import { ApiError, errorResponse } from "./errors";
import { apiHandlerFor } from "./routes";

const API_PREFIX = "/api/v1";
// Host names, IPv4/IPv6 literals and a port; anything else is not used to build request.url.
const PLAIN_HOST = /^[A-Za-z0-9.\-[\]:]{1,255}$/;

/** Whether a request target (`req.url`) is the API's, i.e. /api/v1 or below it. */
export function isApiPath(target: string): boolean {
  if (!target.startsWith(API_PREFIX)) return false;
  const next = target.charAt(API_PREFIX.length);
  return next === "" || next === "/" || next === "?";
}

/** Serves one API request; the caller has checked isApiPath(req.url). */
export async function serveApiRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = req.url ?? "/";
  const method = req.method ?? "GET";
  const query = target.indexOf("?");
  const pathname = query === -1 ? target : target.slice(0, query);
  try {
    // Next answers a trailing slash with a permanent redirect to the path without it; so do we.
    if (pathname.length > API_PREFIX.length + 1 && pathname.endsWith("/")) {
      res.writeHead(308, { Location: pathname.replace(/\/+$/, "") + (query === -1 ? "" : target.slice(query)), "Content-Length": "0" }).end();
      return;
    }
    const response = await apiHandlerFor(method, pathname)(toWebRequest(req, method, target));
    await writeResponse(res, response);
  } catch (error) {
    // Handlers turn their own failures into JSON errors; this is the adapter failing.
    if (res.headersSent) res.destroy();
    else await writeResponse(res, errorResponse(error, `api ${method} ${pathname}`));
  } finally {
    discardUnreadBody(req);
  }
}

function toWebRequest(req: IncomingMessage, method: string, target: string): Request {
  const host = req.headers.host;
  const url = `http://${host !== undefined && PLAIN_HOST.test(host) ? host : "localhost"}${target}`;
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const hasBody = method !== "GET" && method !== "HEAD";
  // Node requires `duplex: "half"` for a streamed body; the DOM typings do not know it yet.
  const init: RequestInit & { duplex: "half" } = { method, headers, body: hasBody ? bodyStream(req) : null, duplex: "half" };
  return new Request(url, init);
}

// Detaches a request's body stream from the socket, so what is left of the body can be discarded.
const detachers = new WeakMap<IncomingMessage, () => void>();

/**
 * The request body as a Web stream that reads the socket only as fast as the handler consumes it.
 * Cancelling it (readBodyBytes does once the limit is passed) stops delivery, and the rest of the
 * body is drained unread (discardUnreadBody), so the error still reaches the client and the
 * connection stays usable, as with Next.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const onData = (chunk: Buffer) => {
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      };
      const detach = () => {
        open = false;
        req.off("data", onData);
      };
      const settle = (error?: Error) => {
        if (!open) return;
        detach();
        if (error) controller.error(error);
        else controller.close();
      };
      detachers.set(req, detach);
      req.on("data", onData);
      req.once("end", () => settle());
      // A client that hangs up mid-body ("aborted") is not a server error; nobody reads the answer.
      const cutOff = () => settle(new ApiError("invalid_json", "The request body ended before it was complete."));
      req.once("error", cutOff);
      req.once("close", () => {
        if (!req.complete) cutOff();
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      discardUnreadBody(req);
    },
  });
}

/** Stops feeding the body to the handler and lets whatever is left of it drain unread. */
function discardUnreadBody(req: IncomingMessage) {
  detachers.get(req)?.();
  detachers.delete(req);
  if (!req.complete) req.resume();
}

/** Writes status, headers and the (small, JSON) body in one go with a Content-Length. */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());
  // next.config.mjs adds these to what Next serves; this front bypasses Next.
  const headers: Record<string, string | string[]> = { ...BASE_SECURITY_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (body !== null) headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

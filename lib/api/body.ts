// Reads a JSON request body with a hard size limit. The Content-Length header is checked first
// (cheap refusal), but it is only a claim: the stream is counted too, so a chunked or lying
// request is cut off once it passes the limit instead of being buffered whole.
import { ApiError } from "./errors";
import { MAX_BODY_BYTES } from "./limits";

const tooLarge = (maxBytes: number) =>
  new ApiError("payload_too_large", `The request body is larger than ${maxBytes} bytes. Send at most 1,000 events per request.`);

export async function readBodyBytes(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.byteLength === 0) throw new ApiError("invalid_json", "The request body is empty. Send a JSON event or {\"events\": [...]}.");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid UTF-8.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new ApiError("invalid_json", `The request body is not valid JSON${detail}`);
  }
}

import { describe, expect, it } from "vitest";
import { readJsonBody } from "./body";
import { ApiError } from "./errors";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "none";
  } catch (error) {
    return error instanceof ApiError ? `${error.status} ${error.code}` : "other";
  }
}

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    const request = new Request("http://x/", { method: "POST", body: JSON.stringify({ a: 1 }) });
    expect(await readJsonBody(request, 100)).toEqual({ a: 1 });
  });

  it("refuses by Content-Length before reading", async () => {
    const request = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-length": "5000" } });
    expect(await codeOf(readJsonBody(request, 100))).toBe("413 payload_too_large");
  });

  it("refuses a stream that passes the limit although no length was declared", async () => {
    const request = new Request("http://x/", { method: "POST", body: streamOf(["[", "1,".repeat(40), "1,".repeat(40), "1]"]), duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    expect(await codeOf(readJsonBody(request, 100))).toBe("413 payload_too_large");
  });

  it("answers 400 invalid_json for malformed, empty or non-UTF-8 bodies", async () => {
    expect(await codeOf(readJsonBody(new Request("http://x/", { method: "POST", body: "{\"type\": " }), 100))).toBe("400 invalid_json");
    expect(await codeOf(readJsonBody(new Request("http://x/", { method: "POST", body: "" }), 100))).toBe("400 invalid_json");
    expect(await codeOf(readJsonBody(new Request("http://x/", { method: "POST", body: new Uint8Array([0x7b, 0xff, 0x7d]) }), 100))).toBe("400 invalid_json");
  });
});

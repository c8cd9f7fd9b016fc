import "server-only";
// A multipart upload streamed to disk (never held in memory): one `file` part and a few small
// text fields. Too large is refused before any parsing: from Content-Length when the client sends
// it, otherwise the moment the stream passes the limit.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { MAX_UPLOAD_BYTES } from "./limits";

export { MAX_UPLOAD_BYTES };
const MULTIPART_OVERHEAD = 64 * 1024;

export class UploadRefused extends Error {
  constructor(
    readonly kind: "too_large" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "UploadRefused";
  }
}

export interface SavedUpload {
  filePath: string;
  fileName: string;
  fileSize: number;
  fields: Record<string, string>;
}

export const tooLargeMessage = () => `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files.`;

export async function saveUpload(request: Request, dir: string): Promise<SavedUpload> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw new UploadRefused("too_large", tooLargeMessage());
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new UploadRefused("invalid", "Send the file as multipart/form-data with a part named “file”.");
  }
  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 20, fieldSize: 256 * 1024 }, defParamCharset: "utf8" });
  const fields: Record<string, string> = {};
  const target = path.join(dir, `${randomUUID()}.upload`);
  let saved: Promise<{ fileName: string; fileSize: number }> | null = null;
  let tooLarge = false;
  parser.on("field", (name, value) => (fields[name] = value));
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || saved) {
      stream.resume();
      return;
    }
    let size = 0;
    stream.on("data", (chunk: Buffer) => (size += chunk.length));
    stream.on("limit", () => {
      tooLarge = true;
      stream.unpipe();
      stream.resume();
    });
    saved = pipeline(stream, createWriteStream(target)).then(() => ({ fileName: info.filename || "upload", fileSize: size }));
  });
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), parser);
    const file = await (saved as Promise<{ fileName: string; fileSize: number }> | null);
    if (tooLarge) throw new UploadRefused("too_large", tooLargeMessage());
    if (!file) throw new UploadRefused("invalid", "The upload has no part named “file”.");
    return { filePath: target, fileName: path.basename(file.fileName), fileSize: file.fileSize, fields };
  } catch (error) {
    await unlink(target).catch(() => {});
    if (error instanceof UploadRefused) throw error;
    throw new UploadRefused("invalid", "The upload could not be read as multipart/form-data.");
  }
}

// API key secrets: `pc_live_<32 random base62 chars>` (demo keys use `pc_demo_…`). We store only a
// SHA-256 of the whole key (a fast hash is right for high-entropy secrets) and a short prefix that
// identifies the row and is shown in the UI.
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX_LENGTH = 16;

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX_LENGTH);
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function generateApiKeySecret(): string {
  const bytes = randomBytes(32);
  let body = "";
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `pc_live_${body}`;
}

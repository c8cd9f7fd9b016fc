import { randomFillSync } from "node:crypto";

// Random bytes are drawn from the CSPRNG 2.5 KiB (256 ids) at a time: one call per id cost more than the rest
// of the id together when a batch makes 1,000 of them.
const POOL_IDS = 256;
const pool = Buffer.alloc(POOL_IDS * 10);
let poolOffset = pool.length;

/** RFC 9562 UUIDv7: time-ordered ids, so new rows land at the end of their indexes. */
export function uuidv7(now = Date.now()): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  pool.copy(bytes, 6, poolOffset, poolOffset + 10);
  poolOffset += 10;
  // 48-bit milliseconds, big-endian (exact in a double up to year 10889).
  const high = Math.floor(now / 0x100000000);
  bytes.writeUInt16BE(high & 0xffff, 0);
  bytes.writeUInt32BE(now >>> 0, 2);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

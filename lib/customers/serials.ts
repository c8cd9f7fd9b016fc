// New pass serials in the merchant's own format (Settings → Business): PREFIX-XXXXXXXX. Pure
// except for the random source, so the counter, the API's new customers and the settings preview
// share one rule.
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** No 0/O or 1/I: serials are read aloud at a counter. */
export const SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export interface PassSerialFormat {
  prefix: string;
  length: number;
}

export const passSerialFormatSchema = z.object({
  prefix: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,6}$/, "1 to 6 letters or digits, e.g. BB"),
  // 6 characters of 32 symbols is a billion serials; 16 still fits a pass barcode comfortably.
  length: z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").min(6, "At least 6 characters").max(16, "At most 16 characters"),
});

export function newPassSerial(format: PassSerialFormat): string {
  const bytes = randomBytes(format.length);
  let body = "";
  // 256 is a multiple of 32, so every character is equally likely.
  for (const byte of bytes) body += SERIAL_ALPHABET[byte % SERIAL_ALPHABET.length];
  return `${format.prefix}-${body}`;
}

/** "BB-XXXXXXXX": how the format reads in settings. */
export function passSerialPattern(format: PassSerialFormat): string {
  return `${format.prefix}-${"X".repeat(format.length)}`;
}

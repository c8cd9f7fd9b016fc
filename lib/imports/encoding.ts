// Which text encoding a file is in. A byte-order mark decides; otherwise text that decodes as
// strict UTF-8 is UTF-8 (a detector guesses Latin-1 for plain ASCII); otherwise the chardet
// library's statistics choose among the encodings we offer. The user can override the result.
import { analyse } from "chardet";
import iconv from "iconv-lite";

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-15", "macintosh"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 (little-endian)",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 / Latin-1 (Western European)",
  "iso-8859-15": "ISO-8859-15 (Latin-9)",
  macintosh: "Mac Roman",
};

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** How it was decided, for the screen. */
  reason: "bom" | "valid-utf8" | "detector" | "fallback";
}

function bom(sample: Uint8Array): DetectedEncoding | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bomLength: 3, reason: "bom" };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2, reason: "bom" };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", bomLength: 2, reason: "bom" };
  return null;
}

function isStrictUtf8(sample: Uint8Array, complete: boolean): boolean {
  // A sample cut from a larger file may end inside a multi-byte character.
  let end = sample.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back > 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    if (end - back > 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0xc0) end = end - back - 1;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

// UTF-16 without a BOM: ASCII-heavy text has a zero in every other byte.
function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

const DETECTOR_NAMES: Record<string, TextEncoding> = {
  "UTF-8": "utf-8",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
  "windows-1252": "windows-1252",
  "ISO-8859-1": "windows-1252",
  "ISO-8859-15": "iso-8859-15",
};

/** `sample`: the first bytes of the file (64 KiB is plenty); `complete` when it is the whole file. */
export function detectEncoding(sample: Uint8Array, complete = false): DetectedEncoding {
  const marked = bom(sample);
  if (marked) return marked;
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: "detector" };
  if (isStrictUtf8(sample, complete)) return { encoding: "utf-8", bomLength: 0, reason: "valid-utf8" };
  for (const match of analyse(sample)) {
    const encoding = DETECTOR_NAMES[match.name];
    if (encoding && encoding !== "utf-8") return { encoding, bomLength: 0, reason: "detector" };
  }
  // Not UTF-8 and nothing better: the single-byte encoding most spreadsheets on Windows write.
  return { encoding: "windows-1252", bomLength: 0, reason: "fallback" };
}

export function decodeSample(sample: Uint8Array, detected: Pick<DetectedEncoding, "encoding" | "bomLength">): string {
  return iconv.decode(Buffer.from(sample.subarray(detected.bomLength)), detected.encoding);
}

export function decoderStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}

/** When the user overrides the encoding: the BOM to skip under their choice. */
export function bomLengthFor(sample: Uint8Array, encoding: TextEncoding): number {
  const marked = bom(sample);
  return marked && marked.encoding === encoding ? marked.bomLength : 0;
}

// What a file really is, from its first bytes, whatever its name says: an XLSX renamed .csv is
// read as XLSX; binary data renamed .csv is refused with a reason instead of becoming garbage rows.

export type FileKind = "xlsx" | "text";

export class FileRefused extends Error {
  constructor(
    readonly reason: FileRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "FileRefused";
  }
}

export type FileRefusalReason =
  | "empty"
  | "header_only"
  | "binary"
  | "legacy_xls"
  | "not_spreadsheet"
  | "zip_bomb"
  | "unclosed_quote"
  | "row_too_long"
  | "too_many_rows"
  | "too_large"
  | "no_sheet"
  | "unreadable";

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "a program" },
];

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Throws FileRefused for files that are not spreadsheets; `decodedHead` is the text sample. */
export function sniffKind(head: Uint8Array, totalBytes: number): FileKind {
  if (totalBytes === 0) throw new FileRefused("empty", "The file is empty.");
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FileRefused("legacy_xls", "This is an old Excel 97–2003 (.xls) workbook. Save it as .xlsx or CSV and upload that.");
  }
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.bytes)) throw new FileRefused("binary", `This file is ${signature.what}, not a spreadsheet.`);
  }
  return "text";
}

/** After decoding: text with NULs or many control characters is binary data with a .csv name. */
export function assertLooksLikeText(decoded: string): void {
  if (decoded.trim() === "") throw new FileRefused("empty", "The file has no rows (only blank lines).");
  let control = 0;
  const n = Math.min(decoded.length, 65_536);
  for (let i = 0; i < n; i++) {
    const code = decoded.charCodeAt(i);
    if (code === 0) throw new FileRefused("binary", "The file contains binary data (NUL bytes), not text: it is not a CSV.");
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  if (control > n * 0.01) throw new FileRefused("binary", "The file contains binary data, not text: it is not a CSV or TSV.");
}

// Reading files as they are: encodings, delimiters, blank lines, XLSX, and each malformed file
// refused with its own reason. Files are written to a temp folder; the real ones are used as-is.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./delimiter";
import { detectEncoding } from "./encoding";
import { readFile, sampleFile, type SourceRow } from "./read";
import { FileRefused } from "./sniff";

const dir = mkdtempSync(path.join(tmpdir(), "punchcard-read-"));
const realdata = path.resolve(import.meta.dirname, "../../../shared/realdata");
let n = 0;
const file = (content: Buffer | string, name = `f${n++}.csv`) => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

async function rows(filePath: string, choices = {}) {
  const read = await readFile(filePath, choices);
  const all: SourceRow[] = [];
  for await (const row of read.rows) all.push(row);
  return { ...read, all };
}

async function refusal(filePath: string): Promise<string> {
  try {
    await rows(filePath);
    return "read";
  } catch (error) {
    if (error instanceof FileRefused) return error.reason;
    throw error;
  }
}

const TEXT = "name,city\r\nResi Pölking,Köln\r\nJosé\u00a0Núñez,“Quoted”\r\n";

describe("encodings", () => {
  it("detects UTF-8 with and without BOM, UTF-16 LE/BE, Windows-1252", () => {
    const utf8 = Buffer.from(TEXT, "utf8");
    expect(detectEncoding(utf8, true)).toMatchObject({ encoding: "utf-8", bomLength: 0 });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), true)).toMatchObject({ encoding: "utf-8", bomLength: 3 });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, "utf-16le")]), true)).toMatchObject({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf-16be")]), true)).toMatchObject({ encoding: "utf-16be", bomLength: 2 });
    expect(detectEncoding(iconv.encode(TEXT, "utf-16le"), true).encoding).toBe("utf-16le");
    expect(detectEncoding(iconv.encode(TEXT, "windows-1252"), true).encoding).toBe("windows-1252");
  });

  it("brings accents, non-breaking spaces and curly quotes through intact, in every encoding", async () => {
    for (const encoded of [
      Buffer.from(TEXT, "utf8"),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, "utf-16le")]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf-16be")]),
      iconv.encode(TEXT, "windows-1252"),
    ]) {
      const read = await rows(file(encoded));
      expect(read.header).toEqual(["name", "city"]);
      expect(read.all.map((row) => row.cells)).toEqual([
        ["Resi Pölking", "Köln"],
        ["José\u00a0Núñez", "“Quoted”"],
      ]);
    }
  });

  it("lets the user override the encoding", async () => {
    const read = await rows(file(iconv.encode(TEXT, "windows-1252")), { encoding: "macintosh" });
    expect(read.layout.encoding?.encoding).toBe("macintosh");
    expect(read.all[0]!.cells[0]).not.toBe("Resi Pölking");
  });

  it("reads the Windows-1252 Superstore file with its names intact", async () => {
    const read = await rows(path.join(realdata, "superstore-cp1252.csv"));
    expect(read.layout.encoding?.encoding).toBe("windows-1252");
    expect(read.all.some((row) => row.cells.includes("Resi Pölking"))).toBe(true);
    expect(read.all).toHaveLength(9994);
  });

  it("strips the coffee file's byte-order mark from its first header", async () => {
    const read = await sampleFile(path.join(realdata, "coffee-vending-bom.csv"));
    expect(read.header[0]).toBe("date");
    expect(read.rows).toHaveLength(50);
  });
});

describe("layout", () => {
  it("detects comma, semicolon, tab and pipe", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n4,5,6\n")).toBe(",");
    expect(detectDelimiter("a;b;c\n1,5;2;3\n4;5;6\n")).toBe(";");
    expect(detectDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(detectDelimiter("a|b|c\n1|2|3\n")).toBe("|");
    expect(detectDelimiter('name,note\n"Smith; J","a;b;c"\n"Doe; K",x\n')).toBe(",");
  });

  it("skips blank lines before the header and counts lines from the file's start", async () => {
    const read = await rows(file("\r\n;;\r\n\r\nname;points\r\nAna;5\r\n\r\nBo;6"));
    expect(read.header).toEqual(["name", "points"]);
    expect(read.headerLine).toBe(4);
    expect(read.all).toEqual([
      { line: 5, cells: ["Ana", "5"] },
      { line: 7, cells: ["Bo", "6"] },
    ]);
  });

  it("keeps the line where a multi-line quoted row starts", async () => {
    const read = await rows(file('a,b\n1,"two\nlines"\n3,4\n'));
    expect(read.all.map((row) => row.line)).toEqual([2, 4]);
  });

  it("reads XLSX by cell type: Excel serial dates, text and numbers, the first sheet by default", async () => {
    const read = await rows(path.join(realdata, "online-retail-1k.xlsx"));
    expect(read.layout).toMatchObject({ kind: "xlsx", sheet: read.layout.sheets[0] });
    expect(read.header[0]).toBe("InvoiceNo");
    expect(read.all[0]!.cells.slice(0, 6)).toEqual(["536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6", "2010-12-01 08:26:00", "2.55"]);
    expect(read.all).toHaveLength(1009);
  });

  it("reads an XLSX renamed .csv as XLSX", async () => {
    const renamed = path.join(dir, "renamed.csv");
    copyFileSync(path.join(realdata, "online-retail-1k.xlsx"), renamed);
    expect((await rows(renamed)).layout.kind).toBe("xlsx");
  });
});

function zipWithEntry(name: string, data: Buffer, uncompressedSize: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(uncompressedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(uncompressedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe("malformed files are refused with a specific reason", () => {
  it("empty, blank-only, header only", async () => {
    expect(await refusal(file(""))).toBe("empty");
    expect(await refusal(file("\r\n\r\n  \n"))).toBe("empty");
    expect(await refusal(file("name,email\r\n"))).toBe("header_only");
  });

  it("binary data renamed .csv", async () => {
    expect(await refusal(file(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe("binary");
    expect(await refusal(file(Buffer.from("a,b\n1,\u0000\u0001\u0002\n", "latin1")))).toBe("binary");
    expect(await refusal(file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe("legacy_xls");
  });

  it("an unclosed quote, a row longer than the limit", async () => {
    expect(await refusal(file('a,b\n1,2\n3,"never closed\n5,6\n'))).toBe("unclosed_quote");
    expect(await refusal(file(`a,b\n1,${"x".repeat(150_000)}\n`))).toBe("row_too_long");
  });

  it("counts the line breaks inside quoted cells, whatever the line ending, and names the line of a broken row", async () => {
    const read = await rows(file('a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x\ny\rz"\r\n5,6\r\n'));
    expect(read.all.map((row) => [row.line, row.cells[0]])).toEqual([[2, "1"], [5, "3"], [8, "5"]]);
    const broken = file('a,b\n1,"x\ny"\n3,"never closed\n5,6\n');
    await expect((async () => {
      for await (const _ of (await readFile(broken)).rows);
    })()).rejects.toThrow(/near line 4/);
  });

  it("an XLSX whose uncompressed size is absurd (zip bomb)", async () => {
    const zeros = deflateRawSync(Buffer.alloc(1024 * 1024));
    expect(await refusal(file(zipWithEntry("xl/worksheets/sheet1.xml", zeros, 0xfffffff0), "bomb.xlsx"))).toBe("zip_bomb");
    expect(await refusal(file(zipWithEntry("readme.txt", deflateRawSync(Buffer.from("hi")), 2), "plain.zip.csv"))).toBe("not_spreadsheet");
  });

  it("ragged rows are read (the row is reported later), not a crash", async () => {
    const read = await rows(file("a,b\n1,2,3\n4\n"));
    expect(read.all.map((row) => row.cells)).toEqual([["1", "2", "3"], ["4"]]);
  });
});

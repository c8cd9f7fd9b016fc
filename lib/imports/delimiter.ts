// Which character separates cells: the candidate that splits the first lines into the same
// number (> 1) of cells most consistently, counting only outside quotes.

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

/** `text`: the decoded start of the file. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r\n|\n|\r/)
    // Blank lines, and lines of only separators (",,,"), say nothing about the header's shape.
    .filter((line) => line.replace(/[,;\t|\s"]/g, "") !== "")
    .slice(0, 30);
  // The last sampled line may be cut off mid-row.
  if (lines.length > 2) lines.pop();
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of frequency) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    // Consistency first, then more columns.
    const score = lines.length === 0 ? 0 : (modeCount / lines.length) * 1000 + Math.min(mode, 999);
    if (mode > 0 && score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

// File rows to event inputs for recordEvents(), under a confirmed mapping. Pure: the dry run, the
// preview and the import all use it, and recordEvents (the ONE write path) applies every rule of
// the event itself. Rows sharing a group column (order / invoice) next to each other become one
// event; a broken row is an error row with its reason, and never costs the other rows.
import { createHash } from "node:crypto";
import Decimal from "decimal.js";
import { formatCents } from "@/lib/money";
import { parseDateTime, parseTime, toInstant, type DateOrderDetection } from "./dates";
import type { ImportMapping } from "./mapping";
import { moneyDecimal, toCentsExact, type DecimalSeparator } from "./money";
import { raggedReason, type SourceRow } from "./read";

export interface RowError {
  line: number;
  cells: string[];
  reason: string;
}

export type Outcome = { kind: "event"; rows: SourceRow[]; input: EventDraft } | { kind: "errors"; errors: RowError[] };

export interface EventDraft {
  type: string;
  customName?: string;
  customer: Record<string, string>;
  createCustomer: boolean;
  occurredAt: string;
  amount?: string;
  location?: string;
  data: Record<string, unknown>;
  idempotencyKey: string;
}

export interface PlanContext {
  timeZone: string;
  currency: string;
  dates: Pick<DateOrderDetection, "bySeparator" | "fallback">;
  decimalSeparator: DecimalSeparator;
}

interface Parsed {
  row: SourceRow;
  type: string;
  customName?: string;
  customerValue: string;
  at: Date;
  amount: Decimal | null;
  quantity: Decimal | null;
  groupValue: string | null;
}

const sha = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 32);

export class RowBuilder {
  private readonly col: (name: string | undefined) => number;
  private readonly occurrences = new Map<string, number>();
  private group: Parsed[] = [];
  private groupError: RowError | null = null;
  private groupRows: SourceRow[] = [];

  constructor(
    private readonly mapping: ImportMapping,
    private readonly header: string[],
    private readonly context: PlanContext,
  ) {
    this.col = (name) => (name === undefined ? -1 : header.indexOf(name));
  }

  private cell(row: SourceRow, name: string | undefined): string {
    const index = this.col(name);
    return index < 0 ? "" : (row.cells[index] ?? "").trim();
  }

  private parse(row: SourceRow): Parsed | string {
    const ragged = raggedReason(row, this.header.length);
    if (ragged) return ragged;
    const m = this.mapping;
    const customerValue = this.cell(row, m.customer.column);
    if (!customerValue) return `No customer: the “${m.customer.column}” cell is empty.`;
    let type: string;
    let customName: string | undefined;
    if ("fixed" in m.eventType) {
      type = m.eventType.fixed;
      customName = m.eventType.customName;
    } else {
      const value = this.cell(row, m.eventType.column);
      const target = m.eventType.values[value];
      if (!target) return `Unknown event type “${value}” in “${m.eventType.column}”.`;
      if (target === "skip") return `Skipped: “${value}” is mapped to skip.`;
      type = target === "refund" ? "refund" : target;
    }
    const when = "column" in m.when ? this.cell(row, m.when.column) : this.cell(row, m.when.dateColumn);
    const date = parseDateTime(when, m.dateOrder ? { bySeparator: {}, fallback: m.dateOrder } : this.context.dates);
    if (!date.ok) return date.reason;
    const clock = { ...date.value };
    if ("timeColumn" in m.when) {
      const time = parseTime(this.cell(row, m.when.timeColumn));
      if (!time.ok) return time.reason;
      Object.assign(clock, { h: time.h, mi: time.mi, s: time.s });
    }
    const at = toInstant(clock, this.context.timeZone);
    let amount: Decimal | null = null;
    let quantity: Decimal | null = null;
    if (m.amount) {
      const separator = m.decimalSeparator ?? this.context.decimalSeparator;
      if ("column" in m.amount) {
        amount = moneyDecimal(this.cell(row, m.amount.column), separator);
        if (!amount) return `“${this.cell(row, m.amount.column)}” in “${m.amount.column}” is not an amount.`;
      } else {
        quantity = moneyDecimal(this.cell(row, m.amount.quantityColumn), separator);
        const price = moneyDecimal(this.cell(row, m.amount.unitPriceColumn), separator);
        if (!quantity) return `“${this.cell(row, m.amount.quantityColumn)}” in “${m.amount.quantityColumn}” is not a quantity.`;
        if (!price) return `“${this.cell(row, m.amount.unitPriceColumn)}” in “${m.amount.unitPriceColumn}” is not a price.`;
        amount = quantity.times(price);
      }
    }
    if (m.currencyColumn) {
      const currency = this.cell(row, m.currencyColumn).toUpperCase();
      if (currency && currency !== this.context.currency) return `The currency ${currency} is not the shop's currency (${this.context.currency}).`;
    }
    const groupValue = m.groupBy ? this.cell(row, m.groupBy) || null : null;
    return { row, type, customName, customerValue, at, amount, quantity, groupValue };
  }

  private key(parsed: Parsed): string {
    const m = this.mapping;
    const own = m.idempotencyColumn ? this.cell(parsed.row, m.idempotencyColumn) : "";
    if (own) return own;
    if (parsed.groupValue !== null) return `import:${sha(`group\u0000${m.groupBy}\u0000${parsed.groupValue}\u0000${parsed.customerValue}`)}`;
    // The row's own text, plus how many identical rows came before it in this file: two equal
    // rows are two sales, while re-importing the same file finds the same keys.
    const content = sha(parsed.row.cells.join("\u0001"));
    const seen = this.occurrences.get(content) ?? 0;
    this.occurrences.set(content, seen + 1);
    return `import:${content}${seen ? `.${seen}` : ""}`;
  }

  private finish(): Outcome[] {
    const rows = this.groupRows;
    const parsed = this.group;
    const error = this.groupError;
    this.group = [];
    this.groupRows = [];
    this.groupError = null;
    if (rows.length === 0) return [];
    if (error) {
      const label = parsed[0]?.groupValue ?? "";
      return [{ kind: "errors", errors: rows.map((row) => (row.line === error.line ? error : { line: row.line, cells: row.cells, reason: `Part of order ${label}, which has an error on line ${error.line}.` })) }];
    }
    return [this.event(parsed)];
  }

  private event(parsed: Parsed[]): Outcome {
    const first = parsed[0]!;
    const m = this.mapping;
    const rows = parsed.map((p) => p.row);
    const total = first.amount === null ? null : parsed.reduce((sum, p) => sum.plus(p.amount ?? 0), new Decimal(0));
    const data: Record<string, unknown> = {};
    for (const name of m.keepColumns) data[name] = this.cell(first.row, name);
    if (first.groupValue !== null) {
      data.orderId = first.groupValue;
      data.items = parsed.some((p) => p.quantity) ? parsed.reduce((sum, p) => sum.plus(p.quantity ?? 1), new Decimal(0)).toNumber() : parsed.length;
    }
    const customer: Record<string, string> = { [m.customer.identifyBy]: first.customerValue };
    const name = this.cell(first.row, m.customer.nameColumn);
    const email = this.cell(first.row, m.customer.emailColumn);
    const phone = this.cell(first.row, m.customer.phoneColumn);
    if (name) customer.name = name;
    if (email && m.customer.identifyBy !== "email") customer.email = email;
    if (phone) customer.phone = phone;
    const location = this.cell(first.row, m.locationColumn) || undefined;
    const draft: EventDraft = { type: first.type, customer, createCustomer: m.customer.create, occurredAt: first.at.toISOString(), data, idempotencyKey: this.key(first) };
    if (first.customName) draft.customName = first.customName;
    if (location) draft.location = location;
    const cents = total === null ? null : toCentsExact(total);
    if (cents && !cents.ok) return { kind: "errors", errors: parsed.map((p) => ({ line: p.row.line, cells: p.row.cells, reason: cents.reason })) };
    const negative = cents !== null && cents.cents < 0;
    if (first.type === "refund" || negative) {
      if (first.type !== "refund" && m.negatives === "skip") {
        return { kind: "errors", errors: parsed.map((p) => ({ line: p.row.line, cells: p.row.cells, reason: "Cancellation or negative amount: skipped, as chosen for this import." })) };
      }
      // A refund is a custom event that does not add spend; its amount is kept in its data.
      draft.type = "custom";
      draft.customName = "refund";
      if (cents) data.amount = formatCents(Math.abs(cents.cents));
      return { kind: "event", rows, input: draft };
    }
    if (cents) {
      if (first.type === "purchase" || first.type === "custom") draft.amount = formatCents(cents.cents);
      else data.amount = formatCents(cents.cents);
    }
    return { kind: "event", rows, input: draft };
  }

  /** Feeds one row; returns the outcomes that are complete. */
  push(row: SourceRow): Outcome[] {
    const parsed = this.parse(row);
    const groupValue = this.mapping.groupBy ? this.cell(row, this.mapping.groupBy) || null : null;
    const out: Outcome[] = [];
    const current = this.groupRows.length > 0 ? (this.group[0]?.groupValue ?? this.cell(this.groupRows[0]!, this.mapping.groupBy)) : null;
    if (this.groupRows.length > 0 && (groupValue === null || groupValue !== current)) out.push(...this.finish());
    this.groupRows.push(row);
    if (typeof parsed === "string") this.groupError ??= { line: row.line, cells: row.cells, reason: parsed };
    else this.group.push(parsed);
    if (groupValue === null) out.push(...this.finish());
    return out;
  }

  flush(): Outcome[] {
    return this.finish();
  }
}

/** Rows of the file an outcome accounts for. */
export const rowsOf = (outcome: Outcome): number => (outcome.kind === "event" ? outcome.rows.length : outcome.errors.length);

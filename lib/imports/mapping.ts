// How a file's columns become events: the mapping the user confirms (or the API sends), validated
// by zod, and the suggestions made from header names and sample values.
import { z } from "zod";
import { EVENT_TYPES } from "@/lib/events/registry";
import { detectDateOrder } from "./dates";
import { parseMoney } from "./money";

/** A value of an event-type column becomes a type, a refund, or is skipped and reported. */
export const typeTargetSchema = z.union([z.enum(EVENT_TYPES), z.literal("refund"), z.literal("skip")]);

const column = z.string().min(1).max(200);

export const mappingSchema = z.object({
  customer: z.object({
    /** Which identifier finds the customer (the "which one identifies"). */
    identifyBy: z.enum(["passSerial", "externalId", "email"]),
    column,
    nameColumn: column.optional(),
    emailColumn: column.optional(),
    phoneColumn: column.optional(),
    /** Create customers that do not exist yet. */
    create: z.boolean().default(false),
  }),
  eventType: z.union([
    z.object({ fixed: z.enum(EVENT_TYPES), customName: z.string().min(1).max(60).optional() }),
    z.object({ column, values: z.record(z.string(), typeTargetSchema) }),
  ]),
  when: z.union([z.object({ column }), z.object({ dateColumn: column, timeColumn: column })]),
  /** Confirmed by the user; when absent, detected from all the values. */
  dateOrder: z.enum(["MDY", "DMY", "YMD"]).optional(),
  amount: z.union([z.object({ column }), z.object({ quantityColumn: column, unitPriceColumn: column })]).optional(),
  decimalSeparator: z.enum([".", ","]).optional(),
  /** Rows whose currency differs from the merchant's are error rows. */
  currencyColumn: column.optional(),
  /** One event per group of rows sharing this column (order / invoice number). */
  groupBy: column.optional(),
  /** Order id / idempotency key: an order the POS already posted with this key is not recorded twice. */
  idempotencyColumn: column.optional(),
  /** Negative amounts and cancellations: skip and report, or record a "refund" custom event. */
  negatives: z.enum(["skip", "refund"]).default("skip"),
  locationColumn: column.optional(),
  /** Other columns kept in the event's data. */
  keepColumns: z.array(column).max(30).default([]),
});
export type ImportMapping = z.infer<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

/** Columns a mapping names that the file does not have. */
export function missingColumns(mapping: ImportMapping, header: string[]): string[] {
  const named = [
    mapping.customer.column, mapping.customer.nameColumn, mapping.customer.emailColumn, mapping.customer.phoneColumn,
    "column" in mapping.eventType ? mapping.eventType.column : undefined,
    ..."column" in mapping.when ? [mapping.when.column] : [mapping.when.dateColumn, mapping.when.timeColumn],
    ...(mapping.amount ? ("column" in mapping.amount ? [mapping.amount.column] : [mapping.amount.quantityColumn, mapping.amount.unitPriceColumn]) : []),
    mapping.currencyColumn, mapping.groupBy, mapping.idempotencyColumn, mapping.locationColumn, ...mapping.keepColumns,
  ];
  const have = new Set(header);
  return [...new Set(named.filter((name): name is string => name !== undefined && !have.has(name)))];
}

const norm = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const HINTS = {
  passSerial: ["passserial", "serial", "card", "cardid", "cardnumber", "loyaltycard", "membercard", "barcode"],
  externalId: ["customerid", "clientid", "memberid", "customerno", "customernumber", "externalid", "accountid", "custid"],
  email: ["email", "emailaddress", "mail", "customeremail"],
  name: ["name", "customername", "fullname", "customer", "client", "clientname"],
  phone: ["phone", "mobile", "telephone", "phonenumber", "tel", "cell"],
  datetime: ["datetime", "timestamp", "invoicedate", "orderdate", "date", "transactiondate", "saledate", "createdat", "time"],
  time: ["time", "hour"],
  amount: ["amount", "total", "money", "sales", "sale", "price", "revenue", "value", "totalprice", "grandtotal", "net"],
  quantity: ["quantity", "qty", "units", "count"],
  unitPrice: ["unitprice", "price", "priceeach", "itemprice"],
  group: ["invoiceno", "invoice", "orderid", "ordernumber", "orderno", "receipt", "receiptno", "transactionid", "invoicenumber"],
  type: ["type", "eventtype", "transactiontype", "kind"],
  location: ["location", "store", "shop", "branch"],
  currency: ["currency", "currencycode"],
} as const;

/** The first header whose letters and digits equal a hint, in the hints' order, not yet taken. */
export function pickColumn(header: string[], hints: readonly string[], taken: Set<string>): string | undefined {
  for (const hint of hints) {
    const found = header.find((h) => norm(h) === hint && !taken.has(h));
    if (found) return found;
  }
  return undefined;
}

/** A mapping suggested from header names and sample values; the user confirms or changes it. */
export function suggestMapping(header: string[], sample: string[][]): ImportMapping {
  const taken = new Set<string>();
  const claim = (name: string | undefined) => (name && taken.add(name), name);
  const values = (name: string) => sample.map((row) => row[header.indexOf(name)] ?? "").filter((v) => v.trim() !== "");
  const looksLikeDate = (name: string) => values(name).some((v) => /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(v));

  const email = pickColumn(header, HINTS.email, taken);
  const serial = pickColumn(header, HINTS.passSerial, taken);
  const external = pickColumn(header, HINTS.externalId, taken);
  const [identifyBy, idColumn] = serial ? (["passSerial", serial] as const) : external ? (["externalId", external] as const) : email ? (["email", email] as const) : (["externalId", header[0]!] as const);
  claim(idColumn);
  const nameColumn = claim(pickColumn(header, HINTS.name, taken));
  const emailColumn = identifyBy === "email" ? undefined : claim(email);
  const phoneColumn = claim(pickColumn(header, HINTS.phone, taken));

  // Prefer a column holding date AND time ("datetime", "InvoiceDate") over a bare date.
  const dateCandidates = header.filter((h) => !taken.has(h) && looksLikeDate(h));
  const withTime = dateCandidates.find((h) => values(h).some((v) => /\d:\d\d/.test(v)));
  const dateColumn = withTime ?? pickColumn(header, HINTS.datetime, taken) ?? dateCandidates[0] ?? header.find((h) => !taken.has(h))!;
  claim(dateColumn);

  const group = claim(pickColumn(header, HINTS.group, taken));
  const quantity = pickColumn(header, HINTS.quantity, taken);
  const unitPrice = quantity ? pickColumn(header, HINTS.unitPrice, new Set([...taken, quantity])) : undefined;
  const isMoney = (name: string) => values(name).length > 0 && values(name).every((v) => parseMoney(v).ok);
  let amount: ImportMapping["amount"];
  const amountColumn = pickColumn(header, HINTS.amount.filter((h) => h !== "price"), taken);
  if (amountColumn && isMoney(amountColumn)) amount = { column: claim(amountColumn)! };
  else if (quantity && unitPrice && norm(unitPrice).includes("unit")) {
    amount = { quantityColumn: claim(quantity)!, unitPriceColumn: claim(unitPrice)! };
  } else if (unitPrice && isMoney(unitPrice)) amount = { column: claim(unitPrice)! };

  const detection = detectDateOrder(values(dateColumn));
  const dateOrder = Object.values(detection.bySeparator).find((o) => o !== null) ?? undefined;
  const locationColumn = claim(pickColumn(header, HINTS.location, taken));
  const currencyColumn = claim(pickColumn(header, HINTS.currency, taken));
  return mappingSchema.parse({
    customer: { identifyBy, column: idColumn, nameColumn, emailColumn, phoneColumn, create: true },
    eventType: { fixed: amount ? "purchase" : "visit" },
    when: { column: dateColumn },
    dateOrder,
    amount,
    groupBy: group,
    negatives: "skip",
    locationColumn,
    currencyColumn,
    keepColumns: [],
  });
}

/** Same headers, same template: the key a saved template is offered again by. */
export function headerSignature(header: string[]): string {
  return header.map((h) => norm(h)).join("|");
}

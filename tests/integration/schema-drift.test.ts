// Migrations are hand-written SQL (the Prisma schema engine cannot run here), so nothing else
// checks that they build the database schema.prisma describes. This compares the migrated test
// database with schema.prisma: every table's columns (type, precision, nullability) and indexes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const SCHEMA = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");

// Indexes the migrations create that schema.prisma cannot express (expression, GIN or NULLS LAST
// indexes), each with the migration that explains it. Anything else in only one place fails.
const DB_ONLY_INDEXES = new Set([
  "customers_search_trgm_idx", // 20261125203000_customer_search_indexes: trigram search
  "customers_merchant_id_lower_email_idx", // 20261125203000: lower(email)
  "customer_passes_merchant_id_recent_idx", // 20261125230000: last_seen_at DESC NULLS LAST
  "customers_search_text_trgm_idx", // 20261202050000_customer_search_text: GIN trigram on the generated column
  "events_live_type_occurred_at_idx", // 20261202061000_segment_indexes: partial (live events) with INCLUDE
  "events_live_occurred_at_idx", // 20261202061000: partial with INCLUDE
  "customer_rollups_segment_idx", // 20261202061000: INCLUDE (customer_id, amount, points)
  "customer_rollups_recency_idx", // 20261203030000_segment_recency_index: INCLUDE (customer_id, count, first_at)
]);
// Covering columns (INCLUDE) only the migrations can say.
const INCLUDES: Record<string, string> = {
  events_merchant_id_type_occurred_at_idx: "customer_id, amount",
  report_customer_days_month_idx: "customer_id, prev_day", // 20261202040000_report_rollups
};
// Partial in the database (WHERE … IS NOT NULL), plain @@index in schema.prisma.
const PARTIAL = new Set(["events_merchant_id_import_id_idx", "events_merchant_id_automation_run_id_idx"]);

interface Column { table: string; column: string; type: string; nullable: boolean }

const SCALAR: Record<string, string> = { String: "text", Int: "int4", BigInt: "int8", Boolean: "bool", DateTime: "timestamp(3)", Decimal: "numeric(65,30)", Json: "jsonb", Float: "float8" };
const NATIVE: Record<string, (args: string) => string> = {
  Uuid: () => "uuid", Text: () => "text", VarChar: (a) => `varchar(${a})`, Char: (a) => `bpchar(${a})`, Date: () => "date",
  Timestamptz: (a) => `timestamptz(${a || "6"})`, Timestamp: (a) => `timestamp(${a || "6"})`, Decimal: (a) => `numeric(${a.replace(/\s/g, "")})`,
  Integer: () => "int4", BigInt: () => "int8", JsonB: () => "jsonb", SmallInt: () => "int2",
};

function parseSchema() {
  const enums = new Set([...SCHEMA.matchAll(/^enum (\w+) \{/gm)].map((m) => m[1] as string));
  const blocks = [...SCHEMA.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map((m) => ({ name: m[1] as string, body: m[2] as string }));
  const models = new Set(blocks.map((b) => b.name));
  const columns: Column[] = [];
  const indexes: string[] = [];
  for (const { name, body } of blocks) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const columnOf = new Map<string, string>();
    for (const line of body.split("\n").map((l) => l.replace(/\/\/.*$/, "").trim())) {
      const field = /^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!field || line.startsWith("@@")) continue;
      const [, fieldName, type, modifier, attrs] = field as unknown as [string, string, string, string | undefined, string];
      if (models.has(type)) continue; // a relation, not a column
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? fieldName;
      columnOf.set(fieldName, column);
      const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(attrs);
      // Unsupported("text") columns (e.g. the generated customers.search_text) name their SQL type.
      const unsupported = type === "Unsupported" ? /^\("([^"]+)"\)/.exec(attrs)?.[1] : undefined;
      let sqlType = unsupported ? unsupported : enums.has(type) ? type : native ? (NATIVE[native[1] as string]?.(native[2] ?? "") ?? `?${native[1]}`) : (SCALAR[type] ?? `?${type}`);
      if (modifier === "[]") sqlType = `${sqlType}[]`;
      columns.push({ table, column, type: sqlType, nullable: modifier === "?" });
      if (/@id\b/.test(attrs)) indexes.push(`${table} unique (${column})`);
      if (/@unique\b/.test(attrs)) indexes.push(`${table} unique (${column})`);
    }
    for (const m of body.matchAll(/@@(id|unique|index)\(\[([^\]]*)\]/g)) {
      const cols = (m[2] as string).split(",").map((c) => {
        const [, f, sort] = /^\s*(\w+)(?:\(sort:\s*(\w+)\))?/.exec(c) as unknown as [string, string, string | undefined];
        return `${columnOf.get(f) ?? f}${sort === "Desc" ? " DESC" : ""}`;
      });
      indexes.push(`${table} ${m[1] === "index" ? "index" : "unique"} (${cols.join(", ")})`);
    }
  }
  return { columns, indexes };
}

async function readDatabase() {
  const columns = await db.$queryRaw<{ table: string; column: string; udt: string; nullable: string; len: number | null; precision: number | null; scale: number | null; dtp: number | null; elem: string | null }[]>`
    SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS udt, c.is_nullable AS nullable, c.character_maximum_length AS len,
           c.numeric_precision AS precision, c.numeric_scale AS scale, c.datetime_precision AS dtp, e.udt_name AS elem
    FROM information_schema.columns c
    LEFT JOIN information_schema.element_types e ON e.object_catalog = c.table_catalog AND e.object_schema = c.table_schema
      AND e.object_name = c.table_name AND e.object_type = 'TABLE' AND e.collection_type_identifier = c.dtd_identifier
    WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`;
  const indexes = await db.$queryRaw<{ table: string; name: string; def: string }[]>`
    SELECT tablename AS table, indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const typeOf = (c: (typeof columns)[number]): string => {
    if (c.udt.startsWith("_")) return `${c.elem ?? c.udt.slice(1)}[]`;
    if (c.udt === "varchar" || c.udt === "bpchar") return `${c.udt}(${c.len})`;
    if (c.udt === "numeric") return `numeric(${c.precision},${c.scale})`;
    if (c.udt === "timestamptz" || c.udt === "timestamp") return `${c.udt}(${c.dtp})`;
    return c.udt;
  };
  return {
    columns: columns.map((c) => ({ table: c.table, column: c.column, type: typeOf(c), nullable: c.nullable === "YES" })),
    indexes: indexes.filter((i) => !DB_ONLY_INDEXES.has(i.name)).map((i) => {
      const list = (text: string | undefined) => (text ?? "").split(",").map((c) => c.trim().replace(/"/g, "").replace(/ ASC$/, "")).join(", ");
      const def = /USING \w+ \(([^)]*)\)(?: INCLUDE \(([^)]*)\))?( WHERE .*)?$/.exec(i.def);
      return { name: i.name, key: `${i.table} ${/UNIQUE/.test(i.def) ? "unique" : "index"} (${list(def?.[1])})`, include: def?.[2] ? list(def[2]) : null, partial: Boolean(def?.[3]) };
    }),
  };
}

const sortColumns = (list: Column[]) => [...list].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));

describe("schema.prisma and the migrated database", () => {
  it("have the same columns, types and nullability", async () => {
    const schema = parseSchema();
    const database = await readDatabase();
    expect(sortColumns(database.columns)).toEqual(sortColumns(schema.columns));
  });

  it("have the same indexes (apart from the listed ones schema.prisma cannot express)", async () => {
    const schema = parseSchema();
    const database = await readDatabase();
    expect(database.indexes.map((i) => i.key).sort()).toEqual([...new Set(schema.indexes)].sort());
    expect(database.indexes.filter((i) => i.partial).map((i) => i.name).sort()).toEqual([...PARTIAL].sort());
    expect(Object.fromEntries(database.indexes.filter((i) => i.include).map((i) => [i.name, i.include]))).toEqual(INCLUDES);
  });
});

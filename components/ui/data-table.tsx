"use client";

// The one table for server-paged lists. The URL owns paging and sorting: the table reads them
// from props (parsed by the page) and changes them by navigating, so views are shareable and the
// back button works. Rows arrive already filtered, sorted and paged by the server.
import {
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { formatCount } from "@/lib/format";
import { countOf, NOUNS, pluralWord, type Noun } from "@/lib/plural";
import type { Paged } from "@/lib/paging";

export interface DataTableColumnMeta {
  align?: "left" | "right";
  /**
   * Tailwind classes hiding the column on narrower tables, e.g. "hidden md:table-cell". Below
   * the `sm` breakpoint the table becomes stacked cards that show every column.
   */
  className?: string;
  /** The column's name on a card, when its header is not plain text. */
  label?: string;
}

/** Below `sm` (phones) each row is a card: label–value lines, the header row hidden. */
const CARD = {
  table: "max-sm:block",
  tbody: "max-sm:block max-sm:divide-y max-sm:divide-stone-200",
  tr: "max-sm:block max-sm:px-3 max-sm:py-2 max-sm:border-t-0",
  td: "max-sm:flex! max-sm:items-start max-sm:justify-between max-sm:gap-4 max-sm:px-0 max-sm:py-1 max-sm:text-right max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:font-medium max-sm:before:text-stone-500 max-sm:before:content-[attr(data-label)]",
};

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnMeta: {} as DataTableColumnMeta,
});
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumns<TData extends RowData> = ColumnDef<DataTableFeatures, TData>[];

/** The search-param names a table writes; pages with two tables can rename them. */
export interface DataTableUrlKeys {
  page: string;
  size: string;
  sort: string;
  dir: string;
}
const DEFAULT_KEYS: DataTableUrlKeys = { page: "page", size: "size", sort: "sort", dir: "dir" };

export interface DataTableProps<TData extends RowData> {
  columns: DataTableColumns<TData>;
  /** The server's page of rows, exactly as the lib query returned it. */
  result: Paged<TData>;
  getRowId: (row: TData) => string;
  pageSizes?: readonly number[];
  /** The sort the server applied (column id = the URL's sort key), or none. */
  sort?: { id: string; desc: boolean } | null;
  /** What to show for zero rows: "nothing yet" and "nothing matches" need different words. */
  empty: ReactNode;
  caption: string;
  /** Noun for the summary line, e.g. "customers". */
  /** What the rows are, counted in the footer ("1 of 1 customer"). */
  noun?: Noun;
  urlKeys?: Partial<DataTableUrlKeys>;
}

function apply<T>(updater: Updater<T>, current: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(current) : updater;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { columns, result, pageSizes, sort, empty, caption, noun = NOUNS.row } = props;
  const { data, count, countIsCapped, page, pageSize } = result;
  const keys = { ...DEFAULT_KEYS, ...props.urlKeys };
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();

  const sorting: SortingState = sort ? [sort] : [];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };

  function navigate(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => props.getRowId(row),
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: count,
    onSortingChange: (updater) => {
      const next = apply(updater, sorting)[0];
      // A new order starts again from page 1: page 7 of another order means nothing.
      if (next) navigate({ [keys.sort]: next.id, [keys.dir]: next.desc ? "desc" : "asc", [keys.page]: null });
    },
    onPaginationChange: (updater) => {
      const next = apply(updater, pagination);
      navigate({
        [keys.page]: next.pageIndex > 0 ? String(next.pageIndex + 1) : null,
        [keys.size]: next.pageSize !== pageSize ? String(next.pageSize) : searchParams.get(keys.size),
      });
    },
  });

  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(count, (page - 1) * pageSize + data.length);
  // A page number beyond the rows (an old link, a hand-edited URL): say so, not "no rows yet".
  const lastPage = Math.max(1, Math.ceil(count / pageSize));
  const pastTheEnd = data.length === 0 && count > 0 && page > lastPage;
  const lastPageHref = () => {
    const next = new URLSearchParams(searchParams.toString());
    if (lastPage > 1) next.set(keys.page, String(lastPage));
    else next.delete(keys.page);
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  const sortable = table.getAllLeafColumns().filter((column) => column.getCanSort());

  return (
    <div className={clsx("transition-opacity", isPending && "opacity-60")} aria-busy={isPending}>
      {sortable.length > 0 && (
        // The cards have no header row to click: phones sort from a menu instead.
        <label className="mb-2 flex items-center gap-2 text-sm text-stone-600 sm:hidden">
          <span>Sort by</span>
          <select
            className="min-h-10 flex-1 rounded-lg border border-stone-300 bg-white px-2"
            value={sort ? `${sort.id}:${sort.desc ? "desc" : "asc"}` : ""}
            onChange={(event) => {
              const [id, dir] = event.target.value.split(":");
              if (id) navigate({ [keys.sort]: id, [keys.dir]: dir ?? "asc", [keys.page]: null });
            }}
          >
            {!sort && <option value="">—</option>}
            {sortable.flatMap((column) => {
              const header = column.columnDef.header;
              const label = column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
              return [
                <option key={`${column.id}:desc`} value={`${column.id}:desc`}>{label}, high to low</option>,
                <option key={`${column.id}:asc`} value={`${column.id}:asc`}>{label}, low to high</option>,
              ];
            })}
          </select>
        </label>
      )}
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table className={clsx("w-full text-left text-sm", CARD.table)}>
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-50 text-stone-600 max-sm:hidden">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={clsx("px-3 py-2 font-medium", meta?.align === "right" && "text-right", meta?.className)}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className={clsx("inline-flex min-h-9 items-center gap-1 rounded hover:text-stone-900", meta?.align === "right" && "flex-row-reverse")}
                        >
                          <table.FlexRender header={header} />
                          {sorted === "asc" ? <ArrowUp aria-hidden className="size-3.5" /> : sorted === "desc" ? <ArrowDown aria-hidden className="size-3.5" /> : <ArrowUpDown aria-hidden className="size-3.5 opacity-40" />}
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className={CARD.tbody}>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={clsx("border-t border-stone-100 hover:bg-stone-50", CARD.tr)}>
                {row.getAllCells().map((cell) => {
                  const { meta, header } = cell.column.columnDef;
                  return (
                    <td
                      key={cell.id}
                      data-label={meta?.label ?? (typeof header === "string" ? header : cell.column.id)}
                      className={clsx("px-3 py-2 align-top", meta?.align === "right" && "text-right tabular-nums", meta?.className, CARD.td)}
                    >
                      <table.FlexRender cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {data.length === 0 && !pastTheEnd && <div className="border-t border-stone-100 p-2">{empty}</div>}
        {pastTheEnd && (
          <div role="status" className="border-t border-stone-100 px-4 py-8 text-center">
            <p className="font-medium text-stone-900">Page {formatCount(page)} is past the end of this list</p>
            <p className="mt-1 text-sm text-stone-600">
              {formatCount(count)}{countIsCapped ? "+" : ""} {pluralWord(count, noun)} fit on {countOf(lastPage, NOUNS.page)}.{" "}
              <Link href={lastPageHref()} className="font-medium text-brand-700 underline underline-offset-2">Go to the last page</Link>
            </p>
          </div>
        )}
      </div>
      {count > 0 && !pastTheEnd && (
        <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm text-stone-600">
          <p aria-live="polite">
            {formatCount(first)}–{formatCount(last)} of {formatCount(count)}{countIsCapped ? "+" : ""} {pluralWord(countIsCapped ? count + 1 : count, noun)}
            {countIsCapped && <span className="block text-xs text-stone-500">Search or filter to narrow the list.</span>}
          </p>
          <div className="flex items-center gap-2">
            {pageSizes && pageSizes.length > 1 && (
              <label className="flex items-center gap-2">
                <span>Rows</span>
                <select
                  className="min-h-10 rounded-lg border border-stone-300 bg-white px-2"
                  value={pageSize}
                  onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
                >
                  {pageSizes.map((size) => <option key={size} value={size}>{size}</option>)}
                </select>
              </label>
            )}
            <PageButton label="Previous page" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
              <ChevronLeft aria-hidden className="size-4" />
            </PageButton>
            <span className="tabular-nums">Page {formatCount(page)} of {formatCount(table.getPageCount())}</span>
            <PageButton label="Next page" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
              <ChevronRight aria-hidden className="size-4" />
            </PageButton>
          </div>
        </nav>
      )}
    </div>
  );
}

function PageButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="grid size-10 place-items-center rounded-lg border border-stone-300 bg-white hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40"
    >
      {children}
    </button>
  );
}

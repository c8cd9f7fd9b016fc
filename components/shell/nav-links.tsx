"use client";

import { clsx } from "clsx";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** On phones the top bar shows this many sections; the rest sit behind "More". */
export const PHONE_VISIBLE = 3;

function useIsActive() {
  const pathname = usePathname();
  return (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
}

export function NavLinks({ items, orientation }: { items: { href: string; label: string }[]; orientation: "vertical" | "horizontal" }) {
  const isActive = useIsActive();
  const horizontal = orientation === "horizontal";
  const overflow = horizontal ? items.slice(PHONE_VISIBLE) : [];
  return (
    <ul className={clsx(horizontal ? "flex flex-wrap items-center gap-1 whitespace-nowrap" : "space-y-1")}>
      {items.map((item, i) => (
        // Below sm the sections past the first few move into the "More" menu.
        <li key={item.href} className={clsx(horizontal && i >= PHONE_VISIBLE && "max-sm:hidden")}>
          <Link
            href={item.href}
            aria-current={isActive(item.href) ? "page" : undefined}
            className={clsx(
              "block rounded-lg px-3 font-medium",
              horizontal ? "py-1.5 text-sm" : "py-2",
              isActive(item.href) ? "bg-brand-50 text-brand-700" : "text-stone-700 hover:bg-stone-100",
            )}
          >
            {item.label}
          </Link>
        </li>
      ))}
      {overflow.length > 0 && (
        <li className="sm:hidden">
          <MoreMenu items={overflow} active={overflow.find((item) => isActive(item.href))?.label ?? null} />
        </li>
      )}
    </ul>
  );
}

function MoreMenu({ items, active }: { items: { href: string; label: string }[]; active: string | null }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // Close after navigating, and on Escape.
  useEffect(() => { if (ref.current) ref.current.open = false; }, [pathname]);
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => { if (e.key === "Escape" && ref.current) { ref.current.open = false; ref.current.querySelector("summary")?.focus(); } }}
    >
      <summary
        className={clsx(
          "flex cursor-pointer list-none items-center gap-1 rounded-lg px-3 py-1.5 text-sm font-medium",
          active ? "bg-brand-50 text-brand-700" : "text-stone-700 hover:bg-stone-100",
        )}
      >
        {active ?? "More"} <ChevronDown aria-hidden className="size-4" />
        <span className="sr-only">: more sections</span>
      </summary>
      <ul className="absolute left-0 top-10 z-30 w-48 rounded-xl border border-stone-200 bg-white p-1 shadow-lg">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.label === active ? "page" : undefined} className="block rounded-lg px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

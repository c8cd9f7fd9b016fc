"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items, orientation }: { items: { href: string; label: string }[]; orientation: "vertical" | "horizontal" }) {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <ul className={clsx(orientation === "vertical" ? "space-y-1" : "flex gap-1 whitespace-nowrap")}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={isActive(item.href) ? "page" : undefined}
            className={clsx(
              "block rounded-lg px-3 font-medium",
              orientation === "vertical" ? "py-2" : "py-1.5 text-sm",
              isActive(item.href) ? "bg-brand-50 text-brand-700" : "text-stone-700 hover:bg-stone-100",
            )}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

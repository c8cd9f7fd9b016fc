"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/settings", label: "Business" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/loyalty", label: "Loyalty" },
  { href: "/settings/rewards", label: "Rewards" },
  { href: "/settings/locations", label: "Locations" },
  { href: "/settings/api-keys", label: "API keys" },
  { href: "/settings/api", label: "API" },
  { href: "/settings/privacy", label: "Privacy" },
  { href: "/settings/audit-log", label: "Audit log" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    // Tabs wrap onto a second line on narrow screens instead of scrolling out of sight.
    <nav aria-label="Settings" className="flex flex-wrap gap-x-1 border-b border-stone-200">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={pathname === tab.href ? "page" : undefined}
          className={clsx("-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium", pathname === tab.href ? "border-brand-600 text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function UserMenu({ name, email, roleLabel, compact = false }: { name: string; email: string; roleLabel: string; compact?: boolean }) {
  return (
    <details className="group relative">
      <summary
        className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-lg px-2 hover:bg-stone-100"
        aria-label={`Account menu for ${name}`}
      >
        <span aria-hidden className="grid size-8 place-items-center rounded-full bg-stone-200 text-sm font-semibold">
          {name.slice(0, 1).toUpperCase()}
        </span>
        {!compact && (
          <span className="min-w-0 text-left">
            <span className="block truncate text-sm font-medium">{name}</span>
            <span className="block text-xs text-stone-500">{roleLabel}</span>
          </span>
        )}
      </summary>
      <div className={`absolute z-30 w-60 rounded-xl border border-stone-200 bg-white p-3 shadow-lg ${compact ? "right-0 top-11" : "bottom-12 left-0"}`}>
        <p className="truncate text-sm font-medium">{name}</p>
        <p className="truncate text-xs text-stone-500">{email}</p>
        <p className="mb-3 text-xs text-stone-500">{roleLabel}</p>
        <Link href="/account" className="mb-2 block rounded-lg px-2 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100">Change password</Link>
        <Button variant="secondary" className="w-full" onClick={() => signOut({ callbackUrl: "/login" })}>
          Sign out
        </Button>
      </div>
    </details>
  );
}

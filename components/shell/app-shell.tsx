import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export interface ShellProps {
  merchantName: string;
  user: { name: string; email: string; role: Role };
  nav: { href: string; label: string }[];
  children: ReactNode;
}

/** Sidebar on laptops; a top bar with a scrollable tab row on tablets and phones. */
export function AppShell({ merchantName, user, nav, children }: ShellProps) {
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <aside className="hidden border-r border-stone-200 bg-white lg:flex lg:flex-col">
        <Brand merchantName={merchantName} />
        <nav aria-label="Main" className="flex-1 px-3 py-2">
          <NavLinks items={nav} orientation="vertical" />
        </nav>
        <div className="border-t border-stone-200 p-3">
          <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} />
        </div>
      </aside>
      <div className="min-w-0">
        <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur lg:hidden">
          <div className="flex items-center justify-between gap-2 pr-2">
            <Brand merchantName={merchantName} />
            <UserMenu name={user.name} email={user.email} roleLabel={ROLE_LABELS[user.role]} compact />
          </div>
          <nav aria-label="Main" className="px-2 pb-2">
            <NavLinks items={nav} orientation="horizontal" />
          </nav>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl p-4 sm:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}

function Brand({ merchantName }: { merchantName: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2 px-4 py-3">
      <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-600 font-bold text-white">P</span>
      <div className="min-w-0">
        <p className="text-xs text-stone-500">Punchcard</p>
        <p className="truncate font-semibold" data-testid="merchant-name">{merchantName}</p>
      </div>
    </div>
  );
}

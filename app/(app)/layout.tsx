import { requirePageContext } from "@/lib/auth/session";
import { navItemsFor } from "@/lib/auth/roles";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const context = await requirePageContext("staff");
  return (
    <AppShell
      merchantName={context.merchant.name}
      user={{ name: context.user.name, email: context.user.email, role: context.user.role }}
      nav={navItemsFor(context.user.role).map(({ href, label }) => ({ href, label }))}
    >
      {children}
    </AppShell>
  );
}

import { requirePageContext } from "@/lib/auth/session";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requirePageContext("owner");
  return (
    <>
      <h1 className="mb-3 text-2xl font-semibold tracking-tight">Settings</h1>
      <SettingsTabs />
      <div className="mt-5">{children}</div>
    </>
  );
}

import { StatusPage } from "@/components/shell/status-page";

export default function NotFound() {
  return <StatusPage status={404} inShell={false} />;
}

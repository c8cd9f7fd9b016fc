import { StatusPage } from "@/components/shell/status-page";

// notFound() in a dashboard page renders here, inside the shell (whose <main> it must not repeat).
export default function NotFound() {
  return <StatusPage status={404} inShell />;
}

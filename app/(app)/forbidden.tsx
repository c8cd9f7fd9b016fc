import { StatusPage } from "@/components/shell/status-page";

// forbidden() in a dashboard page renders here, inside the shell (whose <main> it must not repeat).
export default function Forbidden() {
  return <StatusPage status={403} inShell />;
}

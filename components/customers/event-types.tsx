import {
  BadgeCheck, Bell, BellRing, Footprints, Gift, LogIn, LogOut, MousePointerClick, ScanLine, ShoppingBag, Smartphone, Sparkles, Trash2, WalletCards,
  type LucideIcon,
} from "lucide-react";
import type { HistoryEventType } from "@/lib/customers/history-params";

// Labels and icons per event type, matching the event registry's words (lib/events/registry.ts).
export const EVENT_TYPE_DISPLAY: Record<HistoryEventType, { label: string; icon: LucideIcon }> = {
  purchase: { label: "Purchase", icon: ShoppingBag },
  visit: { label: "Visit", icon: Footprints },
  check_in: { label: "Check-in", icon: LogIn },
  check_out: { label: "Check-out", icon: LogOut },
  redemption: { label: "Redemption", icon: Gift },
  scan: { label: "Scan", icon: ScanLine },
  app_open: { label: "App opened", icon: Smartphone },
  link_click: { label: "Link clicked", icon: MousePointerClick },
  notification_received: { label: "Notification received", icon: Bell },
  notification_opened: { label: "Notification opened", icon: BellRing },
  pass_installed: { label: "Pass installed", icon: WalletCards },
  pass_uninstalled: { label: "Pass removed", icon: Trash2 },
  pass_registered: { label: "Pass registered", icon: BadgeCheck },
  custom: { label: "Custom", icon: Sparkles },
};

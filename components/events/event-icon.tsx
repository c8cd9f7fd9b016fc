import {
  BadgeCheck, Bell, BellRing, Footprints, Gift, LogIn, LogOut, MousePointerClick, ScanLine, ShoppingBag, Smartphone, Sparkles, Trash2, WalletCards,
  type LucideIcon,
} from "lucide-react";
import { EVENT_REGISTRY, type EventIconName, type EventType } from "@/lib/events/registry";

// The components of the registry's icon names (lib/events/registry.ts). Named imports keep the
// bundle to these icons; the Record type makes a new icon name in the registry a compile error here.
const ICONS: Record<EventIconName, LucideIcon> = {
  ShoppingBag, Footprints, LogIn, LogOut, Gift, ScanLine, Smartphone, MousePointerClick, Bell, BellRing, WalletCards, Trash2, BadgeCheck, Sparkles,
};

/** The icon of an event type, as the registry names it. */
export function eventIcon(type: EventType): LucideIcon {
  return ICONS[EVENT_REGISTRY[type].icon];
}

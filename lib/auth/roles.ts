// Roles and what each may reach. Pure, shared by server checks and the navigation.
export const ROLES = ["staff", "manager", "owner"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { staff: 0, manager: 1, owner: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", manager: "Manager", staff: "Staff" };

export interface NavItem {
  href: string;
  label: string;
  minRole: Role;
}

/** The app's sections and the least role that may open each. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", minRole: "staff" },
  { href: "/customers", label: "Customers", minRole: "staff" },
  { href: "/record", label: "Record event", minRole: "staff" },
  { href: "/imports", label: "Imports", minRole: "manager" },
  { href: "/segments", label: "Segments", minRole: "manager" },
  { href: "/reports", label: "Reports", minRole: "manager" },
  { href: "/settings", label: "Settings", minRole: "owner" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => hasRole(role, item.minRole));
}

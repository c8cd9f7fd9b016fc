// LOCAL STUB, not committed: the real seed is on main's way.
export async function hasMerchants(_url: string): Promise<boolean> { return true; }
export async function seedDemoData(_url: string, _o: object): Promise<{ customers: number; events: number; ms: number }> { throw new Error("stub"); }

import { describe, expect, it } from "vitest";
import { streamCustomerCsv } from "@/lib/customers/export";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

describe("customer CSV export", () => {
  it("writes pass status as the label people see, not the code", async () => {
    const context = await createContext("manager");
    await createCustomer(context, { name: "Ines", passStatus: "installed" });
    await createCustomer(context, { name: "Uma", passStatus: "uninstalled" });
    await createCustomer(context, { name: "Nia", passStatus: "not_installed" });
    const { stream } = await streamCustomerCsv(context, {});
    const lines = (await new Response(stream).text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    const column = lines[0]!.split(",").indexOf("Pass status");
    const status = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")[column]]));
    expect(status).toEqual({ Ines: "Installed", Uma: "Removed", Nia: "Never installed" });
  });
});

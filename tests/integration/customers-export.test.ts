import { describe, expect, it } from "vitest";
import { customerCsv } from "@/lib/customers/export";
import { textStreamResponse } from "@/lib/http/text-stream";
import { createContext } from "../support/factories";
import { createCustomer } from "../support/customer-fixtures";

describe("customer CSV export", () => {
  it("writes pass status as the label people see, not the code", async () => {
    const context = await createContext("manager");
    await createCustomer(context, { name: "Ines", passStatus: "installed" });
    await createCustomer(context, { name: "Uma", passStatus: "uninstalled" });
    await createCustomer(context, { name: "Nia", passStatus: "not_installed" });
    const { chunks } = await customerCsv(context, {});
    const lines = (await (await textStreamResponse(chunks, {})).text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    const column = lines[0]!.split(",").indexOf("Pass status");
    const status = Object.fromEntries(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")[column]]));
    expect(status).toEqual({ Ines: "Installed", Uma: "Removed", Nia: "Never installed" });
  });

  it("writes the header alone for a list with no one in it", async () => {
    const context = await createContext("manager");
    const { chunks } = await customerCsv(context, { q: "nobody-has-this-name" });
    expect((await (await textStreamResponse(chunks, {})).text()).replace(/^\uFEFF/, "")).toBe("Name,Email,Phone,External ID,Pass serial,Pass status,Tier,Points,Visits,Lifetime spend,First activity,Last activity\r\n");
  });
});

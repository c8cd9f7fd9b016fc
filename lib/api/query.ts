// Query strings validated strictly on the server: unknown values are a 422 naming the parameter.
import type { z } from "zod";
import { formatPath } from "@/lib/events/schema";
import { ApiError } from "./errors";

export function queryParams<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError("validation_error", issue?.message ?? "Invalid query", { path: formatPath(issue?.path ?? []) || undefined });
}

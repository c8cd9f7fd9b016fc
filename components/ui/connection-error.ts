// A server action that threw on the way (no server reply: Wi-Fi dropped, server restarting)
// leaves an empty result; without this the form would show nothing at all.
export function connectionErrorMessage(
  status: string,
  result: { serverError?: unknown; validationErrors?: unknown; data?: unknown },
  what = "That didn’t go through",
): string | undefined {
  const replied = result.serverError !== undefined || result.validationErrors !== undefined || result.data !== undefined;
  return status === "hasErrored" && !replied ? `${what}: Punchcard could not be reached. Check the connection and try again.` : undefined;
}

// Turns a safe-action result into what a form shows: one message per field, or one for the form.
export function fieldErrors(validationErrors: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (!validationErrors || typeof validationErrors !== "object") return out;
  for (const [field, value] of Object.entries(validationErrors as Record<string, unknown>)) {
    const errors = (value as { _errors?: string[] } | undefined)?._errors;
    if (field !== "_errors" && errors?.[0]) out[field] = errors[0];
  }
  return out;
}

export function actionErrorMessage(error: { message?: string } | undefined): string {
  return error?.message ?? "Something went wrong. Please try again.";
}

/**
 * THE mapping of an action's result onto a form: per field, the schema's message or the server's
 * error naming that field (`path`); `form` is what belongs to no field. Every form uses this
 * instead of reading validationErrors and serverError itself.
 */
export function formErrors(result: { validationErrors?: unknown; serverError?: { message?: string; path?: string } }, fields: readonly string[]): {
  field: (name: string) => string | undefined;
  form: string | undefined;
} {
  const schema = fieldErrors(result.validationErrors);
  const server = result.serverError;
  const onField = server?.path !== undefined && fields.includes(server.path);
  return {
    field: (name) => schema[name] ?? (server?.path === name ? server.message : undefined),
    form: server && !onField ? actionErrorMessage(server) : undefined,
  };
}

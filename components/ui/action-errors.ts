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

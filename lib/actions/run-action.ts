import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { zodErrorMap } from "@/lib/i18n/zod-error-map";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { findTextProblem } from "@/lib/validation/safe-text";

/** What a dashboard server action returns to its form. */
export interface ActionState<T = unknown> {
  ok?: boolean;
  message?: string;
  /** First problem per field, in the user's language. */
  fieldErrors?: Record<string, string>;
  data?: T;
}

/**
 * The shape of every dashboard server action: who is signed in, input checked
 * with zod, then one domain function; an AppError becomes a message in the
 * user's language and nothing else leaks. Permission checks stay in the domain.
 */
export async function runAction<S extends z.ZodType, T>(options: {
  schema: S;
  input: unknown;
  run: (user: CurrentUser, input: z.output<S>) => Promise<T>;
  success?: (m: DashboardMessages, result: T) => string;
}): Promise<ActionState<T>> {
  const { locale, m } = await getDashboardMessages();
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: new AppError("UNAUTHENTICATED").messageFor(locale) };
  // Text nothing can store (NUL, lone surrogates, megabytes) is refused before any schema sees it.
  const unsafe = findTextProblem(options.input);
  if (unsafe) return { ok: false, message: new AppError("INVALID_INPUT").messageFor(locale), fieldErrors: { [unsafe.path.join(".")]: m.input[unsafe.problem === "too-long" ? "tooLong" : unsafe.problem] } };
  const parsed = options.schema.safeParse(options.input, { error: zodErrorMap(locale) });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".");
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, message: new AppError("INVALID_INPUT").messageFor(locale), fieldErrors };
  }
  try {
    const result = await options.run(user, parsed.data);
    return { ok: true, message: options.success?.(m, result), data: result };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.messageFor(locale) };
    throw error;
  }
}

/**
 * FormData to a plain object; repeated names become arrays. Anything else (a
 * hand-made call sending JSON to a form's action) is an empty form, which the
 * action's schema then refuses like any incomplete one.
 */
export function formObject(form: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  if (!(form instanceof FormData)) return object;
  for (const [key, value] of form) {
    if (key.startsWith("$ACTION")) continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

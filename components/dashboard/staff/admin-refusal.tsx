import Link from "next/link";
import { AppError, type Locale } from "@/lib/errors/app-error";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/**
 * Loads an administration page's data through its domain function, which
 * checks the permission (and audits a refusal). A refusal or a missing record
 * becomes a message instead of the data; anything else is a real failure.
 */
export async function loadForAdmin<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
}

/** What a page shows instead of its data: "no permission", "not found", or the error's own message. */
export function AdminRefusal({ error, m, locale }: { error: AppError; m: DashboardMessages; locale: Locale }) {
  const forbidden = error.code === "FORBIDDEN";
  return (
    <main>
      <h1 className="text-2xl font-bold">{forbidden ? m.staff.forbidden.title : m.staff.title}</h1>
      <p role="alert" className="mt-4 max-w-xl rounded border border-red-200 bg-red-50 p-4 text-red-900">
        {forbidden ? m.staff.forbidden.body : error.code === "NOT_FOUND" ? m.staff.notFound : error.messageFor(locale)}
      </p>
      <p className="mt-4">
        <Link href="/admin" className="text-brand underline">
          {m.staff.forbidden.back}
        </Link>
      </p>
    </main>
  );
}

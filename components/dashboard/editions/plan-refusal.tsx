import Link from "next/link";
import type { AppError, Locale } from "@/lib/errors/app-error";
import { editionMessages } from "@/lib/i18n/messages/editions";

/** What a planning page shows instead of its data: no permission, no such edition, or the error's message. */
export function PlanRefusal({ error, locale }: { error: AppError; locale: Locale }) {
  const t = editionMessages[locale];
  const forbidden = error.code === "FORBIDDEN";
  return (
    <main>
      <h1 className="text-2xl font-bold">{forbidden ? t.plan.forbidden : t.create.title}</h1>
      <p role="alert" className="mt-4 max-w-xl rounded border border-red-200 bg-red-50 p-4 text-red-900">
        {forbidden ? t.plan.forbiddenBody : error.messageFor(locale)}
      </p>
      <p className="mt-4">
        <Link href="/admin" className="text-brand underline">
          {t.plan.home}
        </Link>
      </p>
    </main>
  );
}

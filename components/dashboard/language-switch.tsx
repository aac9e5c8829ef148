import { dashboardLocales, dashboardMessages, type DashboardLocale } from "@/lib/i18n/dashboard-messages";

/** A plain form per language (no JavaScript needed): choosing one changes state, so it is a POST. */
export function LanguageSwitch({ locale, next, label }: { locale: DashboardLocale; next: string; label: string }) {
  return (
    <nav aria-label={label} className="flex gap-2 text-sm">
      {dashboardLocales.map((option) =>
        option === locale ? (
          <span key={option} aria-current="true" className="font-bold">
            {dashboardMessages(option).languageName}
          </span>
        ) : (
          <form key={option} method="post" action="/api/dashboard-locale">
            <input type="hidden" name="to" value={option} />
            <input type="hidden" name="next" value={next} />
            <button type="submit" lang={option} className="underline">
              {dashboardMessages(option).languageName}
            </button>
          </form>
        ),
      )}
    </nav>
  );
}

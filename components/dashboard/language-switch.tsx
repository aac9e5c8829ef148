import { dashboardLocales, dashboardMessages, type DashboardLocale } from "@/lib/i18n/dashboard-messages";

/** Plain links (no JavaScript needed) to the dashboard in each language. */
export function LanguageSwitch({ locale, next, label }: { locale: DashboardLocale; next: string; label: string }) {
  return (
    <nav aria-label={label} className="flex gap-2 text-sm">
      {dashboardLocales.map((option) =>
        option === locale ? (
          <span key={option} aria-current="true" className="font-bold">
            {dashboardMessages(option).languageName}
          </span>
        ) : (
          <a key={option} href={`/api/dashboard-locale?to=${option}&next=${encodeURIComponent(next)}`} lang={option} className="underline">
            {dashboardMessages(option).languageName}
          </a>
        ),
      )}
    </nav>
  );
}

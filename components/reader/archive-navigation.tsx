
/** Where an archive page sits: 往期 › 2023年 › 3月, the last one the current page. */
export function ArchiveBreadcrumb({ trail, t }: { trail: { label: string; href: string }[]; t: (text: string) => string }) {
  return (
    <nav aria-label={t("当前位置")} className="text-sm print:hidden">
      <ol className="flex flex-wrap items-center gap-1">
        {trail.map((step, index) => {
          const last = index === trail.length - 1;
          return (
            <li key={step.href} className="flex items-center gap-1">
              {index > 0 && <span aria-hidden="true" className="text-neutral-600">›</span>}
              {last ? (
                <span aria-current="page" className="font-bold">{t(step.label)}</span>
              ) : (
                <a href={step.href}>{t(step.label)}</a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Links to the nearest older and newer year or month that has editions. */
export function ArchivePager(props: {
  label: string;
  older?: { label: string; href: string };
  newer?: { label: string; href: string };
  /** Shown, greyed, when there is nothing older or newer. */
  olderFallback: string;
  newerFallback: string;
  t: (text: string) => string;
}) {
  const { label, older, newer, olderFallback, newerFallback, t } = props;
  return (
    <nav aria-label={t(label)} className="flex justify-between gap-4 text-sm print:hidden">
      {older ? (
        <a href={older.href} rel="prev">
          ‹ {t(older.label)}
        </a>
      ) : (
        <span className="text-neutral-600">‹ {t(olderFallback)}</span>
      )}
      {newer ? (
        <a href={newer.href} rel="next">
          {t(newer.label)} ›
        </a>
      ) : (
        <span className="text-neutral-600">{t(newerFallback)} ›</span>
      )}
    </nav>
  );
}

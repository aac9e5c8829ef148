import type { ReaderPublication } from "@/lib/reader/find-reader-publication";

/** The publication's footer, on every reader page. */
export function SiteFooter({ footer, t }: { footer: ReaderPublication["footer"]; t: (text: string) => string }) {
  const lines = [
    footer.copyright,
    footer.publisher,
    [footer.maintainer, footer.phone && `联系电话:${footer.phone}`].filter(Boolean).join(" "),
    [footer.icp, footer.license].filter(Boolean).join(" "),
  ].filter((line): line is string => Boolean(line));
  return (
    <footer className="mx-auto mt-12 max-w-6xl border-t border-neutral-300 px-4 py-6 text-center text-xs leading-6 text-neutral-600">
      {lines.map((line) => (
        <p key={line}>{t(line)}</p>
      ))}
    </footer>
  );
}

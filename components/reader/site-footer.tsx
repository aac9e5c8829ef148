import type { PublicationWithFooter } from "@/lib/publications/find-default-publication";

/** The publication's footer, as the printed paper's website shows it on every page. */
export function SiteFooter({ publication }: { publication: PublicationWithFooter }) {
  const lines = [
    publication.footerCopyright,
    publication.footerPublisher,
    [publication.footerMaintainer, publication.footerPhone && `联系电话:${publication.footerPhone}`]
      .filter(Boolean)
      .join(" "),
    [publication.footerIcp, publication.footerLicense].filter(Boolean).join(" "),
  ].filter(Boolean);
  return (
    <footer className="mt-12 border-t border-neutral-300 py-6 text-center text-xs leading-6 text-neutral-600">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </footer>
  );
}

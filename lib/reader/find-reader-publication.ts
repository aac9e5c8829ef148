import { getDb } from "@/lib/db/client";
import { cached } from "./cached";
import { cacheTags } from "./cache-tags";
import { DEFAULT_PUBLICATION_PARAM } from "./routing";

export interface ReaderPublication {
  id: string;
  slug: string;
  name: string;
  isDefault: boolean;
  footer: { copyright: string | null; publisher: string | null; maintainer: string | null; phone: string | null; icp: string | null; license: string | null };
}

/**
 * Every publication, as one cache entry: URLs with made-up slugs are looked up
 * here and never add entries to the cache.
 */
export function findReaderPublications(): Promise<ReaderPublication[]> {
  return cached(["reader-publications"], [cacheTags.publications], async () => {
    const publications = await getDb().publication.findMany({ orderBy: { slug: "asc" } });
    return publications.map((publication) => ({
      id: publication.id,
      slug: publication.slug,
      name: publication.name,
      isDefault: publication.isDefault,
      footer: {
        copyright: publication.footerCopyright,
        publisher: publication.footerPublisher,
        maintainer: publication.footerMaintainer,
        phone: publication.footerPhone,
        icp: publication.footerIcp,
        license: publication.footerLicense,
      },
    }));
  });
}

/** The publication behind a URL's publication segment ("_" = the default one). */
export async function findReaderPublication(param: string): Promise<ReaderPublication | null> {
  const publications = await findReaderPublications();
  return (
    publications.find((publication) => (param === DEFAULT_PUBLICATION_PARAM ? publication.isDefault : publication.slug === param)) ?? null
  );
}

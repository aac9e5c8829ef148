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

/** The publication behind a URL's publication segment ("_" = the default one). */
export async function findReaderPublication(param: string): Promise<ReaderPublication | null> {
  const where = param === DEFAULT_PUBLICATION_PARAM ? { isDefault: true } : { slug: param };
  // Not tagged per publication: its id is what we are looking for.
  return cached(["reader-publication", param], [cacheTags.publications], async () => {
    const publication = await getDb().publication.findFirst({ where });
    if (!publication) return null;
    return {
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
    };
  });
}


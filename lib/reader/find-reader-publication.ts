import { getDb } from "@/lib/db/client";
import { DEFAULT_PUBLICATION_PARAM } from "./routing";

export interface ReaderPublication {
  id: string;
  slug: string;
  name: string;
  isDefault: boolean;
  footer: { copyright: string | null; publisher: string | null; maintainer: string | null; phone: string | null; icp: string | null; license: string | null };
}

/** Every publication with what its reader pages show of it. */
export async function findReaderPublications(): Promise<ReaderPublication[]> {
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
}

/** The publication behind a URL's publication segment ("_" = the default one). */
export async function findReaderPublication(param: string): Promise<ReaderPublication | null> {
  const publications = await findReaderPublications();
  return (
    publications.find((publication) => (param === DEFAULT_PUBLICATION_PARAM ? publication.isDefault : publication.slug === param)) ?? null
  );
}

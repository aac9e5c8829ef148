import { getDb } from "@/lib/db/client";

/** The publication served at the short URLs, with its footer. */
export function findDefaultPublication() {
  return getDb().publication.findFirst({
    where: { isDefault: true },
    select: {
      id: true,
      slug: true,
      name: true,
      locale: true,
      footerCopyright: true,
      footerPublisher: true,
      footerMaintainer: true,
      footerPhone: true,
      footerIcp: true,
      footerLicense: true,
    },
  });
}

export type PublicationWithFooter = NonNullable<Awaited<ReturnType<typeof findDefaultPublication>>>;

import { notFound, redirect } from "next/navigation";
import { findLatestEditionDate } from "@/lib/reader/find-edition-dates";
import { readerContext } from "@/lib/reader/reader-context";
import { findEditionView } from "@/lib/reader/find-edition-view";
import { pageUrl, publicationUrl } from "@/lib/reader/urls";

// A redirect that depends on what is published now: answered per request.
export const dynamic = "force-dynamic";

/** `/`: the latest published edition's first page. */
export default async function LatestEdition({ params }: PageProps<"/[script]/[publication]">) {
  const route = await params;
  const context = await readerContext(route, (slug) => publicationUrl({ slug, isDefault: true }));
  const latest = await findLatestEditionDate(context.publication.id);
  if (!latest) notFound();
  const edition = await findEditionView(context.publication.id, latest);
  const first = edition?.pages[0];
  if (!first) notFound();
  redirect(pageUrl(context.publication, latest, first.number));
}

import { redirect } from "next/navigation";
import { readerContext, readerEdition } from "@/lib/reader/reader-context";
import { editionUrl, pageUrl } from "@/lib/reader/urls";

// A redirect that depends on what is published now: answered per request.
export const dynamic = "force-dynamic";

/** `/2023-03-13`: that edition's first page. */
export default async function Edition({ params }: PageProps<"/[script]/[publication]/[date]">) {
  const route = await params;
  const context = await readerContext(route, (slug) => editionUrl({ slug, isDefault: true }, route.date));
  const edition = await readerEdition(context, route.date);
  redirect(pageUrl(context.publication, edition.date, edition.pages[0]!.number));
}

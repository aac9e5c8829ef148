import type { Db } from "@/lib/db/client";
import { findDefaultPublication } from "@/lib/publications/default-publication";

// The choices of the dashboard search's filters (版名, 署名): the default
// publication's page names, standing or not (old stories sit on pages no longer
// planned), in page order, and its people by name, as the story list offers them.

export interface StorySearchOptions {
  pageNames: string[];
  people: { id: string; name: string }[];
}

export async function storySearchOptions(options: { db: Db }): Promise<StorySearchOptions> {
  const { db } = options;
  const publication = await findDefaultPublication(db);
  if (!publication) return { pageNames: [], people: [] };
  const [pageNames, people] = await Promise.all([
    db.pageName.findMany({ where: { publicationId: publication.id }, orderBy: [{ active: "desc" }, { position: "asc" }], select: { name: true } }),
    db.person.findMany({ where: { publicationId: publication.id }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { pageNames: pageNames.map((pageName) => pageName.name), people };
}

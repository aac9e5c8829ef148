import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { photoSummary, photoSummarySelect, type PhotoSummary } from "./photo-summary";
import { photoSearchSchema, type PhotoSearch } from "./photo-schema";
import { atNewsroomTime } from "@/lib/time/newsroom-time";

export const PHOTOS_PER_PAGE = 24;

/** Calendar days in the library are the newsroom's (China Standard Time), not the server's. */

export interface PhotoList {
  photos: PhotoSummary[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The library, newest first: every word of `q` must appear in the caption,
 * credit, alt text or file name; `from`/`to` (inclusive days) match the day the
 * photo was taken or uploaded. Every staff member may search the whole library.
 */
export async function listPhotos(options: { db: Db; search?: PhotoSearch; perPage?: number }): Promise<PhotoList> {
  const { db } = options;
  const perPage = options.perPage ?? PHOTOS_PER_PAGE;
  const search = photoSearchSchema.parse(options.search ?? {});
  const where = photoSearchWhere(search);
  const [total, rows] = await Promise.all([
    db.photo.count({ where }),
    db.photo.findMany({
      where,
      select: photoSummarySelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (search.page - 1) * perPage,
      take: perPage,
    }),
  ]);
  return { photos: rows.map(photoSummary), total, page: search.page, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

function photoSearchWhere(search: { q: string; from?: string; to?: string }): Prisma.PhotoWhereInput {
  const words = search.q.split(/\s+/).filter(Boolean);
  const and: Prisma.PhotoWhereInput[] = words.map((word) => ({
    OR: [
      { caption: { contains: word, mode: "insensitive" } },
      { credit: { contains: word, mode: "insensitive" } },
      { altText: { contains: word, mode: "insensitive" } },
      { asset: { originalName: { contains: word, mode: "insensitive" } } },
    ],
  }));
  if (search.from || search.to) {
    const range: Prisma.DateTimeFilter = {};
    if (search.from) range.gte = dayStart(search.from);
    if (search.to) range.lt = new Date(dayStart(search.to).getTime() + 24 * 60 * 60 * 1000);
    and.push({ OR: [{ takenAt: range }, { createdAt: range }] });
  }
  return { AND: and };
}

function dayStart(day: string): Date {
  return atNewsroomTime(`${day}T00:00:00`);
}

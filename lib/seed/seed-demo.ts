import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { importEdition } from "@/lib/editions/import-edition";
import type { Storage } from "@/lib/storage/storage";
import { demoAccounts } from "./demo-accounts";
import { atNewsroomTime } from "@/lib/time/newsroom-time";

const demoPublicationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  locale: z.string(),
  timezone: z.string(),
  footer: z.object({
    copyright: z.string(),
    publisher: z.string(),
    maintainer: z.string(),
    phone: z.string(),
    icp: z.string(),
    license: z.string(),
  }),
  pageNames: z.array(z.object({ name: z.string(), defaultNumber: z.string() })),
  editions: z.array(z.iso.date()),
  plannedEditions: z.array(z.iso.date()).default([]),
});

export interface SeedDemoResult {
  editions: string[];
  articles: number;
}

/**
 * Loads the demo newsroom from prisma/demo: publication 江门日报 with its footer
 * and standing pages, demo staff, and the published demo editions. Every write is
 * an upsert on a natural key, so running it again changes nothing.
 */
export async function seedDemo(options: { db: Db; storage: Storage; demoDir: string }): Promise<SeedDemoResult> {
  const { db, storage, demoDir } = options;
  const input = demoPublicationSchema.parse(
    JSON.parse(await readFile(path.join(demoDir, "publication.json"), "utf8")),
  );

  const footer = {
    footerCopyright: input.footer.copyright,
    footerPublisher: input.footer.publisher,
    footerMaintainer: input.footer.maintainer,
    footerPhone: input.footer.phone,
    footerIcp: input.footer.icp,
    footerLicense: input.footer.license,
  };
  const hasDefault = await db.publication.findFirst({ where: { isDefault: true }, select: { slug: true } });
  const publication = await db.publication.upsert({
    where: { slug: input.slug },
    create: {
      slug: input.slug,
      name: input.name,
      locale: input.locale,
      timezone: input.timezone,
      isDefault: !hasDefault,
      ...footer,
    },
    update: {},
  });

  for (const [index, pageName] of input.pageNames.entries()) {
    await db.pageName.upsert({
      where: { publicationId_name: { publicationId: publication.id, name: pageName.name } },
      create: { publicationId: publication.id, position: index + 1, ...pageName },
      update: {},
    });
  }

  for (const account of demoAccounts) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      },
      update: {},
    });
    if (account.person) {
      const existing = await db.person.findFirst({
        where: { publicationId: publication.id, name: account.person.name, organisation: account.person.organisation },
      });
      if (!existing) {
        await db.person.create({
          data: {
            publicationId: publication.id,
            name: account.person.name,
            organisation: account.person.organisation,
            role: account.role === "PHOTOGRAPHER" ? "PHOTOGRAPHER" : "REPORTER",
            userId: user.id,
          },
        });
      } else if (!existing.userId) {
        await db.person.update({ where: { id: existing.id }, data: { userId: user.id } });
      }
    }
  }

  const editor = await db.user.findUniqueOrThrow({ where: { email: demoAccounts[0].email }, select: { id: true } });
  let articles = 0;
  for (const date of input.editions) {
    const report = await importEdition({
      db,
      storage,
      folder: path.join(demoDir, "editions", date),
      publish: true,
      // Published at 06:00 Beijing time on the paper's day.
      publishedAt: atNewsroomTime(`${date}T06:00:00`),
      actorId: editor.id,
    });
    articles += report.articlesCreated;
    await applyDemoRegions(db, path.join(demoDir, "editions", date), report.editionId);
  }
  // Tomorrow's paper, still being planned: its stories are ready (待发), as every imported story is by default.
  for (const date of input.plannedEditions) {
    const report = await importEdition({ db, storage, folder: path.join(demoDir, "editions", date), actorId: editor.id });
    articles += report.articlesCreated;
  }
  return { editions: [...input.editions, ...input.plannedEditions], articles };
}

const regionsFileSchema = z.object({
  page: z.string(),
  boxes: z.array(
    z.object({ headline: z.string(), x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  ),
});

/**
 * The demo page's article regions (热区), as an editor would have mapped them
 * (regions.json beside the manifest; page-relative 0..1 rectangles).
 */
async function applyDemoRegions(db: Db, folder: string, editionId: string): Promise<void> {
  const file = path.join(folder, "regions.json");
  if (!existsSync(file)) return;
  const input = regionsFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const page = await db.page.findUniqueOrThrow({
    where: { editionId_number: { editionId, number: input.page } },
    include: { placements: { include: { article: { select: { headline: true } } } }, _count: { select: { regions: true } } },
  });
  if (page._count.regions > 0) return;
  for (const [index, box] of input.boxes.entries()) {
    const placement = page.placements.find((candidate) => candidate.article.headline === box.headline);
    if (!placement) throw new Error(`regions.json: no article "${box.headline}" on ${input.page}`);
    await db.region.create({
      data: {
        pageId: page.id,
        // The page has no regions yet (checked above): numbered in the file's order.
        number: index + 1,
        placementId: placement.id,
        source: "MANUAL",
        polygon: [
          [box.x, box.y],
          [box.x + box.w, box.y],
          [box.x + box.w, box.y + box.h],
          [box.x, box.y + box.h],
        ],
      },
    });
  }
}

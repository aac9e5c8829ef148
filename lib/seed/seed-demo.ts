import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { importEdition } from "@/lib/editions/import-edition";
import type { Storage } from "@/lib/storage/storage";
import { demoAccounts } from "./demo-accounts";

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
      publishedAt: new Date(`${date}T06:00:00+08:00`),
      actorId: editor.id,
    });
    articles += report.articlesCreated;
  }
  return { editions: input.editions, articles };
}

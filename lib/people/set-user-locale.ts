import type { Db } from "@/lib/db/client";
import type { DashboardLocale } from "@/lib/i18n/dashboard-messages";

/** A staff member's own dashboard language (no permission beyond being signed in). */
export async function setUserLocale(options: { db: Db; userId: string; locale: DashboardLocale }) {
  await options.db.user.update({ where: { id: options.userId }, data: { locale: options.locale } });
}

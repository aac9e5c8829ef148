import { cookies } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isDatabaseUnreachable } from "@/lib/db/database-unreachable";
import { DASHBOARD_LOCALE_COOKIE, dashboardMessages, isDashboardLocale, type DashboardLocale } from "./dashboard-messages";

/**
 * The dashboard's language for this request: the latest choice made in this
 * browser (cookie), else the one kept on the signed-in account, else Simplified Chinese.
 */
export const getDashboardLocale = cache(async (): Promise<DashboardLocale> => {
  const cookie = (await cookies()).get(DASHBOARD_LOCALE_COOKIE)?.value;
  if (isDashboardLocale(cookie)) return cookie;
  // Without the database, the default: the page then says the database cannot be reached.
  const user = await getCurrentUser().catch((error: unknown) => {
    if (isDatabaseUnreachable(error)) return null;
    throw error;
  });
  return user && isDashboardLocale(user.locale) ? user.locale : "zh-CN";
});

export async function getDashboardMessages() {
  const locale = await getDashboardLocale();
  return { locale, m: dashboardMessages(locale) };
}

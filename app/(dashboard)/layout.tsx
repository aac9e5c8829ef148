import type { Metadata, Viewport } from "next";
import { getDashboardLocale } from "@/lib/i18n/dashboard-locale";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "采编后台", template: "%s · 采编后台" },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function DashboardRootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getDashboardLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-neutral-50 font-sans text-neutral-900">{children}</body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import { isScript, SCRIPT_CHOICE_SCRIPT, scriptLang } from "@/lib/reader/script";
import { FONT_SIZE_INIT_SCRIPT } from "@/components/reader/font-size-controls";
import "../../globals.css";

export const metadata: Metadata = {
  title: { default: "数字报", template: "%s" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Reader pages are rendered on first request and then served from the cache
// until a publish, correction or withdrawal revalidates them (lib/reader/cache-tags.ts).
export const dynamic = "force-static";
// Shared caches (CDN) keep a page at most five minutes, so a withdrawal reaches
// them soon; re-rendering uses the cached data and does not touch the database.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function ReaderLayout({ children, params }: LayoutProps<"/[script]">) {
  const { script } = await params;
  return (
    <html lang={scriptLang[isScript(script) ? script : "hans"]}>
      <head>
        {/* Applies the reader's saved font size before the first paint. */}
        <script dangerouslySetInnerHTML={{ __html: FONT_SIZE_INIT_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: SCRIPT_CHOICE_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

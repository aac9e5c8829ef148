import type { Metadata, Viewport } from "next";
import { isScript, SCRIPT_CHOICE_SCRIPT, scriptLang } from "@/lib/reader/script";
import { FONT_SIZE_INIT_SCRIPT } from "@/lib/reader/inline-scripts.js";
import "../../globals.css";

export const metadata: Metadata = {
  title: { default: "数字报", template: "%s" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The search page's document (every other reader page is a file with its own, components/reader/documents).
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

import { z } from "zod";

// Imported, for this effect, by the schemas the dashboard's client components
// use (lib/articles/body.ts, lib/stories/story-content.ts), before they build
// one: in the browser zod would otherwise probe `new Function` to compile its
// object parsers, which the CSP refuses and reports as a violation. The server
// keeps the faster compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

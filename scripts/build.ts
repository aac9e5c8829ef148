// `npm run build`: the standalone production build in .next/standalone
// (with its static files copied beside it), as the Dockerfile uses it.
import { ensureBuild } from "./lib/build";

await ensureBuild({ distDir: process.env.NEXT_DIST_DIR || ".next", log: console.log });

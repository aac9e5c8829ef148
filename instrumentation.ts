// Runs once when a server instance starts, before it serves any request: the
// database gets its pending migrations, first admin and (if empty) the demo
// newsroom, and the reader pages' renderer and file server are set up. The
// same code runs under `npm start`, in tests and in Docker.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  const { prepareDatabaseOnBoot } = await import("./lib/db/prepare-on-boot");
  const { renderReaderDocument } = await import("./components/reader/documents/render-reader-document");
  await prepareDatabaseOnBoot({ render: renderReaderDocument });
}

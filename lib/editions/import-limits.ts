// The limits of an edition import uploaded from the dashboard, shared by the
// server (which enforces them) and the browser (which checks first, so a folder
// that is too big is not sent at all). The command line has no such limits.

/** All the files of one import together. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Files in one import. */
export const MAX_IMPORT_FILES = 500;

// Reader URLs are rewritten (next.config.js `rewrites`) into the internal tree
// /{script}/{publication}/…; this is the publication segment of the default one.
export const DEFAULT_PUBLICATION_PARAM = "_";

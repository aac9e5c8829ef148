import * as mupdf from "mupdf";
import { describe, expect, it } from "vitest";
import { fixturePagePdf } from "./fixture-page";
import { layoutOf, readPageLayout } from "./read-page-layout";

/** Wrappers of `type` the garbage collector would still drop (registered for finalization, never destroyed). */
function trackLive(type: { _finalizer?: FinalizationRegistry<number> }) {
  const registry = type._finalizer!;
  const live = new Set<object>();
  let created = 0;
  const { register, unregister } = registry;
  registry.register = (target: object, held: number, token?: object) => {
    created += 1;
    live.add(target);
    register.call(registry, target, held, token);
  };
  registry.unregister = (token: object) => {
    live.delete(token);
    return unregister.call(registry, token);
  };
  return {
    counts: () => ({ created, live: live.size }),
    restore: () => Object.assign(registry, { register, unregister }),
  };
}

describe("layoutOf a display list", () => {
  it("reads what the page gives and leaves no path wrapper for the garbage collector once the list is gone", () => {
    const pdf = fixturePagePdf();
    const document = mupdf.Document.openDocument(pdf, "application/pdf");
    try {
      const page = document.loadPage(0);
      const list = page.toDisplayList(true);
      layoutOf(list); // creates mupdf.js's finalization registry for paths
      // Paths in a display list live in its memory: a wrapper dropped after
      // list.destroy() writes into freed memory (extract-graphics.ts, takeSegments).
      const paths = trackLive(mupdf.Path as unknown as { _finalizer?: FinalizationRegistry<number> });
      let layout;
      try {
        layout = layoutOf(list);
      } finally {
        paths.restore();
      }
      list.destroy();
      page.destroy();
      expect(paths.counts().created).toBeGreaterThan(0);
      expect(paths.counts().live).toBe(0);
      expect(layout).toEqual(readPageLayout(pdf));
    } finally {
      document.destroy();
    }
  });
});

import * as mupdf from "mupdf";
import { disownBorrowed } from "./disown-borrowed";
import type { Rect } from "./rect";

/** A printed line (栏线, 题线) or the thin edge of a box: where one article's block ends and the next begins. */
export interface Rule {
  bbox: Rect;
  orientation: "horizontal" | "vertical";
}

/** Thicker than this (points) is a shape, not a line. */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this (points) is an ornament or a glyph drawn as a path. */
const MIN_RULE_LENGTH = 30;

function transform([x, y]: [number, number], ctm: mupdf.Matrix): [number, number] {
  return [x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]];
}

/** The straight segments of a path, in page space. */
function segments(path: mupdf.Path, ctm: mupdf.Matrix): [number, number, number, number][] {
  const result: [number, number, number, number][] = [];
  let start: [number, number] | null = null;
  let last: [number, number] | null = null;
  path.walk({
    moveTo(x, y) {
      start = last = transform([x, y], ctm);
    },
    lineTo(x, y) {
      const point = transform([x, y], ctm);
      if (last) result.push([last[0], last[1], point[0], point[1]]);
      last = point;
    },
    curveTo(_x1, _y1, _x2, _y2, x, y) {
      last = transform([x, y], ctm);
    },
    closePath() {
      if (last && start) result.push([last[0], last[1], start[0], start[1]]);
      last = start;
    },
  });
  return result;
}

/**
 * The segments of a path a device callback received, and the path's wrapper
 * dropped at once. Replayed from a display list, a path is packed inside the
 * list's memory, and the reference mupdf.js takes for the wrapper does not keep
 * that memory: a wrapper left to the garbage collector is dropped after the list
 * is gone, writing into freed WASM memory, and mupdf crashes later ("memory
 * access out of bounds" in fz_drop_path). See also disown-borrowed.ts.
 */
function takeSegments(path: mupdf.Path, ctm: mupdf.Matrix): [number, number, number, number][] {
  try {
    return segments(path, ctm);
  } finally {
    path.destroy();
  }
}

function boundsOf(points: [number, number, number, number][]): Rect {
  return {
    x0: Math.min(...points.flatMap(([x0, , x1]) => [x0, x1])),
    y0: Math.min(...points.flatMap(([, y0, , y1]) => [y0, y1])),
    x1: Math.max(...points.flatMap(([x0, , x1]) => [x0, x1])),
    y1: Math.max(...points.flatMap(([, y0, , y1]) => [y0, y1])),
  };
}

function asRule(bbox: Rect): Rule | null {
  const w = bbox.x1 - bbox.x0;
  const h = bbox.y1 - bbox.y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) return { bbox, orientation: "horizontal" };
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) return { bbox, orientation: "vertical" };
  return null;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const rect = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return rect.x1 > rect.x0 && rect.y1 > rect.y0 ? rect : null;
}

/** A hairline has no area; give it some so that it survives intersection with its clip. */
function grow(rect: Rect): Rect {
  const pad = 0.01;
  return { x0: rect.x0 - pad, y0: rect.y0 - pad, x1: rect.x1 + pad, y1: rect.y1 + pad };
}

function transformRect(rect: mupdf.Rect, ctm: mupdf.Matrix): Rect {
  const corners = [
    transform([rect[0], rect[1]], ctm),
    transform([rect[2], rect[1]], ctm),
    transform([rect[2], rect[3]], ctm),
    transform([rect[0], rect[3]], ctm),
  ];
  return boundsOf(corners.map(([x, y]) => [x, y, x, y]));
}

/** Pictures (photos, charts, shaded boxes) at least this large, in points, on either side. */
const MIN_FIGURE_SIZE = 30;

/**
 * Lines and pictures drawn on the page. Layout programs draw rules either as
 * thin filled rectangles or as stroked segments, and frame boxes as stroked
 * rectangles, whose edges count as rules too. Pictures (images and shadings)
 * are measured inside their clip, since a photo is usually cropped by one.
 * Clip paths themselves are not taken as blocks: they follow text frames and
 * photos rather than articles in most layout programs.
 *
 * Takes the page itself or its display list: replaying a display list the
 * render has already recorded costs no second interpretation of the page.
 */
export function extractGraphics(page: mupdf.Page | mupdf.DisplayList): { rules: Rule[]; figures: Rect[] } {
  const rules: Rule[] = [];
  const figures: Rect[] = [];
  const ornaments: Rect[] = [];
  const [px0, py0, px1, py1] = page.getBounds();
  const clips: (Rect | null)[] = [{ x0: px0, y0: py0, x1: px1, y1: py1 }];
  const clip = () => clips[clips.length - 1] ?? null;
  const pushClip = (rect: Rect | null) => {
    const parent = clip();
    clips.push(rect && parent ? intersect(rect, parent) : parent);
  };
  const addFigure = (rect: Rect) => {
    const parent = clip();
    const visible = parent ? intersect(rect, parent) : null;
    if (visible && visible.x1 - visible.x0 >= MIN_FIGURE_SIZE && visible.y1 - visible.y0 >= MIN_FIGURE_SIZE) figures.push(visible);
  };
  // Only the visible part of a rule counts (a corrected page may cut parts of its content out).
  const addRule = (bbox: Rect) => {
    const parent = clip();
    const visible = parent ? intersect(grow(bbox), parent) : null;
    const rule = visible ? asRule(visible) : null;
    if (rule) rules.push(rule);
  };
  // Every path is dropped in its callback (takeSegments).
  const device = new mupdf.Device({
    clipPath(path, _evenOdd, ctm) {
      const parts = takeSegments(path, ctm);
      pushClip(parts.length ? boundsOf(parts) : null);
    },
    clipStrokePath(path) {
      path.destroy();
      pushClip(null);
    },
    clipText() {
      pushClip(null);
    },
    clipStrokeText() {
      pushClip(null);
    },
    clipImageMask(image, ctm) {
      disownBorrowed(image);
      pushClip(transformRect([0, 0, 1, 1], ctm));
    },
    popClip() {
      if (clips.length > 1) clips.pop();
    },
    fillImage(image, ctm) {
      disownBorrowed(image);
      addFigure(transformRect([0, 0, 1, 1], ctm));
    },
    fillShade(shade, ctm) {
      const bounds = shade.getBounds();
      disownBorrowed(shade);
      addFigure(transformRect(bounds, ctm));
    },
    fillPath(path, _evenOdd, ctm) {
      const parts = takeSegments(path, ctm);
      if (parts.length === 0) return;
      const bounds = boundsOf(parts);
      if (isOrnament(bounds)) ornaments.push(bounds);
      else addRule(bounds);
    },
    strokePath(path, stroke, ctm) {
      const half = Math.max(stroke.getLineWidth(), 0.1) / 2;
      for (const [x0, y0, x1, y1] of takeSegments(path, ctm)) {
        const bbox = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
        if (bbox.y1 - bbox.y0 < 0.5) Object.assign(bbox, { y0: bbox.y0 - half, y1: bbox.y1 + half });
        else if (bbox.x1 - bbox.x0 < 0.5) Object.assign(bbox, { x0: bbox.x0 - half, x1: bbox.x1 + half });
        addRule(bbox);
      }
    },
  });
  try {
    page.run(device, mupdf.Matrix.identity);
    device.close();
  } finally {
    device.destroy();
  }
  for (const chain of ornamentChains(ornaments)) addRule(chain);
  return { rules, figures };
}

/** A small filled shape (a dot, a diamond, a flower of a 花边框), in points on either side. */
const ORNAMENT_SIZE = { min: 1, max: 10 };
/** At least this many alike, evenly spaced in a row, make a border line. */
const MIN_CHAIN = 6;

function isOrnament(rect: Rect): boolean {
  const [w, h] = [rect.x1 - rect.x0, rect.y1 - rect.y0];
  return w >= ORNAMENT_SIZE.min && h >= ORNAMENT_SIZE.min && w <= ORNAMENT_SIZE.max && h <= ORNAMENT_SIZE.max;
}

/**
 * Border lines made of ornaments: a 花边框 is a row of identical small shapes
 * at an even pitch, not a stroked line. Each such row (or column) is taken as
 * a thin rule along its middle. Glyphs drawn as paths are not alike in size
 * and pitch, so a line of text makes no rule.
 */
function ornamentChains(ornaments: readonly Rect[]): Rect[] {
  const chains: Rect[] = [];
  const centre = (rect: Rect, axis: "x" | "y") => (axis === "x" ? (rect.x0 + rect.x1) / 2 : (rect.y0 + rect.y1) / 2);
  for (const [along, across] of [["x", "y"], ["y", "x"]] as const) {
    const rows = new Map<number, Rect[]>();
    for (const rect of ornaments) {
      const key = Math.round(centre(rect, across) * 2);
      rows.set(key, [...(rows.get(key) ?? []), rect]);
    }
    for (const row of rows.values()) {
      const sorted = [...row].sort((a, b) => centre(a, along) - centre(b, along));
      let run: Rect[] = [];
      const flush = () => {
        if (run.length >= MIN_CHAIN) {
          const mid = centre(run[0]!, across);
          const [start, end] = along === "x" ? [run[0]!.x0, run[run.length - 1]!.x1] : [run[0]!.y0, run[run.length - 1]!.y1];
          chains.push(along === "x" ? { x0: start, x1: end, y0: mid - 0.5, y1: mid + 0.5 } : { x0: mid - 0.5, x1: mid + 0.5, y0: start, y1: end });
        }
        run = [];
      };
      for (const rect of sorted) {
        const last = run[run.length - 1];
        const pitch = run.length >= 2 ? centre(run[1]!, along) - centre(run[0]!, along) : undefined;
        const alike = last && Math.abs(rect.x1 - rect.x0 - (last.x1 - last.x0)) < 0.3 && Math.abs(rect.y1 - rect.y0 - (last.y1 - last.y0)) < 0.3;
        const step = last ? centre(rect, along) - centre(last, along) : 0;
        const even = last && step > 0 && step <= ORNAMENT_SIZE.max * 2 && (pitch === undefined || Math.abs(step - pitch) <= 0.2 * pitch);
        if (last && !(alike && even)) flush();
        run.push(rect);
      }
      flush();
    }
  }
  return chains;
}

"use client";

import { useRef, useState } from "react";
import type { PageMessages } from "@/lib/i18n/messages/pages";
import { boundsOf, rectangle, type Polygon } from "@/lib/pages/region-schema";

export type RegionState = "matched" | "unmatched" | "moved";

export interface CanvasRegion {
  key: string;
  /** Drawn in a badge at the region's top-left corner. */
  number: number;
  polygon: Polygon;
  state: RegionState;
  label: string;
}

type Box = { x: number; y: number; w: number; h: number };
type Drag =
  | { kind: "draw"; start: [number, number]; box: Box }
  | { kind: "move"; key: string; start: [number, number]; original: Polygon }
  | { kind: "resize"; key: string; corner: 0 | 1 | 2 | 3; original: Polygon };

export const REGION_COLOURS = {
  matched: { stroke: "#15803d", fill: "rgba(21,128,61,0.15)" },
  unmatched: { stroke: "#b91c1c", fill: "rgba(185,28,28,0.12)" },
  moved: { stroke: "#c2410c", fill: "rgba(194,65,12,0.18)" },
} as const;

const MIN_SIZE = 0.01;

/**
 * The page image with its regions drawn over it (SVG, 0..1 coordinates scaled
 * to the image). With the mouse: click a region to select it, drag it to move
 * it, drag a corner handle to resize it; in drawing mode, drag out a new
 * rectangle. Each region's number is drawn at its top-left corner (a filled
 * badge, white text, white rim: legible on light and dark pages). The keyboard
 * path is the region list beside it (region-editor.tsx).
 * `onStart` is called once per gesture, before its first change (undo step).
 */
export function RegionCanvas(props: {
  image: { src: string; srcSet: string; width: number; height: number; alt: string };
  regions: CanvasRegion[];
  selected: string | null;
  drawing: boolean;
  onSelect: (key: string) => void;
  onStart: () => void;
  onChange: (key: string, polygon: Polygon) => void;
  onDraw: (polygon: Polygon) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const ratio = props.image.height / props.image.width;
  const H = 1000 * ratio;

  const point = (event: React.PointerEvent): [number, number] => {
    const rect = svg.current!.getBoundingClientRect();
    const clamp = (value: number) => Math.min(1, Math.max(0, value));
    return [clamp((event.clientX - rect.left) / rect.width), clamp((event.clientY - rect.top) / rect.height)];
  };

  function onPointerDown(event: React.PointerEvent) {
    if (!props.drawing || event.button !== 0) return;
    const start = point(event);
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ kind: "draw", start, box: { x: start[0], y: start[1], w: 0, h: 0 } });
  }

  function onPointerMove(event: React.PointerEvent) {
    if (!drag) return;
    const [px, py] = point(event);
    if (drag.kind === "draw") {
      const [sx, sy] = drag.start;
      setDrag({ ...drag, box: { x: Math.min(sx, px), y: Math.min(sy, py), w: Math.abs(px - sx), h: Math.abs(py - sy) } });
    } else if (drag.kind === "move") {
      const box = boundsOf(drag.original);
      const dx = Math.min(1 - (box.x + box.w), Math.max(-box.x, px - drag.start[0]));
      const dy = Math.min(1 - (box.y + box.h), Math.max(-box.y, py - drag.start[1]));
      props.onChange(drag.key, drag.original.map(([x, y]) => [x + dx, y + dy]));
    } else {
      const box = boundsOf(drag.original);
      // The corner opposite the dragged one stays put.
      const fixedX = drag.corner === 0 || drag.corner === 3 ? box.x + box.w : box.x;
      const fixedY = drag.corner === 0 || drag.corner === 1 ? box.y + box.h : box.y;
      const next = { x: Math.min(fixedX, px), y: Math.min(fixedY, py), w: Math.max(MIN_SIZE, Math.abs(px - fixedX)), h: Math.max(MIN_SIZE, Math.abs(py - fixedY)) };
      props.onChange(drag.key, scalePolygon(drag.original, box, next));
    }
  }

  function onPointerUp() {
    if (drag?.kind === "draw" && drag.box.w >= MIN_SIZE && drag.box.h >= MIN_SIZE) props.onDraw(rectangle(drag.box));
    setDrag(null);
  }

  const selected = props.regions.find((region) => region.key === props.selected);
  const selectedBox = selected ? boundsOf(selected.polygon) : null;
  const corners = selectedBox
    ? ([
        [selectedBox.x, selectedBox.y],
        [selectedBox.x + selectedBox.w, selectedBox.y],
        [selectedBox.x + selectedBox.w, selectedBox.y + selectedBox.h],
        [selectedBox.x, selectedBox.y + selectedBox.h],
      ] as const)
    : [];

  return (
    <div className="relative w-full select-none">
      <img src={props.image.src} srcSet={props.image.srcSet} sizes="(min-width: 1024px) 40rem, 100vw" width={props.image.width} height={props.image.height} alt={props.image.alt} className="block h-auto w-full" draggable={false} />
      <svg
        ref={svg}
        viewBox={`0 0 1000 ${H}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        className={`absolute inset-0 h-full w-full touch-none ${props.drawing ? "cursor-crosshair" : ""}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
      >
        {props.regions.map((region) => {
          const colour = REGION_COLOURS[region.state];
          const isSelected = region.key === props.selected;
          return (
            <polygon
              key={region.key}
              points={region.polygon.map(([x, y]) => `${x * 1000},${y * H}`).join(" ")}
              fill={colour.fill}
              stroke={colour.stroke}
              strokeWidth={isSelected ? 5 : 2.5}
              strokeDasharray={region.state === "moved" ? "12 6" : undefined}
              className={props.drawing ? "pointer-events-none" : "cursor-move"}
              onPointerDown={(event) => {
                if (props.drawing || event.button !== 0) return;
                event.stopPropagation();
                props.onSelect(region.key);
                props.onStart();
                event.currentTarget.setPointerCapture(event.pointerId);
                setDrag({ kind: "move", key: region.key, start: point(event), original: region.polygon });
              }}
            >
              <title>{region.label}</title>
            </polygon>
          );
        })}
        {props.regions.map((region) => (
          <NumberBadge key={region.key} region={region} height={H} />
        ))}
        {selected &&
          !props.drawing &&
          corners.map(([x, y], corner) => (
            <rect
              key={corner}
              x={x * 1000 - 9}
              y={y * H - 9}
              width={18}
              height={18}
              fill="#fff"
              stroke="#171717"
              strokeWidth={2.5}
              className="cursor-nwse-resize"
              onPointerDown={(event) => {
                if (event.button !== 0) return;
                event.stopPropagation();
                props.onStart();
                event.currentTarget.setPointerCapture(event.pointerId);
                setDrag({ kind: "resize", key: selected.key, corner: corner as 0 | 1 | 2 | 3, original: selected.polygon });
              }}
            />
          ))}
        {drag?.kind === "draw" && (
          <rect x={drag.box.x * 1000} y={drag.box.y * H} width={drag.box.w * 1000} height={drag.box.h * H} fill="rgba(37,99,235,0.15)" stroke="#1d4ed8" strokeWidth={3} strokeDasharray="10 5" />
        )}
      </svg>
    </div>
  );
}

/** What the colours of the regions on the page image mean. */
export function RegionLegend(props: { t: PageMessages["editor"] }) {
  return (
    <ul aria-label={props.t.legend} className="mt-2 flex flex-wrap gap-4 text-sm">
      {(["matched", "unmatched", "moved"] as const).map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-5 border-2" style={{ borderColor: REGION_COLOURS[state].stroke, background: REGION_COLOURS[state].fill }} />
          {props.t[state]}
        </li>
      ))}
    </ul>
  );
}

const BADGE_FONT = 30;
/** Inside the corner, clear of the selected region's resize handle (18 units wide, centred on the corner). */
const BADGE_INSET = 12;

/** A region's number on the page image; it lets clicks through to the region under it. */
function NumberBadge(props: { region: CanvasRegion; height: number }) {
  const box = boundsOf(props.region.polygon);
  const text = String(props.region.number);
  const width = BADGE_FONT * (0.4 + 0.62 * text.length);
  const height = BADGE_FONT * 1.3;
  const x = Math.min(box.x * 1000 + BADGE_INSET, 1000 - width);
  const y = Math.min(box.y * props.height + BADGE_INSET, props.height - height);
  return (
    <g data-region-badge={props.region.number} className="pointer-events-none">
      <rect x={x} y={y} width={width} height={height} rx={6} fill={REGION_COLOURS[props.region.state].stroke} stroke="#fff" strokeWidth={3} />
      <text x={x + width / 2} y={y + height / 2} fill="#fff" fontSize={BADGE_FONT} fontWeight={700} textAnchor="middle" dominantBaseline="central" fontFamily="system-ui, sans-serif">
        {text}
      </text>
    </g>
  );
}

/** The polygon stretched from one bounding box to another. */
export function scalePolygon(polygon: Polygon, from: Box, to: Box): Polygon {
  const sx = from.w > 0 ? to.w / from.w : 1;
  const sy = from.h > 0 ? to.h / from.h : 1;
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return polygon.map(([x, y]) => [clamp(to.x + (x - from.x) * sx), clamp(to.y + (y - from.y) * sy)]);
}

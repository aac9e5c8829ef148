"use client";

import { useState } from "react";

/**
 * The focal point (kept when a photo is cropped): click on the image, or type
 * both coordinates (0..1) in the number inputs, which are the keyboard way and
 * what the form submits.
 */
export function FocalPointField(props: {
  src: string;
  srcSet: string;
  alt: string;
  width: number;
  height: number;
  initialX: number | null;
  initialY: number | null;
  disabled?: boolean;
  labels: { focal: string; focalHint: string; focalX: string; focalY: string; clearFocal: string };
}) {
  const [x, setX] = useState(props.initialX === null ? "" : String(props.initialX));
  const [y, setY] = useState(props.initialY === null ? "" : String(props.initialY));
  const point = x !== "" && y !== "" && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y)) ? { x: Number(x), y: Number(y) } : null;

  function onClick(event: React.MouseEvent<HTMLDivElement>) {
    if (props.disabled) return;
    const box = event.currentTarget.getBoundingClientRect();
    const round = (value: number) => String(Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000);
    setX(round((event.clientX - box.left) / box.width));
    setY(round((event.clientY - box.top) / box.height));
  }

  const input = "mt-1 w-28 rounded border border-neutral-300 px-2 py-1";
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{props.labels.focal}</legend>
      <p id="focal-hint" className="text-sm text-neutral-700">
        {props.labels.focalHint}
      </p>
      {/* Pointer convenience only; the number inputs below are the accessible way to set the point. */}
      <div onClick={onClick} className={`relative inline-block max-w-full ${props.disabled ? "" : "cursor-crosshair"}`}>
        <img src={props.src} srcSet={props.srcSet || undefined} sizes="(min-width: 768px) 40rem, 100vw" alt={props.alt} width={props.width} height={props.height} className="block h-auto max-w-full" />
        {point && (
          <span
            aria-hidden="true"
            className="pointer-events-none absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-brand/70 shadow"
            style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }}
          />
        )}
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col text-sm">
          {props.labels.focalX}
          <input name="focalX" type="number" min={0} max={1} step={0.001} value={x} onChange={(event) => setX(event.target.value)} disabled={props.disabled} aria-describedby="focal-hint" className={input} />
        </label>
        <label className="flex flex-col text-sm">
          {props.labels.focalY}
          <input name="focalY" type="number" min={0} max={1} step={0.001} value={y} onChange={(event) => setY(event.target.value)} disabled={props.disabled} aria-describedby="focal-hint" className={input} />
        </label>
        <button
          type="button"
          disabled={props.disabled}
          onClick={() => {
            setX("");
            setY("");
          }}
          className="rounded border border-neutral-400 px-3 py-1 text-sm"
        >
          {props.labels.clearFocal}
        </button>
      </div>
    </fieldset>
  );
}

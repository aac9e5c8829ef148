"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/run-action";
import { fillTemplate, type PhotoMessages } from "@/lib/i18n/messages/photos";
import type { PhotoDetail } from "@/lib/media/photos/get-photo";
import { FocalPointField } from "./focal-point-field";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** 图片说明, 署名, 替代文字, photographer and focal point of one photo. */
export function PhotoEditForm(props: { photo: PhotoDetail; canEdit: boolean; action: Action; labels: PhotoMessages["edit"] }) {
  const { photo, labels: t } = props;
  const [state, action, pending] = useActionState(props.action, {});
  const field = "mt-1 w-full rounded border border-neutral-300 px-2 py-1";
  const error = (name: string) =>
    state.fieldErrors?.[name] ? (
      <p id={`${name}-error`} className="text-sm text-red-800">
        {state.fieldErrors[name]}
      </p>
    ) : null;
  const describedBy = (name: string, hint?: string) => [hint, state.fieldErrors?.[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form action={action} aria-label={t.form} className="space-y-4">
      <input type="hidden" name="photoId" value={photo.id} />
      {!props.canEdit && <p className="rounded bg-neutral-100 px-3 py-2 text-sm">{t.readOnly}</p>}
      <fieldset disabled={!props.canEdit || pending} className="space-y-4">
        <FocalPointField
          src={photo.src}
          srcSet={photo.srcSet}
          alt={fillTemplate(t.focalImage, { alt: photo.altText ?? photo.caption ?? "" })}
          width={photo.width}
          height={photo.height}
          initialX={photo.focalX}
          initialY={photo.focalY}
          disabled={!props.canEdit}
          labels={t}
        />
        <div>
          <label htmlFor="photo-caption" className="block font-medium">
            {t.caption}
          </label>
          <textarea id="photo-caption" name="caption" rows={4} defaultValue={photo.caption ?? ""} aria-describedby={describedBy("caption")} className={field} />
          {error("caption")}
        </div>
        <div>
          <label htmlFor="photo-credit" className="block font-medium">
            {t.credit}
          </label>
          <input id="photo-credit" name="credit" defaultValue={photo.credit ?? ""} aria-describedby={describedBy("credit", "credit-hint")} className={field} />
          <p id="credit-hint" className="text-sm text-neutral-700">
            {t.creditHint}
          </p>
          {error("credit")}
        </div>
        <div>
          <label htmlFor="photo-alt" className="block font-medium">
            {t.altText}
          </label>
          <textarea id="photo-alt" name="altText" rows={2} defaultValue={photo.altText ?? ""} aria-describedby={describedBy("altText", "alt-hint")} className={field} />
          <p id="alt-hint" className="text-sm text-neutral-700">
            {t.altHint}
          </p>
          {error("altText")}
        </div>
        <div>
          <label htmlFor="photo-photographer" className="block font-medium">
            {t.photographer}
          </label>
          <select id="photo-photographer" name="photographerId" defaultValue={photo.photographerId ?? ""} aria-describedby={describedBy("photographerId")} className={field}>
            <option value="">{t.noPhotographer}</option>
            {photo.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          {error("photographerId")}
        </div>
        {props.canEdit && (
          <button type="submit" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark disabled:opacity-60">
            {pending ? t.saving : t.save}
          </button>
        )}
      </fieldset>
      <p role="status" className={`text-sm ${state.ok ? "text-green-800" : "text-red-800"}`}>
        {state.message}
      </p>
    </form>
  );
}

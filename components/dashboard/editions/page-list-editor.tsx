"use client";

import type { FormEvent } from "react";
import {
  addPageAction,
  movePageAction,
  removePageAction,
  renamePageAction,
  renumberSectionAction,
} from "@/app/(dashboard)/admin/(staff)/editions/[date]/actions";
import type { PlanPage } from "@/lib/editions/plan/load-flat-plan";
import { editionMessages } from "@/lib/i18n/messages/editions";
import type { PlanRunner } from "./plan-model";

const input = "rounded border border-neutral-300 px-2 py-1";
const button = "rounded border border-neutral-400 px-2 py-1 text-sm hover:bg-neutral-100 disabled:opacity-50";

/** 版面管理: rename and renumber, move up/down, remove, add a page, renumber a section. */
export function PageListEditor(props: { editionId: string; pages: PlanPage[]; locale: "zh-CN" | "en"; run: PlanRunner; pending: boolean }) {
  const { pages, run, editionId } = props;
  const t = editionMessages[props.locale];
  const sections = [...new Set(pages.map((page) => page.section))];

  const move = (page: PlanPage, direction: "up" | "down") =>
    run(() => movePageAction({ pageId: page.id, direction }), t.announce.pagesSaved, (state) => {
      const list = [...state.pages];
      const from = list.findIndex((candidate) => candidate.id === page.id);
      const to = direction === "up" ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= list.length) return state;
      list.splice(to, 0, ...list.splice(from, 1));
      return { ...state, pages: list };
    });

  const rename = (page: PlanPage) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run(() => renamePageAction({ pageId: page.id, name: String(form.get("name") ?? ""), number: String(form.get("number") ?? "") }), t.announce.pagesSaved);
  };

  const remove = (page: PlanPage) => {
    if (!window.confirm(t.pages.confirmRemove(page.number, page.stories.length))) return;
    run(() => removePageAction({ pageId: page.id }), t.announce.pageRemoved(page.number), (state) => ({ ...state, pages: state.pages.filter((candidate) => candidate.id !== page.id) }));
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    run(
      () => addPageAction({ editionId, name: String(form.get("name") ?? ""), number: String(form.get("number") ?? "") || undefined }),
      (data) => t.announce.pageAdded((data as { number?: string } | undefined)?.number ?? ""),
    );
    formElement.reset();
  };

  const renumber = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    run(() => renumberSectionAction({ editionId, section: String(form.get("section") ?? "") }), (data) => t.announce.renumbered((data as { changed?: number } | undefined)?.changed ?? 0));
  };

  return (
    <section aria-labelledby="page-list-heading" className="mt-4 rounded border border-neutral-200 bg-white p-4">
      <h2 id="page-list-heading" className="text-lg font-bold">
        {t.pages.heading}
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t.pages.caption}</caption>
          <thead>
            <tr className="border-b border-neutral-300 text-left">
              <th scope="col" className="p-1">{t.pages.position}</th>
              <th scope="col" className="p-1">{t.pages.number} / {t.pages.name}</th>
              <th scope="col" className="p-1">{t.pages.actions}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page, index) => (
              <tr key={page.id} className="border-b border-neutral-100">
                <td className="p-1 tabular-nums">{index + 1}</td>
                <td className="p-1">
                  <form key={`${page.number}-${page.name}`} onSubmit={rename(page)} className="flex flex-wrap items-center gap-2">
                    <input name="number" defaultValue={page.number} aria-label={t.pages.numberOf(page.number)} className={`${input} w-16 font-mono`} maxLength={4} />
                    <input name="name" defaultValue={page.name} aria-label={t.pages.nameOf(page.number)} className={`${input} w-36`} maxLength={20} required />
                    <button type="submit" className={button} aria-label={t.pages.saveOf(page.number)}>
                      {t.pages.save}
                    </button>
                  </form>
                </td>
                <td className="p-1">
                  <div className="flex flex-wrap gap-1">
                    <button type="button" className={button} disabled={index === 0} aria-label={t.pages.moveUpOf(page.number)} onClick={() => move(page, "up")}>
                      {t.pages.moveUp}
                    </button>
                    <button type="button" className={button} disabled={index === pages.length - 1} aria-label={t.pages.moveDownOf(page.number)} onClick={() => move(page, "down")}>
                      {t.pages.moveDown}
                    </button>
                    <button type="button" className={`${button} border-red-700 text-red-800`} disabled={pages.length <= 1} aria-label={t.pages.removeOf(page.number)} onClick={() => remove(page)}>
                      {t.pages.remove}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap gap-6">
        <form onSubmit={add} className="flex flex-wrap items-end gap-2" aria-label={t.pages.add}>
          <label className="text-sm">
            {t.pages.addName}
            <input name="name" required maxLength={20} className={`${input} mt-1 block w-36`} />
          </label>
          <label className="text-sm">
            {t.pages.addNumber}
            <input name="number" maxLength={4} className={`${input} mt-1 block w-24 font-mono`} />
          </label>
          <button type="submit" className={button} disabled={props.pending}>
            {t.pages.addSubmit}
          </button>
        </form>
        <form onSubmit={renumber} className="flex flex-wrap items-end gap-2" aria-label={t.pages.renumber} aria-describedby="renumber-hint">
          <label className="text-sm">
            {t.pages.renumberSection}
            <select name="section" className={`${input} mt-1 block`}>
              {sections.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={button} disabled={props.pending}>
            {t.pages.renumberSubmit}
          </button>
          <p id="renumber-hint" className="w-full text-xs text-neutral-700">
            {t.pages.renumberHint}
          </p>
        </form>
      </div>
    </section>
  );
}

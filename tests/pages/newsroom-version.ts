import { randomFrom } from "@/bench/archive/random";
import type { StoryText } from "@/lib/regions/anchor-stories";

/**
 * The newsroom's version of a printed story, as a layout desk's edits make the
 * two differ: one sentence of the body the desk cut (present in the newsroom's
 * text, absent in print: here a sentence of the printed text is dropped and
 * another paragraph added), about one word in eight changed, every number
 * changed, and the rest of a jumped story (its continuation, text printed on
 * another page: `filler`) appended.
 */
export function newsroomVersion(story: StoryText, seed: number, filler: string): StoryText {
  const { next } = randomFrom(`newsroom-${seed}`);
  const cjk = /[\u3400-\u9fff]/.test(story.headline + story.body.join(""));
  const edit = (text: string) => {
    const numbers = text.replace(/\d+/g, (digits) => String(Number(digits) + 1));
    if (cjk) return [...numbers].map((char) => (/[\u3400-\u9fff]/.test(char) && next() < 0.06 ? "某" : char)).join("");
    return numbers
      .split(" ")
      .map((word) => (next() < 0.12 ? "edited" : word))
      .join(" ");
  };
  const sentences = story.body.flatMap((paragraph) => paragraph.split(/(?<=[。！？.!?])\s*/u)).filter(Boolean);
  const dropped = sentences.length > 3 ? Math.floor(next() * sentences.length) : -1;
  const body = [sentences.filter((_, index) => index !== dropped).map(edit).join(cjk ? "" : " "), filler];
  return { ...story, headline: edit(story.headline), subtitle: story.subtitle && edit(story.subtitle), body, captions: story.captions.map(edit) };
}

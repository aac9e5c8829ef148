import * as OpenCC from "opencc-js/cn2t";

/** The two scripts of the reader site: Simplified (default) and Traditional Chinese. */
export const scripts = ["hans", "hant"] as const;
export type Script = (typeof scripts)[number];

export const SCRIPT_COOKIE = "script";

/**
 * Remembers the reader's choice when a 简/繁 link (`data-script-choice`) is
 * followed, for `/` to open in that script next time: the link itself is a
 * plain link to the page's twin URL.
 */
export const SCRIPT_CHOICE_SCRIPT = `document.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[data-script-choice]");if(a)document.cookie="${SCRIPT_COOKIE}="+a.getAttribute("data-script-choice")+";path=/;max-age=31536000;samesite=lax"})`;

export function isScript(value: unknown): value is Script {
  return value === "hans" || value === "hant";
}

/** `<html lang>` for each script. */
export const scriptLang: Record<Script, string> = { hans: "zh-CN", hant: "zh-Hant" };

let toTraditional: ((text: string) => string) | undefined;

/**
 * A text converter for the script: identity for Simplified; for Traditional,
 * OpenCC's phrase-aware conversion with Hong Kong usage (most of Jiangmen's overseas readers are Cantonese).
 */
export function converterFor(script: Script): (text: string) => string {
  if (script === "hans") return (text) => text;
  toTraditional ??= OpenCC.Converter({ from: "cn", to: "hk" });
  return toTraditional;
}

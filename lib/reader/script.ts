import * as OpenCC from "opencc-js/cn2t";

/** The two scripts of the reader site: Simplified (default) and Traditional Chinese. */
export const scripts = ["hans", "hant"] as const;
export type Script = (typeof scripts)[number];

// The cookie and the script that sets it live with the reader's other inline scripts (their CSP hashes).
export { SCRIPT_CHOICE_SCRIPT, SCRIPT_COOKIE } from "./inline-scripts.js";

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

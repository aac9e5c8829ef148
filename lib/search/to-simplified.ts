import * as OpenCC from "opencc-js/t2cn";

let traditionalToSimplified: ((text: string) => string) | undefined;

/** Han characters: text without any has nothing to convert. */
const HAN = /\p{Script=Han}/u;

/** OpenCC Hong Kong and Taiwan variants → Mainland Simplified, character for character (search and region matching). */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  if (!traditionalToSimplified) {
    const fromHk = OpenCC.Converter({ from: "hk", to: "cn" });
    const fromTw = OpenCC.Converter({ from: "tw", to: "cn" });
    traditionalToSimplified = (input) => fromTw(fromHk(input));
  }
  return traditionalToSimplified(text);
}

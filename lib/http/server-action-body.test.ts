import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { isWellFormedActionBody } from "./server-action-body";

// Bodies made by React's own encoder (the one the dashboard's browser code
// uses, as vendored by Next) must pass; what a browser never sends must not.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

async function requestOf(body: string | FormData, contentType?: string): Promise<Request> {
  const headers = contentType ? { "content-type": contentType } : undefined;
  return new Request("http://localhost/admin/stories", { method: "POST", body, headers });
}

async function accepts(args: unknown[]): Promise<boolean> {
  const body = await encodeReply(args);
  return isWellFormedActionBody(await requestOf(body, typeof body === "string" ? "text/plain;charset=UTF-8" : undefined));
}

describe("server action bodies", () => {
  it("accepts what React encodes for our actions: plain objects, undefined, dates, $-strings, FormData with a state", async () => {
    expect(await accepts([{ storyId: "0190e3c4-0000-7000-8000-000000000000", baseVersion: 3, content: { headline: "$100 元", kicker: undefined } }])).toBe(true);
    expect(await accepts([{ when: new Date("2023-03-13T00:00:00Z"), tags: ["a", "$b"], nothing: null }])).toBe(true);
    const form = new FormData();
    form.set("name", "$ACTION is just text");
    form.set("email", "reporter@example.com");
    expect(await accepts([{ ok: false, message: "输入有误。" }, form])).toBe(true);
    expect(await accepts([])).toBe(true);
  });

  it("refuses what React would never send for them", async () => {
    const text = (body: string) => requestOf(body, "text/plain;charset=UTF-8").then(isWellFormedActionBody);
    expect(await text("not json")).toBe(false);
    expect(await text("[")).toBe(false);
    expect(await text('{"storyId":"x"}')).toBe(false);
    for (const reference of ["$@1", "$Q1", "$W1", "$B1", "$h1", "$K1", "$1", "$F1", "$T", "$R1", "$i1"]) {
      expect(await text(JSON.stringify([reference])), reference).toBe(false);
      expect(await text(JSON.stringify([{ nested: [reference] }])), reference).toBe(false);
    }
    expect(await requestOf("[]", "application/json").then(isWellFormedActionBody)).toBe(false);
    const broken = new FormData();
    broken.set("0", '["$K1", "$@2"]');
    expect(await isWellFormedActionBody(await requestOf(broken))).toBe(false);
    const notJson = new FormData();
    notJson.set("0", "{");
    expect(await isWellFormedActionBody(await requestOf(notJson))).toBe(false);
    expect(await requestOf("--x\r\nbroken", "multipart/form-data; boundary=x").then(isWellFormedActionBody)).toBe(false);
  });
});

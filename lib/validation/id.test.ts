import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertId, isId } from "./id";

describe("ids", () => {
  it("are UUIDs; anything else from a URL is simply not found", () => {
    expect(isId("0190e3c4-7b1a-7000-8000-00000000abcd")).toBe(true);
    for (const value of ["", "1", "0190e3c4-7b1a-7000-8000-00000000abc", "0190e3c4-7b1a-7000-8000-00000000abcd'--", "../x", "0190e3c47b1a700080000000000abcd0"]) expect(isId(value), value).toBe(false);
    expect(() => assertId("nope")).toThrow(AppError);
    expect(assertId("0190e3c4-7b1a-7000-8000-00000000abcd")).toBe("0190e3c4-7b1a-7000-8000-00000000abcd");
  });
});

import { describe, expect, it } from "vitest";
import { monthBounds, monthWeeks, olderAndNewer, parseArchiveMonth, parseArchiveYear, yearBounds } from "./archive-calendar";

describe("archive URLs", () => {
  it("accept four-digit years and two-digit months only", () => {
    expect(parseArchiveYear("2023")).toBe(2023);
    for (const bad of [undefined, "", "23", "02023", "2023a", "0999", "二〇二三", "2023.0"]) expect(parseArchiveYear(bad)).toBeNull();
    expect(parseArchiveMonth("2023", "03")).toBe("2023-03");
    expect(parseArchiveMonth("2023", "12")).toBe("2023-12");
    for (const bad of ["3", "00", "13", "003", "1a", ""]) expect(parseArchiveMonth("2023", bad)).toBeNull();
    expect(parseArchiveMonth("abcd", "03")).toBeNull();
  });
});

describe("archive months", () => {
  it("are half-open ranges; December ends on the next year's first of January", () => {
    expect(monthBounds("2023-03")).toEqual({ from: new Date("2023-03-01T00:00:00Z"), to: new Date("2023-04-01T00:00:00Z") });
    expect(monthBounds("2023-12")).toEqual({ from: new Date("2023-12-01T00:00:00Z"), to: new Date("2024-01-01T00:00:00Z") });
    expect(monthBounds("2024-01")).toEqual({ from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-02-01T00:00:00Z") });
    expect(yearBounds(2023)).toEqual({ from: new Date("2023-01-01T00:00:00Z"), to: new Date("2024-01-01T00:00:00Z") });
  });

  it("step to the nearest older and newer month that has editions, across years", () => {
    const months = ["2024-01", "2023-12", "2023-03", "2022-12"];
    expect(olderAndNewer(months, "2023-12")).toEqual({ older: "2023-03", newer: "2024-01" });
    expect(olderAndNewer(months, "2024-01")).toEqual({ older: "2023-12", newer: undefined });
    expect(olderAndNewer(months, "2023-03")).toEqual({ older: "2022-12", newer: "2023-12" });
    expect(olderAndNewer(months, "2022-12")).toEqual({ older: undefined, newer: "2023-03" });
    expect(olderAndNewer(months, "2023-04")).toEqual({});
  });

  it("lay out in whole weeks from Sunday", () => {
    // 1 March 2023 was a Wednesday; 31 days.
    const weeks = monthWeeks("2023-03");
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, "2023-03-01", "2023-03-02", "2023-03-03", "2023-03-04"]);
    expect(weeks[2]![1]).toBe("2023-03-13");
    expect(weeks.at(-1)).toEqual(["2023-03-26", "2023-03-27", "2023-03-28", "2023-03-29", "2023-03-30", "2023-03-31", null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    // February of a leap year, starting on a Thursday.
    expect(monthWeeks("2024-02").flat().filter(Boolean).at(-1)).toBe("2024-02-29");
  });
});

import { describe, expect, it } from "vitest";
import { staffMessages } from "@/lib/i18n/messages/staff";
import { auditActionLabel, summariseAuditData } from "./audit-labels";

describe("audit labels", () => {
  it("labels known actions in both languages and shows unknown ones as recorded", () => {
    expect(auditActionLabel(staffMessages["zh-CN"].audit.actions, "staff.disable")).toBe("停用账号");
    expect(auditActionLabel(staffMessages.en.audit.actions, "staff.disable")).toBe("Account disabled");
    expect(auditActionLabel(staffMessages.en.audit.actions, "story.something_new")).toBe("story.something_new");
    expect(auditActionLabel(staffMessages.en.audit.actions, "constructor")).toBe("constructor");
  });

  it("has a label in each language for the same actions", () => {
    expect(Object.keys(staffMessages.en.audit.actions).sort()).toEqual(Object.keys(staffMessages["zh-CN"].audit.actions).sort());
  });

  it("summarises data on one line, changes as from → to, long values cut", () => {
    expect(summariseAuditData({ email: "a@b.c", role: "REPORTER" })).toBe("email: a@b.c · role: REPORTER");
    expect(summariseAuditData({ name: "江宣", changes: { active: { from: true, to: false }, organisation: { from: null, to: "江门日报，新会站" } } })).toBe(
      "name: 江宣 · active: true → false · organisation: — → 江门日报，新会站",
    );
    expect(summariseAuditData({ to: "EDITOR", from: "REPORTER" })).toBe("REPORTER → EDITOR");
    expect(summariseAuditData(null)).toBe("");
    expect(summariseAuditData({ text: "长".repeat(500) })).toHaveLength(200);
  });
});

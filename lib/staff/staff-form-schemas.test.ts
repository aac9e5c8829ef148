import { describe, expect, it } from "vitest";
import { staffMessages } from "@/lib/i18n/messages/staff";
import { createStaffSchema, resetPasswordSchema, setDisabledSchema } from "./staff-form-schemas";

const zh = staffMessages["zh-CN"].validation;
const en = staffMessages.en.validation;

describe("staff form schemas", () => {
  it("lower-cases the e-mail, and reads an empty password as 'generate one'", () => {
    const parsed = createStaffSchema(zh).parse({ email: " A@Example.COM ", name: " 何榕 ", role: "REPORTER", password: "" });
    expect(parsed).toEqual({ email: "a@example.com", name: "何榕", role: "REPORTER", password: undefined });
  });

  it("ties a message in the user's language to each bad field", () => {
    const result = createStaffSchema(en).safeParse({ email: "nope", name: "", role: "BOSS", password: "short" });
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(byField).toEqual({
      email: "Enter a valid email address.",
      name: "Enter a name.",
      role: "Choose a role.",
      password: "The password needs at least 10 characters.",
    });
    const zhResult = resetPasswordSchema(zh).safeParse({ userId: "0195e7a0-0000-7000-8000-000000000000", password: "123" });
    expect(zhResult.error!.issues[0]!.message).toBe("密码至少需要 10 个字符。");
  });

  it("reads the disable form's hidden field", () => {
    expect(setDisabledSchema(zh).parse({ userId: "0195e7a0-0000-7000-8000-000000000000", disabled: "true" }).disabled).toBe(true);
    expect(setDisabledSchema(zh).safeParse({ userId: "x", disabled: "maybe" }).success).toBe(false);
  });
});

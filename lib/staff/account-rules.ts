import { AppError } from "@/lib/errors/app-error";

// The rules an account must follow, shared by the domain functions (which
// enforce them whoever calls) and the form schemas (which tie a message to the field).

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 accepts anything, but a pasted novel is a mistake, not a password. */
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** E-mail addresses are stored lower-cased, so the unique index is case-insensitive in effect. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(email: string): boolean {
  return email.length <= EMAIL_MAX_LENGTH && emailPattern.test(email);
}

export function checkEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (!isValidEmail(email)) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写有效的邮箱地址。", en: "Enter a valid email address." });
  return email;
}

export function checkStaffName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写姓名。", en: "Enter a name." });
  if (name.length > NAME_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", { "zh-CN": `姓名不能超过 ${NAME_MAX_LENGTH} 个字。`, en: `The name can have at most ${NAME_MAX_LENGTH} characters.` });
  }
  return name;
}

/** Passwords are taken as typed: no trimming, so what the admin hands over is what works. */
export function checkPassword(password: string): string {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符。`,
      en: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", {
      "zh-CN": `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`,
      en: `The password can have at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  return password;
}

export const duplicateEmailError = () =>
  new AppError("CONFLICT", { "zh-CN": "该邮箱已被其他账号使用。", en: "Another account already uses this email address." });

export { isUniqueViolation } from "@/lib/db/unique-violation";


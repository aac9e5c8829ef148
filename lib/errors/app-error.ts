// One error type for everything a user can be told, mapped once to an HTTP
// status and to a message in the user's language (zh-CN default, en).

export const appErrorCodes = {
  UNAUTHENTICATED: { status: 401, "zh-CN": "请先登录。", en: "Please sign in." },
  FORBIDDEN: { status: 403, "zh-CN": "您没有执行此操作的权限。", en: "You are not allowed to do this." },
  NOT_FOUND: { status: 404, "zh-CN": "找不到该内容。", en: "Not found." },
  CONFLICT: { status: 409, "zh-CN": "内容已被他人修改，请刷新后重试。", en: "Someone else changed this; reload and try again." },
  INVALID_STATE: { status: 409, "zh-CN": "当前状态下不能执行此操作。", en: "This cannot be done in the current state." },
  INVALID_INPUT: { status: 400, "zh-CN": "输入有误。", en: "The input is not valid." },
  FILE_TOO_LARGE: { status: 413, "zh-CN": "文件太大。", en: "The file is too large." },
  UNSUPPORTED_FILE: { status: 415, "zh-CN": "不支持这种文件类型。", en: "This type of file is not supported." },
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;
export type Locale = "zh-CN" | "en";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    /** A more precise message for the user, per language; defaults to the code's. */
    readonly detail?: Partial<Record<Locale, string>>,
  ) {
    super(detail?.en ?? appErrorCodes[code].en);
  }

  get status(): number {
    return appErrorCodes[this.code].status;
  }

  messageFor(locale: Locale): string {
    return this.detail?.[locale] ?? appErrorCodes[this.code][locale];
  }
}

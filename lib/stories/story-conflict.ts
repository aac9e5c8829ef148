import { AppError } from "@/lib/errors/app-error";
import type { StoryContent } from "./story-content";

/** The version someone else saved while you were editing, for the conflict dialog. */
export interface StoryConflictDetails {
  version: number;
  content: StoryContent;
  updatedByName: string | null;
  updatedAt: string;
}

/**
 * A save against an older version than the stored one. Nothing was written;
 * the caller gets the stored version so the user can compare, merge or overwrite.
 */
export class StoryConflictError extends AppError {
  constructor(readonly current: StoryConflictDetails) {
    super("CONFLICT", {
      "zh-CN": `保存冲突：${current.updatedByName ?? "其他人"}已保存了较新的版本（第 ${current.version} 版）。请对照两个版本后合并，或确认用您的版本覆盖。`,
      en: `Conflict: ${current.updatedByName ?? "someone else"} saved a newer version (v${current.version}). Compare both, then merge or knowingly overwrite.`,
    });
  }
}

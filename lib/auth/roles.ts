import type { Role } from "@/lib/db/generated/enums";

export const roleLabels: Record<Role, { "zh-CN": string; en: string }> = {
  ADMIN: { "zh-CN": "管理员", en: "Admin" },
  EDITOR: { "zh-CN": "编辑", en: "Editor" },
  REPORTER: { "zh-CN": "记者", en: "Reporter" },
  PHOTOGRAPHER: { "zh-CN": "摄影记者", en: "Photographer" },
};

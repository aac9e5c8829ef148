import type { BylineRole } from "@/lib/db/generated/enums";

/** How the paper prints each byline role. */
export const bylineRoleLabels: Record<BylineRole, string> = {
  REPORTER: "记者",
  CORRESPONDENT: "通讯员",
  INTERN: "实习生",
  PHOTOGRAPHER: "摄影",
  EDITOR: "编辑",
};

const rolesByLabel = new Map(Object.entries(bylineRoleLabels).map(([role, label]) => [label, role as BylineRole]));

export function bylineRoleFromLabel(label: string): BylineRole | undefined {
  return rolesByLabel.get(label.trim());
}

/**
 * The paper's display form of one byline: "□江门日报记者/何榕". Correspondents
 * and others without an organisation print as "通讯员/江宣".
 */
export function formatByline(byline: { name: string; role: BylineRole; organisation?: string | null }): string {
  return `□${byline.organisation ?? ""}${bylineRoleLabels[byline.role]}/${byline.name}`;
}

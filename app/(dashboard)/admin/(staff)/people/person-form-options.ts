import type { PersonFormLabels } from "@/components/dashboard/staff/person-form";
import { BylineRole } from "@/lib/db/generated/enums";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

/** The choices and labels the person form needs, from the page's data (new and edit alike). */
export function personFormOptions(
  m: DashboardMessages,
  data: {
    accounts: readonly { id: string; name: string; email: string; person: { id: string } | null }[];
    publications: readonly { id: string; name: string }[];
    personId?: string;
  },
) {
  const t = m.staff.people;
  return {
    roles: Object.values(BylineRole).map((role) => ({ value: role, label: t.roleLabels[role] })),
    // Accounts already linked to someone else are not offered.
    accounts: [
      { value: "", label: t.noAccount },
      ...data.accounts
        .filter((account) => !account.person || account.person.id === data.personId)
        .map((account) => ({ value: account.id, label: `${account.name}（${account.email}）` })),
    ],
    publications: data.publications.map((publication) => ({ value: publication.id, label: publication.name })),
    labels: {
      name: t.name,
      role: t.role,
      organisation: t.organisation,
      organisationHint: t.organisationHint,
      account: t.account,
      publication: t.publication,
      active: t.activeLabel,
      saving: m.staff.form.saving,
    } satisfies Omit<PersonFormLabels, "heading" | "submit">,
  };
}

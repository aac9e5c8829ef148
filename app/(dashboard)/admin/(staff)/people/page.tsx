import type { Metadata } from "next";
import Link from "next/link";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { PersonForm } from "@/components/dashboard/staff/person-form";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { formatByline } from "@/lib/people/byline";
import { listPeople } from "@/lib/people/list-people";
import { createPersonAction } from "./actions";
import { personFormOptions } from "./person-form-options";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.people.title };
}

export default async function PeoplePage() {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const loaded = await loadForAdmin(() => listPeople({ db: getDb(), actor: user }));
  if (!loaded.ok) return <AdminRefusal error={loaded.error} m={m} locale={locale} />;
  const { people, publications, accounts } = loaded.data;
  const t = m.staff.people;
  const showPublication = publications.length > 1;
  const options = personFormOptions(m, { accounts, publications });
  return (
    <main>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-sm text-neutral-700">{t.intro}</p>
      {people.length === 0 ? (
        <p className="mt-4">{t.empty}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{t.caption}</caption>
            <thead>
              <tr className="border-b border-neutral-300 text-left">
                <th scope="col" className="p-2">{t.name}</th>
                <th scope="col" className="p-2">{t.role}</th>
                <th scope="col" className="p-2">{t.organisation}</th>
                <th scope="col" className="p-2">{t.printed}</th>
                <th scope="col" className="p-2">{t.account}</th>
                {showPublication && <th scope="col" className="p-2">{t.publication}</th>}
                <th scope="col" className="p-2">{t.status}</th>
                <th scope="col" className="p-2">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id} className={`border-b border-neutral-200 ${person.active ? "" : "text-neutral-600"}`}>
                  <th scope="row" className="p-2 text-left font-medium">{person.name}</th>
                  <td className="p-2">{t.roleLabels[person.role]}</td>
                  <td className="p-2">{person.organisation ?? "—"}</td>
                  <td className="p-2">{formatByline(person)}</td>
                  <td className="p-2">{person.user ? `${person.user.name}（${person.user.email}）` : "—"}</td>
                  {showPublication && <td className="p-2">{person.publication.name}</td>}
                  <td className="p-2">{person.active ? t.active : t.inactive}</td>
                  <td className="p-2">
                    <Link href={`/admin/people/${person.id}`} aria-label={t.editLabel(person.name)} className="text-brand underline">
                      {t.edit}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PersonForm
        action={createPersonAction}
        roles={options.roles}
        accounts={options.accounts}
        publications={options.publications}
        labels={{ ...options.labels, heading: t.createHeading, submit: t.create }}
      />
    </main>
  );
}

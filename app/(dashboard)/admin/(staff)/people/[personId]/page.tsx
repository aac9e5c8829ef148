import type { Metadata } from "next";
import Link from "next/link";
import { AdminRefusal, loadForAdmin } from "@/components/dashboard/staff/admin-refusal";
import { PersonForm } from "@/components/dashboard/staff/person-form";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { getDashboardMessages } from "@/lib/i18n/dashboard-locale";
import { formatByline } from "@/lib/people/byline";
import { getPerson } from "@/lib/people/list-people";
import { updatePersonAction } from "../actions";
import { personFormOptions } from "../person-form-options";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getDashboardMessages();
  return { title: m.staff.people.title };
}

export default async function PersonPage({ params }: { params: Promise<{ personId: string }> }) {
  const user = await requireUser();
  const { locale, m } = await getDashboardMessages();
  const { personId } = await params;
  const loaded = await loadForAdmin(() => getPerson({ db: getDb(), actor: user, personId }));
  if (!loaded.ok) return <AdminRefusal error={loaded.error} m={m} locale={locale} />;
  const { person, accounts, publications } = loaded.data;
  const t = m.staff.people;
  const options = personFormOptions(m, { accounts, publications, personId: person.id });
  return (
    <main>
      <p>
        <Link href="/admin/people" className="text-brand underline">
          {t.back}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{person.name}</h1>
      <dl className="mt-1 flex gap-2 text-neutral-700">
        <dt>{t.printed}</dt>
        <dd>{formatByline(person)}</dd>
      </dl>
      <PersonForm
        action={updatePersonAction}
        person={{ ...person, publicationId: person.publication.id }}
        roles={options.roles}
        accounts={options.accounts}
        publications={options.publications}
        labels={{ ...options.labels, heading: t.editHeading(person.name), submit: t.save }}
      />
    </main>
  );
}

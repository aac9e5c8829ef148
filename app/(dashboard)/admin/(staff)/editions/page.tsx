import type { Metadata } from "next";
import { EditionActions } from "@/components/dashboard/edition-actions";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/current-user";
import { editionStatusLabels, listEditions } from "@/lib/editions/list-editions";
import { publishEditionAction, withdrawEditionAction } from "./actions";

export const metadata: Metadata = { title: "报纸" };

export default async function EditionsPage() {
  const user = await requireUser();
  const editions = await listEditions({ limit: 60 });
  return (
    <main>
      <h1 className="text-2xl font-bold">报纸</h1>
      <table className="mt-4 w-full border-collapse bg-white text-sm">
        <caption className="sr-only">最近的报纸</caption>
        <thead>
          <tr className="border-b border-neutral-300 text-left">
            <th scope="col" className="p-2">报纸日期</th>
            <th scope="col" className="p-2">期号</th>
            <th scope="col" className="p-2">版数</th>
            <th scope="col" className="p-2">状态</th>
            <th scope="col" className="p-2">操作</th>
          </tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.id} className="border-b border-neutral-200">
              <td className="p-2">{edition.date}</td>
              <td className="p-2">{edition.issueNumber ?? "—"}</td>
              <td className="p-2">{edition._count.pages}</td>
              <td className="p-2">{editionStatusLabels[edition.status]}</td>
              <td className="p-2">
                <EditionActions
                  editionId={edition.id}
                  date={edition.date}
                  canPublish={can(user.role, "edition.publish") && edition.status !== "PUBLISHED"}
                  canWithdraw={can(user.role, "edition.withdraw") && edition.status === "PUBLISHED"}
                  publish={publishEditionAction}
                  withdraw={withdrawEditionAction}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

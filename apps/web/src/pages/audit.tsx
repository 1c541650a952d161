// A dossier's audit trail for those who may read it (auditors, centre and province administrators): every entry in
// chain order, who did what when, and the start of each entry's hash (the whole chain is checked by the API).
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"

export function AuditTrail({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const audit = useQuery({
    queryKey: ["audit", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/audit", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t("audit.heading")}</h2>
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorNote error={audit.error} />}
      {audit.data !== undefined && (
        <table data-testid="audit-trail">
          <caption>{t("audit.caption", { count: audit.data.total })}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("history.when")}</th>
              <th scope="col">{t("audit.actor")}</th>
              <th scope="col">{t("audit.action")}</th>
              <th scope="col">{t("audit.hash")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.seq}</td>
                <td>{formatInstant(entry.at, i18n.language)}</td>
                <td>{entry.actor}</td>
                <td>{entry.action}</td>
                <td>
                  <code>{entry.hash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

// The standard one-stop forms that apply to the dossier now (GET /api/v1/dossiers/{code}/forms): the receipt and
// appointment slip, the process-control slip, the supplementation request, refusal, apology and stop notices, the
// tracking log's row — each with its lines as the form prints them (labels from the API, in Vietnamese, as printed).
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { ErrorNote, Loading } from "../ui.tsx"

export function DossierForms({ code, version }: { code: string; version: number }) {
  const { t } = useTranslation()
  const forms = useQuery({
    queryKey: ["forms", code, version],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/forms", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  return (
    <section aria-labelledby="forms-heading">
      <h2 id="forms-heading">{t("forms.heading")}</h2>
      {forms.isPending && <Loading />}
      {forms.isError && <ErrorNote error={forms.error} />}
      <div data-testid="dossier-forms">
        {forms.data?.map((form) => (
          <details key={form.form} className="action">
            <summary lang="vi">{form.title}</summary>
            <dl className="facts form-lines" lang="vi">
              {form.lines.map((line) => (
                <div key={line.label} className="form-line">
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          </details>
        ))}
      </div>
    </section>
  )
}

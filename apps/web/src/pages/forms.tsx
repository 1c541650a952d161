// The standard one-stop forms that apply to the dossier now (GET /api/v1/dossiers/{code}/forms): the receipt and
// appointment slip, the process-control slip, the supplementation request, refusal, apology and stop notices, the
// tracking log's row — each with its lines as the form prints them (labels from the API, in Vietnamese, as printed),
// and the printed form itself as a PDF (GET …/forms/{form}/pdf: the national header, numbered, a QR to the lookup).
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { fileNameOf, saveBlob } from "../download.ts"
import { ErrorNote, Loading } from "../ui.tsx"

/** Downloads one form as the PDF the API renders (with the caller's credentials: a citizen's token is a header). */
function FormPdfButton({ code, form, title }: { code: string; form: string; title: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const download = async () => {
    setError(undefined)
    const { data, error, response } = await api.GET("/api/v1/dossiers/{code}/forms/{form}/pdf", {
      params: { path: { code, form } },
      parseAs: "blob",
    })
    if (error !== undefined || data === undefined) return setError(error ?? "download failed")
    saveBlob(data as Blob, fileNameOf(response, `${code}-${form}.pdf`))
  }
  return (
    <>
      <button type="button" className="link" onClick={download} data-testid={`form-pdf-${form}`}>
        {t("forms.pdf", { title })}
      </button>
      {error !== undefined && <ErrorNote error={error} />}
    </>
  )
}

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
            <FormPdfButton code={code} form={form.form} title={form.title} />
          </details>
        ))}
      </div>
    </section>
  )
}

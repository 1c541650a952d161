// Answering a supplementation request: what was asked and by when, and the papers uploaded in answer (each missing
// paper of the procedure, and any other file), sent with receive-supplement. Offered when the API says the caller may
// hand the supplement in (the citizen online, the counter officer or the post office agent for them).
import { useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import type { SupplementationRecord } from "../context.ts"
import { formatInstant } from "../format.ts"
import { ErrorNote } from "../ui.tsx"
import { uploadDocument } from "../upload.ts"

export function SupplementAnswer({
  code,
  version,
  request,
  onDone,
}: {
  code: string
  version: number
  request: SupplementationRecord
  /** Called once the supplement is in (the page says so: this form goes once the dossier moves on). */
  onDone: () => void
}) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [files, setFiles] = useState<Record<string, File | undefined>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const slots = request.missing.map((item, i) => ({ key: item.documentId ?? `other-${i}`, item }))
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const attachmentIds: string[] = []
      const documents: { id: string }[] = []
      for (const { key, item } of slots) {
        const file = files[key]
        if (file === undefined) continue
        attachmentIds.push(await uploadDocument(file))
        if (item.documentId !== undefined) documents.push({ id: item.documentId })
      }
      const extra = files.extra
      if (extra !== undefined) attachmentIds.push(await uploadDocument(extra))
      const { error } = await api.POST("/api/v1/dossiers/{code}/receive-supplement", {
        params: { path: { code } },
        body: { expectedVersion: version, documents, ...(attachmentIds.length === 0 ? {} : { attachmentIds }) },
      })
      if (error !== undefined) throw error
      onDone()
      await client.invalidateQueries({ queryKey: ["dossier", code] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="supplement-heading" className="panel notice">
      <h2 id="supplement-heading">{t("supplement.heading")}</h2>
      <p>
        {t(request.atIntake === true ? "supplement.askedAtIntake" : "supplement.asked", {
          at: formatInstant(request.requestedAt, i18n.language),
          deadline: formatInstant(request.applicantDeadline, i18n.language),
        })}
      </p>
      <ul data-testid="supplement-missing">
        {request.missing.map((item) => (
          <li key={`${item.documentId ?? ""}${item.description}`}>{item.description}</li>
        ))}
      </ul>
      <form onSubmit={submit} data-action="receive-supplement">
        {slots.map(({ key, item }) => (
          <div key={key}>
            <label htmlFor={`supplement-${key}`}>{t("supplement.attach", { name: item.description })}</label>
            <input
              id={`supplement-${key}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => setFiles({ ...files, [key]: e.target.files?.[0] })}
            />
          </div>
        ))}
        <label htmlFor="supplement-extra">{t("supplement.extra")}</label>
        <input
          id="supplement-extra"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => setFiles({ ...files, extra: e.target.files?.[0] })}
        />
        <button type="submit" disabled={busy}>
          {t("supplement.submit")}
        </button>
        {error !== undefined && <ErrorNote error={error} title={t("dossier.refused")} />}
      </form>
    </section>
  )
}

// Small shared pieces of every page: loading and error states announced to screen readers.
import { useTranslation } from "react-i18next"
import { problemText } from "./api/client.ts"

export function Loading() {
  const { t } = useTranslation()
  return (
    <p role="status" aria-live="polite">
      {t("app.loading")}
    </p>
  )
}

export function ErrorNote({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation()
  return (
    <div role="alert" className="error">
      <strong>{title ?? t("app.error")}</strong>
      <pre>{problemText(error)}</pre>
    </div>
  )
}

/** A dossier's status as every list and page shows it: the code as a coloured badge, then its name. */
export function DossierStatus({ code, label }: { code: number; label?: string }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="badge" data-status={code}>
        {code}
      </span>{" "}
      {label ?? t(`status.${code}`)}
    </>
  )
}

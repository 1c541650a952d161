// A dossier's document shown in the page, one page at a time: the API draws a PDF's page as PNG (an image is shown as
// itself) and says how many pages there are (`x-page-count`). The pages' content-security policy embeds no PDF
// (`object-src 'none'`), so the page is an <img> of a blob fetched with the caller's credentials. Opened on the
// officer's word only: each page shown is a read of personal data, audited by the API like a download.
import { useQuery } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { ErrorNote, Loading } from "../ui.tsx"

export function DocumentPreview({ code, documentId }: { code: string; documentId: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const id = documentId.slice(0, 8)
  return (
    <>
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t("dossier.previewClose", { id }) : t("dossier.preview", { id })}
      </button>
      {open && <PreviewPages code={code} documentId={documentId} />}
    </>
  )
}

function PreviewPages({ code, documentId }: { code: string; documentId: string }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const shown = useQuery({
    queryKey: ["document-preview", code, documentId, page],
    // each page is fetched (and audited) once while the preview is open
    staleTime: Number.POSITIVE_INFINITY,
    // the page shown stays until the next one has come
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const { data, error, response } = await api.GET("/api/v1/dossiers/{code}/documents/{documentId}/preview", {
        params: { path: { code, documentId }, query: { page: String(page) } },
        parseAs: "blob",
      })
      if (error !== undefined || data === undefined) throw error ?? new Error("preview failed")
      return { page, blob: data as Blob, pages: Number(response.headers.get("x-page-count") ?? "1") }
    },
  })
  const [url, setUrl] = useState<string>()
  useEffect(() => {
    if (shown.data === undefined) return
    const made = URL.createObjectURL(shown.data.blob)
    setUrl(made)
    return () => URL.revokeObjectURL(made)
  }, [shown.data])
  const pages = shown.data?.pages ?? 1
  const drawn = shown.data?.page ?? page
  const id = documentId.slice(0, 8)
  return (
    <figure className="document-preview" data-testid={`preview-${documentId}`}>
      {shown.error !== null && <ErrorNote error={shown.error} />}
      {shown.isPending ? (
        <Loading />
      ) : (
        url !== undefined && <img src={url} alt={t("dossier.previewAlt", { page: drawn, pages, id })} />
      )}
      <figcaption>
        <button type="button" disabled={drawn <= 1 || shown.isFetching} onClick={() => setPage(drawn - 1)}>
          {t("dossier.previewPrevious")}
        </button>{" "}
        <span aria-live="polite">{t("dossier.previewPage", { page: drawn, pages })}</span>{" "}
        <button type="button" disabled={drawn >= pages || shown.isFetching} onClick={() => setPage(drawn + 1)}>
          {t("dossier.previewNext")}
        </button>
      </figcaption>
    </figure>
  )
}

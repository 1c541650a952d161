// A dossier's document downloaded on the reader's word, on the dossier's page and its digitised papers: fetched with
// the caller's credentials and handed to the browser as a file (the read is audited by the API).
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { fileNameOf, saveBlob } from "../download.ts"
import { ErrorNote } from "../ui.tsx"

/**
 * A dossier's document, fetched with the caller's credentials (a citizen's bearer token cannot ride on a plain link)
 * and handed to the browser as a file.
 */
export function DownloadButton({ code, documentId }: { code: string; documentId: string }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const download = async () => {
    const { data, error, response } = await api.GET("/api/v1/dossiers/{code}/documents/{documentId}", {
      params: { path: { code, documentId } },
      parseAs: "blob",
    })
    if (error !== undefined || data === undefined) return setError(error ?? "download failed")
    saveBlob(data as Blob, fileNameOf(response, documentId))
  }
  return (
    <>
      <button type="button" className="link" onClick={download}>
        {t("dossier.download", { id: documentId.slice(0, 8) })}
      </button>
      {error !== undefined && <ErrorNote error={error} />}
    </>
  )
}

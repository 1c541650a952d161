// The citizen's own dossiers. Until the API lists them (GET /api/v1/dossiers for the caller), a dossier is opened by
// the code on its receipt.
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router"

export default function MinePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [code, setCode] = useState("")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (code.trim() !== "") navigate(`/ho-so/${encodeURIComponent(code.trim())}`)
  }
  return (
    <section aria-labelledby="mine-heading">
      <h1 id="mine-heading">{t("mine.heading")}</h1>
      <form className="search" onSubmit={submit}>
        <label htmlFor="mine-code">{t("mine.byCode")}</label>
        <input id="mine-code" value={code} onChange={(e) => setCode(e.target.value)} />
        <button type="submit">{t("mine.open")}</button>
      </form>
    </section>
  )
}

// Where the API sends a browser whose e-ID sign-in failed (the callback's redirect, apps/api routes/eid.ts): what went
// wrong, in the reader's language, and the way back to sign in. The address carries only a word from a fixed list
// (`ly-do`); any other is told as a refusal, so nothing of the request is ever shown.
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router"

/** The API's words for why (apps/api routes/eid.ts: EidFailure). */
export const EID_FAILURES = ["expired", "cancelled", "level", "unavailable", "refused"] as const
type Reason = (typeof EID_FAILURES)[number]
const isReason = (word: string | null): word is Reason => EID_FAILURES.some((r) => r === word)

export default function SignInFailedPage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const word = search.get("ly-do")
  const reason: Reason = isReason(word) ? word : "refused"
  return (
    <section aria-labelledby="eid-failed-heading">
      <h1 id="eid-failed-heading">{t("citizen.eidFailed.heading")}</h1>
      <p role="alert" data-testid="eid-failed-reason">
        {t(`citizen.eidFailed.${reason}`)}
      </p>
      <p>{t("citizen.eidFailed.next")}</p>
      <p>
        <Link className="button" to="/dang-nhap">
          {t("citizen.eidFailed.again")}
        </Link>{" "}
        <Link to="/">{t("app.home")}</Link>
      </p>
    </section>
  )
}

// What happened to the dossier and when, from its own record (the context the machine keeps): every national status
// it went through, each step of the process-control slip (who held it, due, ended, on time or not), the
// supplementation requests and their answers, the payments, the decision, signature and return. Roles, not names.
import { useTranslation } from "react-i18next"
import type { DossierContextView } from "../context.ts"
import { formatInstant, formatMoney } from "../format.ts"

export function DossierHistory({ context }: { context: DossierContextView }) {
  const { t, i18n } = useTranslation()
  const at = (iso: string | undefined) => formatInstant(iso, i18n.language)
  const events: Array<{ at: string; what: string }> = [
    ...context.statusHistory.map((s) => ({ at: s.at, what: `${s.code} · ${t(`status.${s.code}`)}` })),
    ...context.supplementations.flatMap((s) => [
      { at: s.requestedAt, what: t("history.supplementRequested", { count: s.missing.length }) },
      ...(s.receivedAt === undefined ? [] : [{ at: s.receivedAt, what: t("history.supplementReceived") }]),
    ]),
    ...context.payments.map((p) => ({
      at: p.at,
      what: t("history.paid", { amount: formatMoney(p.amount, i18n.language) }),
    })),
    ...(context.decision === undefined
      ? []
      : [{ at: context.decision.at, what: t(`history.${context.decision.kind}`) }]),
    ...(context.signature === undefined ? [] : [{ at: context.signature.at, what: t("history.signed") }]),
    ...context.extensions.map((e) => ({
      at: e.at,
      what: t("history.extended", { at: formatInstant(e.newAppointment, i18n.language) }),
    })),
    ...(context.returned === undefined
      ? []
      : [{ at: context.returned.at, what: t("history.returned", { method: t(`method.${context.returned.method}`) }) }]),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("history.heading")}</h2>
      <ol className="timeline" data-testid="dossier-history">
        {events.map((e) => (
          <li key={`${e.at}-${e.what}`}>
            <time dateTime={e.at}>{at(e.at)}</time> — {e.what}
          </li>
        ))}
      </ol>
      {context.steps.length > 0 && (
        <table className="steps">
          <caption>{t("history.steps")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.step")}</th>
              <th scope="col">{t("dossier.role")}</th>
              <th scope="col">{t("history.started")}</th>
              <th scope="col">{t("history.due")}</th>
              <th scope="col">{t("history.ended")}</th>
              <th scope="col">{t("history.timeliness")}</th>
            </tr>
          </thead>
          <tbody>
            {context.steps.map((s) => (
              <tr key={`${s.index}-${s.startedAt}`}>
                <td>
                  {s.index + 1}. {s.unit}
                </td>
                <td>{t(`role.${s.role}`, { defaultValue: s.role })}</td>
                <td>{at(s.startedAt)}</td>
                <td>{at(s.dueAt)}</td>
                <td>{at(s.endedAt)}</td>
                <td>{s.timeliness === undefined ? t("history.inProgress") : t(`timeliness.${s.timeliness}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {context.supplementations.length > 0 && (
        <table>
          <caption>{t("history.supplementations")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.requested")}</th>
              <th scope="col">{t("history.missing")}</th>
              <th scope="col">{t("history.deadline")}</th>
              <th scope="col">{t("history.answered")}</th>
            </tr>
          </thead>
          <tbody>
            {context.supplementations.map((s) => (
              <tr key={s.requestedAt}>
                <td>
                  {at(s.requestedAt)}
                  {s.atIntake === true ? ` (${t("history.atIntake")})` : ""}
                </td>
                <td>{s.missing.map((m) => m.description).join("; ")}</td>
                <td>{at(s.applicantDeadline)}</td>
                <td>{at(s.receivedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {context.payments.length > 0 && (
        <table>
          <caption>{t("history.payments")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.paymentId")}</th>
              <th scope="col">{t("dossier.amount")}</th>
              <th scope="col">{t("history.when")}</th>
            </tr>
          </thead>
          <tbody>
            {context.payments.map((p) => (
              <tr key={p.paymentId}>
                <td>{p.paymentId}</td>
                <td>{formatMoney(p.amount, i18n.language)}</td>
                <td>{at(p.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

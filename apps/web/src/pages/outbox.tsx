// The outbox and the national portal sync as the province administrator watches them, on the dashboard (loaded for
// that role only): the relay's backlog (waiting, being sent, given up, the oldest waiting row's lag), the portal
// sync's own rows (GET /api/v1/admin/outbox?topic=portal.sync), the rows waiting or being sent (those tried before
// shown as retrying, with their attempts, next try and last error), and the rows given up on with their last error,
// each retried (POST /api/v1/admin/outbox/retry) once the cause is fixed; both lists filtered by topic. Rows never
// carry their payload.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api } from "../api/client.ts"
import { formatInstant } from "../format.ts"
import { ErrorNote, Loading } from "../ui.tsx"

export const OUTBOX_STATUSES = ["pending", "claimed", "done", "dead"] as const
/** How a waiting row stands, as the list says it (outbox.state_…). */
export const WAITING_STATES = ["pending", "retrying", "claimed"] as const
const PORTAL_TOPIC = "portal.sync"
const PAGE = 500

type Status = (typeof OUTBOX_STATUSES)[number]

async function rows(query: { status?: Status; topic?: string }) {
  const { data, error } = await api.GET("/api/v1/admin/outbox", {
    params: { query: { ...query, limit: String(PAGE) } },
  })
  if (error !== undefined) throw error
  return data
}

/** A count from one page of rows: "500+" when the page is full. */
const counted = (n: number) => (n >= PAGE ? `${PAGE}+` : String(n))

type Row = NonNullable<Awaited<ReturnType<typeof rows>>>["items"][number]

/** The rows waiting (to be sent, or sent again after a failure) and being sent, soonest next try first. */
async function waitingRows(topic: string): Promise<Row[]> {
  const filter = topic === "" ? {} : { topic }
  const [pending, claimed] = await Promise.all([
    rows({ status: "pending", ...filter }),
    rows({ status: "claimed", ...filter }),
  ])
  return [...(pending?.items ?? []), ...(claimed?.items ?? [])].sort(
    (a, b) => a.availableAt.localeCompare(b.availableAt) || a.id - b.id,
  )
}

/** How a row stands: being sent, waiting to be sent again after a failure, or waiting for its first try. */
const rowState = (row: Row) => (row.status === "claimed" ? "claimed" : row.attempts > 0 ? "retrying" : "pending")

export default function OutboxHealth() {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [done, setDone] = useState("")
  // the topic both lists are filtered by ("" for all)
  const [topic, setTopic] = useState("")
  const filter = topic === "" ? {} : { topic }
  const dead = useQuery({ queryKey: ["outbox", "dead", topic], queryFn: () => rows({ status: "dead", ...filter }) })
  const waiting = useQuery({ queryKey: ["outbox", "waiting", topic], queryFn: () => waitingRows(topic) })
  // the topics to choose from: those of every row waiting or given up on
  const topics = useQuery({
    queryKey: ["outbox", "topics"],
    queryFn: async () => {
      const [open, given] = await Promise.all([waitingRows(""), rows({ status: "dead" })])
      return [...new Set([...open, ...(given?.items ?? [])].map((r) => r.topic))].sort()
    },
  })
  const portal = useQuery({
    queryKey: ["outbox", "portal"],
    queryFn: async () => {
      const [pending, sent, given] = await Promise.all(
        (["pending", "done", "dead"] as const).map((status) => rows({ status, topic: PORTAL_TOPIC })),
      )
      return { pending: pending?.items ?? [], done: sent?.items ?? [], dead: given?.items ?? [] }
    },
  })
  const retry = useMutation({
    mutationFn: async (ids: ReadonlyArray<number> | "all") => {
      const { data, error } = await api.POST("/api/v1/admin/outbox/retry", {
        body: ids === "all" ? { allDead: true } : { ids: [...ids] },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (answer) => {
      setDone(t("outbox.retried", { count: answer.retried.length }))
      await client.invalidateQueries({ queryKey: ["outbox"] })
    },
  })
  const backlog = dead.data?.backlog
  const lastSync = portal.data?.done.reduce<string | null>(
    (latest, r) => (r.completedAt !== null && (latest === null || r.completedAt > latest) ? r.completedAt : latest),
    null,
  )
  return (
    <section aria-labelledby="outbox-heading" className="panel" data-testid="outbox-health">
      <h2 id="outbox-heading">{t("outbox.heading")}</h2>
      <p role="status">{done}</p>
      {(dead.isPending || portal.isPending) && <Loading />}
      {dead.isError && <ErrorNote error={dead.error} />}
      {portal.isError && <ErrorNote error={portal.error} />}
      {backlog !== undefined && (
        <dl className="facts" data-testid="outbox-backlog">
          <dt>{t("outbox.pending")}</dt>
          <dd>{backlog.pending}</dd>
          <dt>{t("outbox.claimed")}</dt>
          <dd>{backlog.claimed}</dd>
          <dt>{t("outbox.dead")}</dt>
          <dd className={backlog.dead > 0 ? "due due-late" : "due due-ok"}>{backlog.dead}</dd>
          <dt>{t("outbox.lag")}</dt>
          <dd>{t("outbox.lagSeconds", { count: Math.round(backlog.lagMs / 1000) })}</dd>
          <dt>{t("outbox.oldestDue")}</dt>
          <dd>{formatInstant(backlog.oldestDueAt, i18n.language)}</dd>
        </dl>
      )}
      {portal.data !== undefined && (
        <>
          <h3>{t("outbox.portalHeading")}</h3>
          <dl className="facts" data-testid="portal-sync">
            <dt>{t("outbox.portalSent")}</dt>
            <dd>{counted(portal.data.done.length)}</dd>
            <dt>{t("outbox.portalWaiting")}</dt>
            <dd>{counted(portal.data.pending.length)}</dd>
            <dt>{t("outbox.portalDead")}</dt>
            <dd>{counted(portal.data.dead.length)}</dd>
            <dt>{t("outbox.portalLast")}</dt>
            <dd>{formatInstant(lastSync, i18n.language)}</dd>
          </dl>
        </>
      )}
      <label htmlFor="outbox-topic">{t("outbox.topicFilter")}</label>
      <select id="outbox-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
        <option value="">{t("outbox.allTopics")}</option>
        {(topics.data ?? []).map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {waiting.isError && <ErrorNote error={waiting.error} />}
      {waiting.data !== undefined && (
        <>
          <h3>{t("outbox.waitingHeading")}</h3>
          {waiting.data.length === 0 ? (
            <p>{t("outbox.noWaiting")}</p>
          ) : (
            <table data-testid="outbox-waiting">
              <caption>{t("outbox.waitingCount", { count: waiting.data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("outbox.state")}</th>
                  <th scope="col">{t("outbox.topic")}</th>
                  <th scope="col">{t("queue.code")}</th>
                  <th scope="col">{t("outbox.attempts")}</th>
                  <th scope="col">{t("outbox.nextTry")}</th>
                  <th scope="col">{t("outbox.error")}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.data.map((row) => (
                  <tr key={row.id} data-state={rowState(row)}>
                    <td>{row.id}</td>
                    <td>{t(`outbox.state_${rowState(row)}`)}</td>
                    <td>
                      <code>{row.topic}</code>
                    </td>
                    <td>
                      {row.dossierCode === null ? "—" : <Link to={`/ho-so/${row.dossierCode}`}>{row.dossierCode}</Link>}
                    </td>
                    <td>{row.attempts}</td>
                    <td>{formatInstant(row.availableAt, i18n.language)}</td>
                    <td>{row.lastError ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {dead.data !== undefined && (
        <>
          <h3>{t("outbox.deadHeading")}</h3>
          {dead.data.items.length === 0 ? (
            <p>{t("outbox.noDead")}</p>
          ) : (
            <>
              <button type="button" onClick={() => retry.mutate("all")} disabled={retry.isPending}>
                {t("outbox.retryAll")}
              </button>
              <table data-testid="outbox-dead">
                <caption>{t("outbox.deadCount", { count: dead.data.items.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t("outbox.topic")}</th>
                    <th scope="col">{t("queue.code")}</th>
                    <th scope="col">{t("outbox.attempts")}</th>
                    <th scope="col">{t("outbox.error")}</th>
                    <th scope="col">{t("outbox.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {dead.data.items.map((row) => (
                    <tr key={row.id}>
                      <td>{row.id}</td>
                      <td>
                        <code>{row.topic}</code>
                      </td>
                      <td>
                        {row.dossierCode === null ? (
                          "—"
                        ) : (
                          <Link to={`/ho-so/${row.dossierCode}`}>{row.dossierCode}</Link>
                        )}
                      </td>
                      <td>{row.attempts}</td>
                      <td>{row.lastError ?? "—"}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => retry.mutate([row.id])}
                          disabled={retry.isPending}
                          aria-label={t("outbox.retryOne", { id: row.id })}
                        >
                          {t("outbox.retry")}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {retry.isError && <ErrorNote error={retry.error} />}
        </>
      )}
    </section>
  )
}

// The devices of an intake desk (counter officers, post office agents), loaded only by the intake form of staff:
// - the ID-card reader in keyboard-wedge mode: a burst of keys (card-wedge.ts) is caught wherever focus is, what it
//   typed into a field is taken back, and the text is parsed by the API (POST /api/v1/id-cards/read); the card's
//   name, id number and address fill the empty fields, and any field the officer typed differently is replaced only
//   when the officer says so;
// - the counter agent on the officer's PC (apps/counter-agent, loopback only; docs/integrations/counter-devices.md):
//   paired with a one-time code the API gives this officer, it lists the scanners and scans a paper through SANE,
//   uploads it as the officer's document, and the intake attaches it (marked digitised).
import { type FormEvent, useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { api, type Schemas } from "../api/client.ts"
import { BurstDetector } from "../card-wedge.ts"
import { ErrorNote } from "../ui.tsx"

/** The intake form's fields: the applicant's a card fills, and the others (restored after a burst, like these). */
export interface ApplicantFields {
  readonly name: string
  readonly idNumber: string
  readonly address: string
  readonly [field: string]: string
}
type FieldName = "name" | "idNumber" | "address"
const CARD_FIELDS: ReadonlyArray<FieldName> = ["name", "idNumber", "address"]

export interface Scan {
  readonly documentId: string
  readonly pages: number
  readonly sha256: string
}

type Card = Schemas["IdCardRead"]

const AGENT_URL_KEY = "motcua.counterAgent"
const AGENT_TOKEN_KEY = "motcua.counterAgentToken"
const DEFAULT_AGENT = "http://127.0.0.1:47100"

export default function CounterDevices({
  form,
  onFill,
  documents,
  scans,
  onScanned,
}: {
  form: ApplicantFields
  onFill: (fields: Partial<ApplicantFields>) => void
  documents: ReadonlyArray<{ readonly id: string; readonly name: string }>
  scans: Readonly<Record<string, Scan>>
  onScanned: (documentId: string, scan: Scan) => void
}) {
  const { t } = useTranslation()
  return (
    <section className="panel devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t("desk.heading")}</h2>
      <CardReader form={form} onFill={onFill} />
      <AgentPanel documents={documents} scans={scans} onScanned={onScanned} />
    </section>
  )
}

function CardReader({ form, onFill }: { form: ApplicantFields; onFill: (fields: Partial<ApplicantFields>) => void }) {
  const { t } = useTranslation()
  const latest = useRef(form)
  latest.current = form
  const fill = useRef(onFill)
  fill.current = onFill
  const [read, setRead] = useState<{ card: Card; conflicts: ReadonlyArray<FieldName> }>()
  const [error, setError] = useState<unknown>()
  const [note, setNote] = useState("")

  useEffect(() => {
    const detector = new BurstDetector()
    // what the form held when the current run of keys began: restored if the run is a reader's burst
    let before = latest.current
    const onKey = (event: KeyboardEvent) => {
      const step = detector.key(event.key, event.timeStamp)
      if (step.kind === "started") before = latest.current
      if (step.kind !== "burst") return
      // the reader's Enter must not send the form; what it typed into a field is taken back
      event.preventDefault()
      event.stopPropagation()
      const typed = before
      fill.current(typed)
      void readCard(step.text).then(
        (card) => {
          setError(undefined)
          const fromCard = cardFields(card)
          const conflicts = CARD_FIELDS.filter(
            (f) => fromCard[f] !== undefined && typed[f].trim() !== "" && typed[f].trim() !== fromCard[f],
          )
          const free = Object.fromEntries(
            CARD_FIELDS.filter((f) => fromCard[f] !== undefined && !conflicts.includes(f)).map((f) => [f, fromCard[f]]),
          )
          fill.current(free)
          setRead({ card, conflicts })
          setNote(t("desk.cardRead", { name: card.fullName, id: card.id }))
        },
        (e: unknown) => {
          setRead(undefined)
          setNote("")
          setError(e)
        },
      )
    }
    window.addEventListener("keydown", onKey, true)
    return () => window.removeEventListener("keydown", onKey, true)
  }, [t])

  const resolve = (replace: boolean) => {
    if (read === undefined) return
    const fromCard = cardFields(read.card)
    if (replace) onFill(Object.fromEntries(read.conflicts.map((f) => [f, fromCard[f]])))
    setRead({ ...read, conflicts: [] })
    setNote(replace ? t("desk.replaced") : t("desk.kept"))
  }

  return (
    <div className="card-reader">
      <h3>{t("desk.cardHeading")}</h3>
      <p className="muted">{t("desk.cardHint")}</p>
      <p role="status" data-testid="card-status">
        {note}
      </p>
      {error !== undefined && <ErrorNote error={error} title={t("desk.cardRefused")} />}
      {read !== undefined && read.conflicts.length > 0 && (
        <section aria-labelledby="card-conflict-heading" className="conflict" data-testid="card-conflicts">
          <h4 id="card-conflict-heading">{t("desk.conflictHeading")}</h4>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("desk.field")}</th>
                <th scope="col">{t("desk.typed")}</th>
                <th scope="col">{t("desk.onCard")}</th>
              </tr>
            </thead>
            <tbody>
              {read.conflicts.map((f) => (
                <tr key={f}>
                  <th scope="row">{t(`desk.field_${f}`)}</th>
                  <td>{form[f]}</td>
                  <td>{cardFields(read.card)[f]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => resolve(true)}>
            {t("desk.useCard")}
          </button>{" "}
          <button type="button" className="secondary" onClick={() => resolve(false)}>
            {t("desk.keepTyped")}
          </button>
        </section>
      )}
    </div>
  )
}

const cardFields = (card: Card): Partial<Record<FieldName, string>> => ({
  name: card.fullName,
  idNumber: card.id,
  ...(card.permanentAddress === undefined ? {} : { address: card.permanentAddress }),
})

async function readCard(text: string): Promise<Card> {
  const { data, error } = await api.POST("/api/v1/id-cards/read", { body: { format: "qr", text } })
  if (error !== undefined) throw error
  return data
}

/** A problem the counter agent answered (problem+json), or the agent not answering at all. */
class AgentProblem extends Error {
  readonly detail: string
  /** The agent's HTTP status; 0 when it did not answer. */
  readonly status: number
  constructor(detail: string, status: number) {
    super(detail)
    this.detail = detail
    this.status = status
  }
}

async function callAgent<T>(base: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const token = sessionStorage.getItem(AGENT_TOKEN_KEY)
  let answer: Response
  try {
    answer = await fetch(`${base.replace(/\/+$/, "")}${path}`, {
      method: init.method ?? "GET",
      headers: {
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  } catch {
    throw new AgentProblem("", 0)
  }
  const body = (await answer.json().catch(() => ({}))) as T & { detail?: string }
  if (!answer.ok) throw new AgentProblem(body.detail ?? `HTTP ${answer.status}`, answer.status)
  return body
}

function AgentPanel({
  documents,
  scans,
  onScanned,
}: {
  documents: ReadonlyArray<{ readonly id: string; readonly name: string }>
  scans: Readonly<Record<string, Scan>>
  onScanned: (documentId: string, scan: Scan) => void
}) {
  const { t } = useTranslation()
  const [base, setBase] = useState(() => localStorage.getItem(AGENT_URL_KEY) ?? DEFAULT_AGENT)
  const [draft, setDraft] = useState(base)
  const [state, setState] = useState<"unknown" | "absent" | "unpaired" | "paired">("unknown")
  const [scanners, setScanners] = useState<ReadonlyArray<{ id: string; description: string }>>([])
  const [busy, setBusy] = useState<string>()
  const [problem, setProblem] = useState<string>()
  const [resolution, setResolution] = useState("150")

  const agentError = (e: unknown) =>
    e instanceof AgentProblem
      ? e.status === 0
        ? t("desk.agentAbsent", { url: base })
        : e.detail
      : String((e as { detail?: string })?.detail ?? e)

  // is the agent there, and paired with this tab's token?
  useEffect(() => {
    let live = true
    setState("unknown")
    callAgent<{ scanners: { id: string; description: string }[] }>(base, "/devices").then(
      (d) => {
        if (!live) return
        setScanners(d.scanners)
        setState("paired")
      },
      (e: unknown) => {
        if (!live) return
        setState(e instanceof AgentProblem && e.status === 0 ? "absent" : "unpaired")
      },
    )
    return () => {
      live = false
    }
  }, [base])

  const connect = (event: FormEvent) => {
    event.preventDefault()
    localStorage.setItem(AGENT_URL_KEY, draft.trim())
    setBase(draft.trim())
  }

  const pair = async () => {
    setBusy("pair")
    setProblem(undefined)
    try {
      const { data, error } = await api.POST("/api/v1/counter-agent/pairings")
      if (error !== undefined) throw error
      const paired = await callAgent<{ agentToken: string }>(base, "/pair", {
        method: "POST",
        body: { code: data.code },
      })
      sessionStorage.setItem(AGENT_TOKEN_KEY, paired.agentToken)
      const d = await callAgent<{ scanners: { id: string; description: string }[] }>(base, "/devices")
      setScanners(d.scanners)
      setState("paired")
    } catch (e) {
      setProblem(agentError(e))
    } finally {
      setBusy(undefined)
    }
  }

  const scan = async (document: { id: string; name: string }) => {
    setBusy(document.id)
    setProblem(undefined)
    try {
      const scanned = await callAgent<Scan>(base, "/scan", {
        method: "POST",
        body: { label: document.name, resolution: Number(resolution), mode: "Gray" },
      })
      onScanned(document.id, scanned)
    } catch (e) {
      if (e instanceof AgentProblem && e.status === 401) setState("unpaired")
      setProblem(agentError(e))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <div className="agent">
      <h3>{t("desk.agentHeading")}</h3>
      <form className="search" onSubmit={connect}>
        <label htmlFor="agent-url">{t("desk.agentUrl")}</label>
        <input id="agent-url" value={draft} onChange={(e) => setDraft(e.target.value)} inputMode="url" />
        <button type="submit" className="secondary">
          {t("desk.connect")}
        </button>
      </form>
      <p role="status" data-testid="agent-state">
        {state === "unknown"
          ? t("app.loading")
          : state === "absent"
            ? t("desk.agentAbsent", { url: base })
            : state === "unpaired"
              ? t("desk.agentUnpaired")
              : t("desk.agentPaired", { count: scanners.length })}
      </p>
      {problem !== undefined && (
        <div role="alert" className="error" data-testid="agent-problem">
          <strong>{t("desk.agentProblem")}</strong> {problem}
        </div>
      )}
      {state === "unpaired" && (
        <button type="button" onClick={pair} disabled={busy !== undefined}>
          {t("desk.pair")}
        </button>
      )}
      {state === "paired" && (
        <>
          {scanners.length > 0 && (
            <ul className="plain" data-testid="agent-scanners">
              {scanners.map((s) => (
                <li key={s.id}>
                  {s.description} <code>{s.id}</code>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor="scan-resolution">{t("desk.resolution")}</label>
          <select id="scan-resolution" value={resolution} onChange={(e) => setResolution(e.target.value)}>
            {["100", "150", "200", "300"].map((r) => (
              <option key={r} value={r}>
                {r} dpi
              </option>
            ))}
          </select>
          <ul className="plain scans" data-testid="agent-scans">
            {documents.map((d) => {
              const done = scans[d.id]
              return (
                <li key={d.id}>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => scan(d)}
                    disabled={busy !== undefined}
                    aria-label={t("desk.scanOf", { name: d.name })}
                  >
                    {busy === d.id ? t("desk.scanning") : t("desk.scan")}
                  </button>{" "}
                  {d.name}
                  {done !== undefined && <span className="ok"> — {t("desk.scanned", { count: done.pages })}</span>}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </div>
  )
}

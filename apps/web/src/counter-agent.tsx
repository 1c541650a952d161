// The desk's side of the counter agent (apps/counter-agent, on the officer's PC, loopback only;
// docs/integrations/counter-devices.md), for every page that scans: the intake form's devices panel
// (pages/counter-devices.tsx) and a dossier's digitised papers (pages/dossier-papers.tsx).
// - the agent's address (kept in the browser), whether it answers and is paired with this tab's token;
// - pairing: a one-time code from the API (POST /api/v1/counter-agent/pairings) handed to the agent, which answers a
//   token of its own for this tab (kept in sessionStorage);
// - a scan through SANE: the agent uploads it as the officer's document and answers its id, pages and SHA-256;
// - what an ID-card reader in serial mode read (GET /card-reads, asked every second): cards in the shape of the API's id-card
//   route, refused scans saying where, and the reader's port state.
// Every failure is said as what it is: the agent not running at its address, not paired, or its own problem
// (no device, busy, jammed, …, its `detail` in Vietnamese and English).
import { type FormEvent, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { api, type Schemas } from "./api/client.ts"

/** What the agent answers for a scan: the uploaded document (the officer's), its pages and its SHA-256. */
export interface Scan {
  readonly documentId: string
  readonly pages: number
  readonly sha256: string
}

export interface Scanner {
  readonly id: string
  readonly description: string
}

/** The serial card reader's port as the agent says it: open, missing, busy, denied, unplugged, … */
export interface CardReaderStatus {
  readonly state: string
  readonly path: string
  /** Vietnamese, then English, with the OS's words. */
  readonly detail: string
}

/** One thing the serial card reader gave, numbered by the agent. */
export type CardReadEvent = { readonly seq: number } & (
  | { readonly kind: "card"; readonly card: Schemas["IdCardRead"] }
  | { readonly kind: "refused"; readonly where: string; readonly detail: string }
  | { readonly kind: "status"; readonly status: CardReaderStatus }
)

/** The reads since the last ask (`last`: where to ask from next), and the reader's port now (null: none set up). */
export interface CardReads {
  readonly reads: ReadonlyArray<CardReadEvent>
  readonly last: number
  readonly reader: CardReaderStatus | null
}

const AGENT_URL_KEY = "motcua.counterAgent"
const AGENT_TOKEN_KEY = "motcua.counterAgentToken"
const DEFAULT_AGENT = "http://127.0.0.1:47100"

/** A problem the counter agent answered (problem+json), or the agent not answering at all. */
export class AgentProblem extends Error {
  readonly detail: string
  /** The agent's HTTP status; 0 when it did not answer. */
  readonly status: number
  constructor(detail: string, status: number) {
    super(detail)
    this.detail = detail
    this.status = status
  }
}

async function callAgent<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
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
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    })
  } catch {
    throw new AgentProblem("", 0)
  }
  const body = (await answer.json().catch(() => ({}))) as T & { detail?: string }
  if (!answer.ok) throw new AgentProblem(body.detail ?? `HTTP ${answer.status}`, answer.status)
  return body
}

/** A scan's outcome: the paper, or the problem as the officer reads it (not running, not paired, the device's). */
export type Scanned = { readonly ok: true; readonly scan: Scan } | { readonly ok: false; readonly problem: string }

export type AgentState = "unknown" | "absent" | "unpaired" | "paired"

export interface CounterAgent {
  /** The agent's address in use. */
  readonly base: string
  readonly connect: (url: string) => void
  readonly state: AgentState
  readonly scanners: ReadonlyArray<Scanner>
  /** What is under way: "pair", or the key of the scan running (one at a time). */
  readonly busy: string | undefined
  /** The last failure, as the officer reads it. */
  readonly problem: string | undefined
  readonly resolution: string
  readonly setResolution: (dpi: string) => void
  readonly pair: () => Promise<void>
  /** Scans a paper labelled `label` (the agent names the upload with it), or says why it could not (also `problem`). */
  readonly scan: (key: string, label: string) => Promise<Scanned>
  /**
   * What the serial card reader read since `after`, or where its reads are now (no `after`); an AgentProblem when the
   * agent is absent (status 0) or no longer paired (401). It answers at once: the desk asks again every second (a
   * request held open would keep the page from ever being idle).
   */
  readonly readCards: (after: number | undefined, signal: AbortSignal) => Promise<CardReads>
}

/** The counter agent at the address the officer gave (or the default), and what it can do for this tab. */
export function useCounterAgent(): CounterAgent {
  const { t } = useTranslation()
  const [base, setBase] = useState(() => localStorage.getItem(AGENT_URL_KEY) ?? DEFAULT_AGENT)
  const [state, setState] = useState<AgentState>("unknown")
  const [scanners, setScanners] = useState<ReadonlyArray<Scanner>>([])
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
    callAgent<{ scanners: Scanner[] }>(base, "/devices").then(
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

  const connect = (url: string) => {
    localStorage.setItem(AGENT_URL_KEY, url.trim())
    setProblem(undefined)
    setBase(url.trim())
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
      const d = await callAgent<{ scanners: Scanner[] }>(base, "/devices")
      setScanners(d.scanners)
      setState("paired")
    } catch (e) {
      setProblem(agentError(e))
    } finally {
      setBusy(undefined)
    }
  }

  const scan = async (key: string, label: string): Promise<Scanned> => {
    setBusy(key)
    setProblem(undefined)
    try {
      const scanned = await callAgent<Scan>(base, "/scan", {
        method: "POST",
        body: { label, resolution: Number(resolution), mode: "Gray" },
      })
      return { ok: true, scan: scanned }
    } catch (e) {
      if (e instanceof AgentProblem && e.status === 401) setState("unpaired")
      if (e instanceof AgentProblem && e.status === 0) setState("absent")
      const problem = agentError(e)
      setProblem(problem)
      return { ok: false, problem }
    } finally {
      setBusy(undefined)
    }
  }

  const readCards = (after: number | undefined, signal: AbortSignal) =>
    callAgent<CardReads>(base, after === undefined ? "/card-reads" : `/card-reads?after=${after}&wait=0`, { signal })

  return { base, connect, state, scanners, busy, problem, resolution, setResolution, pair, scan, readCards }
}

/**
 * The agent's address, whether it answers and is paired (with the way to pair it), the scanners it lists, the
 * resolution of the next scan and the agent's last problem. The page puts its own scan buttons after it.
 */
export function AgentConnection({ agent }: { agent: CounterAgent }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(agent.base)
  const connect = (event: FormEvent) => {
    event.preventDefault()
    agent.connect(draft)
  }
  return (
    <>
      <form className="search" onSubmit={connect}>
        <label htmlFor="agent-url">{t("desk.agentUrl")}</label>
        <input id="agent-url" value={draft} onChange={(e) => setDraft(e.target.value)} inputMode="url" />
        <button type="submit" className="secondary">
          {t("desk.connect")}
        </button>
      </form>
      <p role="status" data-testid="agent-state">
        {agent.state === "unknown"
          ? t("app.loading")
          : agent.state === "absent"
            ? t("desk.agentAbsent", { url: agent.base })
            : agent.state === "unpaired"
              ? t("desk.agentUnpaired")
              : agent.scanners.length === 0
                ? t("desk.agentNoScanner")
                : t("desk.agentPaired", { count: agent.scanners.length })}
      </p>
      {agent.problem !== undefined && (
        <div role="alert" className="error" data-testid="agent-problem">
          <strong>{t("desk.agentProblem")}</strong> {agent.problem}
        </div>
      )}
      {agent.state === "unpaired" && (
        <button type="button" onClick={agent.pair} disabled={agent.busy !== undefined}>
          {t("desk.pair")}
        </button>
      )}
      {agent.state === "paired" && (
        <>
          {agent.scanners.length > 0 && (
            <ul className="plain" data-testid="agent-scanners">
              {agent.scanners.map((s) => (
                <li key={s.id}>
                  {s.description} <code>{s.id}</code>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor="scan-resolution">{t("desk.resolution")}</label>
          <select id="scan-resolution" value={agent.resolution} onChange={(e) => agent.setResolution(e.target.value)}>
            {["100", "150", "200", "300"].map((r) => (
              <option key={r} value={r}>
                {r} dpi
              </option>
            ))}
          </select>
        </>
      )}
    </>
  )
}

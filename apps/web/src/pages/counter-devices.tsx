// The devices of an intake desk (counter officers, post office agents), loaded only by the intake form of staff:
// - the ID-card reader in keyboard-wedge mode: a burst of keys (card-wedge.ts) is caught wherever focus is, what it
//   typed into a field is taken back, and the text is parsed by the API (POST /api/v1/id-cards/read); the card's
//   name, id number and address fill the empty fields, and any field the officer typed differently is replaced only
//   when the officer says so;
// - the ID-card reader in serial mode, read by the paired counter agent: each card it read comes in the same shape
//   and fills the form the same way; a refused scan is said with where it was wrong, and the reader's port state
//   (unplugged, busy, …) is shown;
// - the national population database (POST /api/v1/population/lookup), asked by the officer for the id number typed
//   or read, once the citizen's signed consent is ticked: the record fills the form the same way (empty fields filled,
//   a field typed differently replaced only on the officer's word), and the answer says whether the name typed matches;
// - the counter agent on the officer's PC (apps/counter-agent, loopback only; docs/integrations/counter-devices.md):
//   paired with a one-time code the API gives this officer (counter-agent.tsx, shared with a dossier's digitised
//   papers), it lists the scanners and scans a paper through SANE, uploads it as the officer's document, and the
//   intake attaches it (marked digitised).
import { useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { api, type Schemas } from "../api/client.ts"
import { BurstDetector } from "../card-wedge.ts"
import {
  AgentConnection,
  AgentProblem,
  type CardReaderStatus,
  type CounterAgent,
  type Scan,
  useCounterAgent,
} from "../counter-agent.tsx"
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

type Card = Schemas["IdCardRead"]

export default function CounterDevices({
  procedureCode,
  form,
  onFill,
  documents,
  scans,
  onScanned,
  onFound,
}: {
  procedureCode: string
  form: ApplicantFields
  onFill: (fields: Partial<ApplicantFields>) => void
  documents: ReadonlyArray<{ readonly id: string; readonly name: string }>
  scans: Readonly<Record<string, Scan>>
  onScanned: (documentId: string, scan: Scan) => void
  /** The id number the population database knows, looked up with the citizen's signed consent (or none). */
  onFound: (personalId: string | undefined) => void
}) {
  const { t } = useTranslation()
  const agent = useCounterAgent()
  return (
    <section className="panel devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t("desk.heading")}</h2>
      <CardReader form={form} onFill={onFill} agent={agent} />
      <PopulationLookup procedureCode={procedureCode} form={form} onFill={onFill} onFound={onFound} />
      <AgentPanel agent={agent} documents={documents} scans={scans} onScanned={onScanned} />
    </section>
  )
}

/** Where a set of the applicant's fields came from: the card, or the population database. */
type Source = "card" | "registry"

/** Fields offered to the form, and those the officer typed differently (to be settled by the officer). */
interface Offered {
  readonly source: Source
  readonly fields: Partial<Record<FieldName, string>>
  readonly conflicts: ReadonlyArray<FieldName>
}

/**
 * Offers fields read from a source to the form as it was typed: the empty ones are filled at once, and those the
 * officer typed differently are returned as conflicts, never replaced here.
 */
function offer(
  source: Source,
  typed: ApplicantFields,
  fields: Partial<Record<FieldName, string>>,
  fill: (fields: Partial<ApplicantFields>) => void,
): Offered {
  const conflicts = CARD_FIELDS.filter(
    (f) => fields[f] !== undefined && typed[f].trim() !== "" && typed[f].trim() !== fields[f],
  )
  fill(
    Object.fromEntries(
      CARD_FIELDS.filter((f) => fields[f] !== undefined && !conflicts.includes(f)).map((f) => [f, fields[f]]),
    ),
  )
  return { source, fields, conflicts }
}

/** The fields a source offered that differ from what the officer typed: replace them, or keep what was typed. */
function Conflicts({
  offered,
  form,
  onFill,
  onSettled,
}: {
  offered: Offered
  form: ApplicantFields
  onFill: (fields: Partial<ApplicantFields>) => void
  onSettled: (replaced: boolean) => void
}) {
  const { t } = useTranslation()
  if (offered.conflicts.length === 0) return null
  const settle = (replace: boolean) => {
    if (replace) onFill(Object.fromEntries(offered.conflicts.map((f) => [f, offered.fields[f]])))
    onSettled(replace)
  }
  const id = `${offered.source}-conflict-heading`
  return (
    <section aria-labelledby={id} className="conflict" data-testid={`${offered.source}-conflicts`}>
      <h4 id={id}>{t(`desk.conflictHeading_${offered.source}`)}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("desk.field")}</th>
            <th scope="col">{t("desk.typed")}</th>
            <th scope="col">{t(`desk.from_${offered.source}`)}</th>
          </tr>
        </thead>
        <tbody>
          {offered.conflicts.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`desk.field_${f}`)}</th>
              <td>{form[f]}</td>
              <td>{offered.fields[f]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => settle(true)}>
        {t(`desk.use_${offered.source}`)}
      </button>{" "}
      <button type="button" className="secondary" onClick={() => settle(false)}>
        {t("desk.keepTyped")}
      </button>
    </section>
  )
}

/** The sources of the applicant's fields, for the catalogues' keys (desk.from_…, desk.use_…, …). */
export const FIELD_SOURCES: ReadonlyArray<Source> = ["card", "registry"]

function CardReader({
  form,
  onFill,
  agent,
}: {
  form: ApplicantFields
  onFill: (fields: Partial<ApplicantFields>) => void
  agent: CounterAgent
}) {
  const { t } = useTranslation()
  const latest = useRef(form)
  latest.current = form
  const fill = useRef(onFill)
  fill.current = onFill
  const [read, setRead] = useState<Offered>()
  const [error, setError] = useState<unknown>()
  const [note, setNote] = useState("")
  const [serial, setSerial] = useState<CardReaderStatus | null>(null)
  // a card read (by either reader) offered to the form as it was typed
  const offerCard = (card: Card, typed: ApplicantFields) => {
    setError(undefined)
    setRead(offer("card", typed, cardFields(card), fill.current))
    setNote(t("desk.cardRead", { name: card.fullName, id: card.id }))
  }
  const received = useRef(offerCard)
  received.current = offerCard
  const readCards = useRef(agent.readCards)
  readCards.current = agent.readCards

  // the serial reader's reads, from the paired agent: asked every second
  useEffect(() => {
    if (agent.state !== "paired") return
    const stop = new AbortController()
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          stop.signal.removeEventListener("abort", done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        stop.signal.addEventListener("abort", done)
      })
    void (async () => {
      let after: number | undefined
      for (let first = true; !stop.signal.aborted; first = false) {
        if (!first) await pause(1000)
        try {
          const answer = await readCards.current(after, stop.signal)
          // the port's state now (its changes since the last ask are in the reads too; the latest is what counts)
          setSerial(answer.reader)
          for (const r of answer.reads) {
            if (r.kind === "card") received.current(r.card, latest.current)
            else if (r.kind === "refused") {
              setRead(undefined)
              setNote("")
              setError({ detail: `${r.where}: ${r.detail}` })
            }
          }
          after = answer.last
        } catch (e) {
          // no longer paired: the agent's panel says so; absent or a network fault: ask again a little later
          if (stop.signal.aborted || (e instanceof AgentProblem && e.status === 401)) return
          await pause(2000)
        }
      }
    })()
    return () => stop.abort()
    // a new address makes the state "unknown" first: the loop asks the new agent once it is paired
  }, [agent.state])

  useEffect(() => {
    const detector = new BurstDetector()
    // what the form held when the current run of keys began: restored if the run is a reader's burst
    let before = latest.current
    const onKey = (event: KeyboardEvent) => {
      const step = detector.key(event.key, event.timeStamp)
      if (step.kind === "started") before = latest.current
      if (step.kind !== "burst" && step.kind !== "line") return
      // the reader's Enter must not send the form; what it typed into a field is taken back
      event.preventDefault()
      event.stopPropagation()
      if (step.kind === "line") return
      const typed = before
      fill.current(typed)
      void readCard(step.text, step.format).then(
        (card) => received.current(card, typed),
        (e: unknown) => {
          setRead(undefined)
          setNote("")
          setError(e)
        },
      )
    }
    window.addEventListener("keydown", onKey, true)
    return () => window.removeEventListener("keydown", onKey, true)
  }, [])

  return (
    <div className="card-reader">
      <h3>{t("desk.cardHeading")}</h3>
      <p className="muted">{t("desk.cardHint")}</p>
      {serial !== null && (
        <p data-testid="serial-reader" className={serial.state === "open" ? "muted" : "error"}>
          {serial.state === "open"
            ? t("desk.serialOpen", { path: serial.path })
            : t("desk.serialDown", { path: serial.path, detail: serial.detail })}
        </p>
      )}
      <p role="status" data-testid="card-status">
        {note}
      </p>
      {error !== undefined && <ErrorNote error={error} title={t("desk.cardRefused")} />}
      {read !== undefined && (
        <Conflicts
          offered={read}
          form={form}
          onFill={onFill}
          onSettled={(replaced) => {
            setRead({ ...read, conflicts: [] })
            setNote(replaced ? t("desk.replaced") : t("desk.kept"))
          }}
        />
      )}
    </div>
  )
}

type Lookup = Schemas["PopulationLookupResult"]

/**
 * The national population database, asked for the id number on the form with the consent the citizen signed at the
 * counter (the checkbox): the record fills the form like a card, and the answer says whether the typed name matches.
 */
function PopulationLookup({
  procedureCode,
  form,
  onFill,
  onFound,
}: {
  procedureCode: string
  form: ApplicantFields
  onFill: (fields: Partial<ApplicantFields>) => void
  onFound: (personalId: string | undefined) => void
}) {
  const { t } = useTranslation()
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<Lookup>()
  const [offered, setOffered] = useState<Offered>()
  const [error, setError] = useState<unknown>()
  const [note, setNote] = useState("")
  const idNumber = form.idNumber.trim()

  const lookUp = async () => {
    setBusy(true)
    setError(undefined)
    setNote("")
    try {
      const typedName = form.name.trim()
      const { data, error } = await api.POST("/api/v1/population/lookup", {
        body: {
          personalId: idNumber,
          consent: "signed-at-counter",
          procedureCode,
          ...(typedName === "" ? {} : { fullName: typedName }),
        },
      })
      if (error !== undefined) throw error
      setAnswer(data)
      // the filing then asks the API to verify the applicant with the same consent (verifyApplicant)
      onFound(data.found ? idNumber : undefined)
      setOffered(
        data.record === undefined
          ? undefined
          : offer(
              "registry",
              form,
              {
                name: data.record.fullName,
                idNumber: data.record.personalId,
                ...(data.record.permanentAddress === undefined ? {} : { address: data.record.permanentAddress }),
              },
              onFill,
            ),
      )
    } catch (e) {
      setAnswer(undefined)
      setOffered(undefined)
      onFound(undefined)
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="population">
      <h3>{t("desk.registryHeading")}</h3>
      <p className="muted">{t("desk.registryHint")}</p>
      <label className="check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{" "}
        {t("desk.registryConsent")}
      </label>
      <button type="button" onClick={lookUp} disabled={!consent || !/^\d{12}$/.test(idNumber) || busy}>
        {t("desk.registryLookUp")}
      </button>
      {!/^\d{12}$/.test(idNumber) && <p className="muted">{t("desk.registryNeedsId")}</p>}
      <p role="status" data-testid="registry-status">
        {note !== ""
          ? note
          : answer === undefined
            ? ""
            : !answer.found
              ? t("desk.registryNotFound", { id: idNumber })
              : answer.mismatches.length > 0
                ? t("desk.registryMismatch", {
                    name: answer.record?.fullName ?? "",
                    fields: answer.mismatches.map((m) => t(`desk.mismatch_${m}`)).join(", "),
                  })
                : t("desk.registryFound", { name: answer.record?.fullName ?? "" })}
      </p>
      {error !== undefined && <ErrorNote error={error} title={t("desk.registryRefused")} />}
      {offered !== undefined && (
        <Conflicts
          offered={offered}
          form={form}
          onFill={onFill}
          onSettled={(replaced) => {
            setOffered({ ...offered, conflicts: [] })
            setNote(replaced ? t("desk.replacedRegistry") : t("desk.kept"))
          }}
        />
      )}
    </div>
  )
}

const cardFields = (card: Card): Partial<Record<FieldName, string>> => ({
  name: card.fullName,
  idNumber: card.id,
  ...(card.permanentAddress === undefined ? {} : { address: card.permanentAddress }),
})

async function readCard(text: string, format: "qr" | "mrz"): Promise<Card> {
  const { data, error } = await api.POST("/api/v1/id-cards/read", { body: { format, text } })
  if (error !== undefined) throw error
  return data
}

function AgentPanel({
  agent,
  documents,
  scans,
  onScanned,
}: {
  agent: CounterAgent
  documents: ReadonlyArray<{ readonly id: string; readonly name: string }>
  scans: Readonly<Record<string, Scan>>
  onScanned: (documentId: string, scan: Scan) => void
}) {
  const { t } = useTranslation()
  const scan = async (document: { id: string; name: string }) => {
    const scanned = await agent.scan(document.id, document.name)
    if (scanned.ok) onScanned(document.id, scanned.scan)
  }
  return (
    <div className="agent">
      <h3>{t("desk.agentHeading")}</h3>
      <AgentConnection agent={agent} />
      {agent.state === "paired" && (
        <ul className="plain scans" data-testid="agent-scans">
          {documents.map((d) => {
            const done = scans[d.id]
            return (
              <li key={d.id}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => scan(d)}
                  disabled={agent.busy !== undefined}
                  aria-label={t("desk.scanOf", { name: d.name })}
                >
                  {agent.busy === d.id ? t("desk.scanning") : t("desk.scan")}
                </button>{" "}
                {d.name}
                {done !== undefined && <span className="ok"> — {t("desk.scanned", { count: done.pages })}</span>}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}

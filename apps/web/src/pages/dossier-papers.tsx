// A dossier's digitised papers (Giấy tờ đã số hóa), on the dossier's page for the officers handling it (its own
// chunk): each required document of the dossier's procedure with its digitised status — not yet, or the current
// version with its pages, the SHA-256's first digits, who digitised it and when — and every older version, each
// readable (download, preview). Staff who take papers in for the dossier (the policy's dossier.digitise: counter
// officers, post office agents) record a paper for a required document, or replace it (the next version; the old one
// stays): a file uploaded (PDF, JPEG, PNG), or a scan through the paired counter agent (counter-agent.tsx). A paper
// uploaded or scanned whose record the API refused stays staged on the page, so the officer retries (with the page
// count, when the API could not count them) without uploading or scanning again.
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { AgentConnection, type CounterAgent, useCounterAgent } from "../counter-agent.tsx"
import { formatInstant } from "../format.ts"
import { type DigitisedPaper, type PaperRow, paperRows, requiredDocumentsOf, shortHash } from "../papers.ts"
import { ErrorNote, Loading } from "../ui.tsx"
import { uploadDocument } from "../upload.ts"
import { DownloadButton } from "./document-download.tsx"
import { DocumentPreview } from "./document-preview.tsx"

interface PapersProps {
  readonly code: string
  /** The dossier's version shown: a record is sent with it (a stale one is refused, 409, nothing recorded). */
  readonly version: number
  readonly procedureCode: string
  readonly variantId: string | undefined
  /** Whether the signed-in account may record papers for the dossier (the API decides; this only hides the forms). */
  readonly records: boolean
}

export default function DossierPapers(props: PapersProps) {
  // the counter agent is asked for only by those who record papers
  return props.records ? <WithAgent {...props} /> : <PapersList {...props} agent={undefined} />
}

function WithAgent(props: PapersProps) {
  const agent = useCounterAgent()
  return <PapersList {...props} agent={agent} />
}

function PapersList({
  code,
  version,
  procedureCode,
  variantId,
  records,
  agent,
}: PapersProps & { readonly agent: CounterAgent | undefined }) {
  const { t, i18n } = useTranslation()
  const procedure = useQuery({
    queryKey: ["procedure", procedureCode],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/procedures/{code}", { params: { path: { code: procedureCode } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const papers = useQuery({
    queryKey: ["papers", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/papers", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data.items
    },
  })
  const [done, setDone] = useState("")
  return (
    <section aria-labelledby="papers-heading" data-testid="dossier-papers">
      <h2 id="papers-heading">{t("papers.heading")}</h2>
      <p className="muted">{records ? t("papers.intro") : t("papers.introRead")}</p>
      {agent !== undefined && (
        <div className="agent" data-testid="papers-agent">
          <h3>{t("desk.agentHeading")}</h3>
          <AgentConnection agent={agent} />
        </div>
      )}
      <p role="status" className="done" data-testid="papers-done">
        {done}
      </p>
      {procedure.isError && <ErrorNote error={procedure.error} />}
      {papers.isError && <ErrorNote error={papers.error} />}
      {procedure.isPending || papers.isPending ? (
        <Loading />
      ) : (
        <ul className="plain papers">
          {paperRows(
            requiredDocumentsOf(procedure.data ?? { documents: [] }, variantId),
            papers.data ?? [],
            i18n.language,
          ).map((row) => (
            <PaperItem
              key={row.documentId}
              code={code}
              version={version}
              row={row}
              records={records}
              agent={agent}
              onStart={() => setDone("")}
              onRecorded={(paper) =>
                setDone(
                  paper.version === 1
                    ? t("papers.recorded", { name: row.name })
                    : t("papers.replaced", { name: row.name, version: paper.version }),
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  )
}

/** What recording a paper of one required document needs: the dossier, its version, the row, the agent if paired. */
interface RecorderProps {
  code: string
  version: number
  row: PaperRow
  agent: CounterAgent | undefined
  /** A new upload or scan begins: what was said of the last one is no longer current. */
  onStart: () => void
  onRecorded: (paper: DigitisedPaper) => void
}

function PaperItem({ code, version, row, records, agent, onStart, onRecorded }: RecorderProps & { records: boolean }) {
  const { t, i18n } = useTranslation()
  const headingId = `paper-${row.documentId}-heading`
  return (
    <li data-testid={`paper-${row.documentId}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {row.name}{" "}
        <span className="muted">
          {row.mandatory === undefined
            ? t("papers.unlisted")
            : row.mandatory
              ? t("papers.mandatory")
              : t("papers.optional")}
        </span>
      </h3>
      <p data-testid="paper-status">
        {row.current === undefined
          ? t("papers.notYet")
          : t("papers.current", {
              version: row.current.version,
              pages: row.current.pages ?? "?",
              hash: shortHash(row.current.sha256),
              who: row.current.digitisedBy,
              at: formatInstant(row.current.digitisedAt, i18n.language),
            })}
      </p>
      {row.versions.length > 0 && <Versions code={code} row={row} />}
      {records && (
        <PaperRecorder
          code={code}
          version={version}
          row={row}
          agent={agent}
          onStart={onStart}
          onRecorded={onRecorded}
        />
      )}
    </li>
  )
}

/** Every version of a paper, newest first: the current one marked, each one readable (download, preview). */
function Versions({ code, row }: { code: string; row: PaperRow }) {
  const { t, i18n } = useTranslation()
  return (
    <table className="versions" data-testid="paper-versions">
      <caption>{t("papers.versions", { name: row.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("papers.version")}</th>
          <th scope="col">{t("papers.pages")}</th>
          <th scope="col">SHA-256</th>
          <th scope="col">{t("papers.by")}</th>
          <th scope="col">{t("papers.at")}</th>
          <th scope="col">{t("papers.source")}</th>
          <th scope="col">{t("papers.file")}</th>
        </tr>
      </thead>
      <tbody>
        {row.versions.map((v) => (
          <tr key={v.version} data-testid={`paper-version-${v.version}`}>
            <th scope="row">
              {v.version}
              {v.version === row.current?.version && <> ({t("papers.currentMark")})</>}
            </th>
            <td>{v.pages ?? "—"}</td>
            <td>
              <code title={v.sha256}>{shortHash(v.sha256)}</code>
            </td>
            <td>{v.digitisedBy}</td>
            <td>{formatInstant(v.digitisedAt, i18n.language)}</td>
            <td>{t(`papers.source_${v.source}`)}</td>
            <td>
              <DownloadButton code={code} documentId={v.fileId} /> <DocumentPreview code={code} documentId={v.fileId} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A paper uploaded or scanned, not yet recorded (its record refused): kept for a retry. */
interface Staged {
  readonly attachmentId: string
  readonly via: "upload" | "scan"
  readonly sha256?: string
  readonly pages?: number
}

/**
 * Records a paper for one required document: a file chosen and uploaded, or a scan through the paired agent; then
 * the record (POST …/papers, the version shown). A failure says which step failed and why; what was chosen, uploaded
 * or scanned stays.
 */
function PaperRecorder({ code, version, row, agent, onStart, onRecorded }: RecorderProps) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [file, setFile] = useState<File>()
  // a new key empties the file input once its file is recorded
  const [inputKey, setInputKey] = useState(0)
  const [pages, setPages] = useState("")
  const [staged, setStaged] = useState<Staged>()
  const [busy, setBusy] = useState<"upload" | "scan" | "record">()
  const [failure, setFailure] = useState<{ step: "upload" | "scan" | "record"; error: unknown }>()
  const id = (name: string) => `paper-${row.documentId}-${name}`
  const replacing = row.current !== undefined

  const record = async (paper: Staged) => {
    onStart()
    setBusy("record")
    setFailure(undefined)
    const said = pages.trim() === "" ? paper.pages : Number(pages)
    const answer = await api
      .POST("/api/v1/dossiers/{code}/papers", {
        params: { path: { code } },
        body: {
          documentId: row.documentId,
          attachmentId: paper.attachmentId,
          expectedVersion: version,
          ...(paper.sha256 === undefined ? {} : { sha256: paper.sha256 }),
          ...(said === undefined ? {} : { pages: said }),
        },
      })
      // the API not answering at all (network down) is a refusal too: the paper stays staged
      .catch((error: unknown) => ({ data: undefined, error: error ?? "network error" }))
    setBusy(undefined)
    const { data, error } = answer
    if (error !== undefined || data === undefined) {
      setStaged(paper)
      setFailure({ step: "record", error })
      // a stale version (another change to the dossier meanwhile): the page reads the dossier again, the retry
      // is sent with the version it has now
      await client.invalidateQueries({ queryKey: ["dossier", code] })
      return
    }
    setStaged(undefined)
    setFile(undefined)
    setPages("")
    setInputKey((k) => k + 1)
    onRecorded(data.paper)
    await client.invalidateQueries({ queryKey: ["papers", code] })
    await client.invalidateQueries({ queryKey: ["dossier", code] })
  }

  const upload = async (event: FormEvent) => {
    event.preventDefault()
    if (file === undefined) return
    onStart()
    setBusy("upload")
    setFailure(undefined)
    let attachmentId: string
    try {
      attachmentId = await uploadDocument(file)
    } catch (error) {
      setBusy(undefined)
      setFailure({ step: "upload", error })
      return
    }
    await record({ attachmentId, via: "upload" })
  }

  const scan = async () => {
    if (agent === undefined) return
    onStart()
    setFailure(undefined)
    setBusy("scan")
    const scanned = await agent.scan(row.documentId, row.name)
    setBusy(undefined)
    // the agent's problem (not running, not paired, no device, busy, jammed, …), said here too, at the paper
    if (!scanned.ok) return setFailure({ step: "scan", error: scanned.problem })
    const { documentId, sha256, pages } = scanned.scan
    await record({ attachmentId: documentId, via: "scan", sha256, pages })
  }

  const working = busy !== undefined
  return (
    <div className="paper-recorder">
      <form onSubmit={upload} data-testid={id("upload")}>
        <label htmlFor={id("file")}>
          {replacing ? t("papers.fileReplace", { name: row.name }) : t("papers.fileNew", { name: row.name })}
        </label>
        <input
          key={inputKey}
          id={id("file")}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          onChange={(e) => {
            setFile(e.target.files?.[0])
            setStaged(undefined)
            setFailure(undefined)
          }}
        />
        <label htmlFor={id("pages")}>{t("papers.pagesSaid")}</label>
        <input
          id={id("pages")}
          type="number"
          min={1}
          inputMode="numeric"
          value={pages}
          onChange={(e) => setPages(e.target.value)}
        />
        <button type="submit" disabled={file === undefined || working}>
          {busy === "upload" || (busy === "record" && staged?.via !== "scan")
            ? t("papers.sending")
            : replacing
              ? t("papers.replace")
              : t("papers.record")}
        </button>
        {agent?.state === "paired" && (
          <>
            {" "}
            <button
              type="button"
              className="secondary"
              onClick={scan}
              disabled={working || agent.busy !== undefined}
              aria-label={
                replacing ? t("papers.scanReplace", { name: row.name }) : t("desk.scanOf", { name: row.name })
              }
            >
              {agent.busy === row.documentId ? t("desk.scanning") : t("desk.scan")}
            </button>
          </>
        )}
      </form>
      {failure !== undefined && (
        <ErrorNote
          error={failure.error}
          title={
            failure.step === "upload"
              ? t("papers.uploadRefused")
              : failure.step === "scan"
                ? t("papers.scanFailed")
                : t("papers.recordRefused")
          }
        />
      )}
      {staged !== undefined && (
        <div className="staged" data-testid={id("staged")}>
          <p>{staged.via === "scan" ? t("papers.stagedScan") : t("papers.stagedUpload")}</p>
          <button type="button" onClick={() => record(staged)} disabled={working}>
            {t("papers.retry")}
          </button>{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setStaged(undefined)
              setFailure(undefined)
            }}
            disabled={working}
          >
            {t("papers.discard")}
          </button>
        </div>
      )}
    </div>
  )
}

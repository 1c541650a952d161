// Filing as a signed-in citizen (online), or on a citizen's behalf by a counter officer or a post office agent at
// their intake point (the channel is the point's: counter, or post for a post office): the applicant's details, the
// commune or ward of residence, the papers uploaded (PDF, JPEG or PNG) or, for a citizen, taken from their e-wallet,
// and the fee quote for the channel shown before anything is filed. Staff at an intake point have the desk's devices
// beside the form (counter-devices.tsx, its own chunk): the ID-card reader fills the applicant, and papers scanned
// through the counter agent are filed as the dossier's digitised papers.
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, lazy, Suspense, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import type { Scan } from "../counter-agent.tsx"
import { formatMoney } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"
import { useWallet, WalletPick } from "./wallet-pick.tsx"

const CounterDevices = lazy(() => import("./counter-devices.tsx"))

const PROVINCE = "22"
type Channel = "online" | "counter" | "post"

export default function FilePage() {
  const { code = "" } = useParams()
  const { t, i18n } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const staffPoints = me.intakePointIds
  const [pointId, setPointId] = useState<string>("")
  const [form, setForm] = useState({
    name: me.isCitizen ? (me.principal?.name ?? "") : "",
    idNumber: "",
    phone: "",
    address: "",
    unit: "",
    subject: "",
  })
  const [files, setFiles] = useState<Record<string, File | undefined>>({})
  // document id → the wallet entry taken instead of an upload
  const [fromWallet, setFromWallet] = useState<Record<string, string>>({})
  const wallet = useWallet(me.isCitizen ? me.principal?.id : undefined)
  const [scans, setScans] = useState<Record<string, Scan>>({})
  // the id number the population database knew when the officer looked it up with the citizen's signed consent
  const [foundInRegistry, setFoundInRegistry] = useState<string>()
  const [error, setError] = useState<unknown>()
  const [filed, setFiled] = useState<string>()
  const [busy, setBusy] = useState(false)
  const procedure = useQuery({
    queryKey: ["procedure", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/procedures/{code}", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const units = useQuery({
    queryKey: ["units"],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/units")
      if (error !== undefined) throw error
      return data
    },
  })
  const points = useQuery({
    queryKey: ["intake-points"],
    enabled: staffPoints.length > 0,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/intake-points")
      if (error !== undefined) throw error
      return data.items.filter((p) => staffPoints.includes(p.id))
    },
  })
  const point = points.data?.find((p) => p.id === pointId) ?? points.data?.[0]
  const channel: Channel = point === undefined ? "online" : point.kind === "post-office" ? "post" : "counter"
  const quote = useQuery({
    queryKey: ["fee-quote", code, channel],
    queryFn: async (): Promise<Schemas["FeeQuote"] | null> => {
      const { data } = await api.POST("/api/v1/fee-quotes", { body: { procedureCode: code, channel } })
      return data ?? null
    },
  })
  if (procedure.isPending || units.isPending || (staffPoints.length > 0 && points.isPending)) return <Loading />
  if (procedure.isError) return <ErrorNote error={procedure.error} />
  if (units.isError) return <ErrorNote error={units.error} />
  const p = procedure.data
  // where the land, building or event is decides the competent authority for these procedures
  const needsSubject = p.authority.territorialBasis === "subject-location"
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const attachmentIds: string[] = []
      const present: { id: string }[] = []
      const papers: { documentId: string; attachmentId: string }[] = []
      const picks: { documentId: string; walletEntryId: string }[] = []
      for (const document of p.documents) {
        const scan = scans[document.id]
        if (scan !== undefined) {
          // scanned at the desk through the counter agent, uploaded already by this officer: filed as a paper, so the
          // API records it as the digitised required document it is (a declared flag alone counts for nothing)
          papers.push({ documentId: document.id, attachmentId: scan.documentId })
          present.push({ id: document.id })
          continue
        }
        const entryId = fromWallet[document.id] ?? ""
        if (entryId !== "") {
          picks.push({ documentId: document.id, walletEntryId: entryId })
          present.push({ id: document.id })
          continue
        }
        const file = files[document.id]
        if (file === undefined) continue
        const { data, error } = await api.POST("/api/v1/documents", {
          body: file as unknown as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { "content-type": file.type },
        })
        if (error !== undefined) throw error
        attachmentIds.push(data.id)
        present.push({ id: document.id })
      }
      const { data, error } = await api.POST("/api/v1/dossiers", {
        params: { header: { "Idempotency-Key": crypto.randomUUID() } },
        body: {
          ...(point === undefined ? {} : { intakePointId: point.id }),
          procedureCode: p.code,
          applicant: {
            id: form.idNumber.trim(),
            name: form.name.trim(),
            kind: "citizen",
            ...(form.phone.trim() === "" ? {} : { phone: form.phone.trim() }),
            ...(form.address.trim() === "" ? {} : { address: form.address.trim() }),
          },
          residence: { provinceCode: PROVINCE, ...(form.unit === "" ? {} : { unitCode: form.unit }) },
          ...(needsSubject ? { subjectUnitCode: form.subject === "" ? form.unit : form.subject } : {}),
          documents: present,
          attachmentIds,
          ...(picks.length === 0 ? {} : { fromWallet: picks }),
          ...(papers.length === 0 ? {} : { papers }),
          // looked up with consent, and still the same person: the dossier records the verification (indicator 4.5)
          ...(point !== undefined && foundInRegistry !== undefined && foundInRegistry === form.idNumber.trim()
            ? { verifyApplicant: { consent: "signed-at-counter" as const } }
            : {}),
        },
      })
      if (error !== undefined) throw error
      setFiled(data.code)
      // the lists that show it are out of date now
      await client.invalidateQueries({ queryKey: ["my-dossiers"] })
      await client.invalidateQueries({ queryKey: ["intake-point-dossiers"] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  if (filed !== undefined)
    return (
      <section>
        <p role="status">{t("file.filed", { code: filed })}</p>
        <Link to={`/ho-so/${filed}`}>{t("file.open")}</Link>
      </section>
    )
  return (
    <section aria-labelledby="file-heading">
      <h1 id="file-heading">{t("file.heading", { name: i18n.language === "en" && p.nameEn ? p.nameEn : p.name })}</h1>
      {point !== undefined && <p>{t("file.onBehalf")}</p>}
      {!p.channels.includes(channel) && <p className="error">{t("file.channelNotOffered")}</p>}
      {error !== undefined && <ErrorNote error={error} />}
      {point !== undefined && (
        <Suspense fallback={<Loading />}>
          <CounterDevices
            procedureCode={p.code}
            form={form}
            onFill={(fields) => setForm((current) => ({ ...current, ...fields }))}
            documents={p.documents.map((d) => ({
              id: d.id,
              name: i18n.language === "en" && d.nameEn ? d.nameEn : d.name,
            }))}
            scans={scans}
            onScanned={(id, scan) => setScans((current) => ({ ...current, [id]: scan }))}
            onFound={setFoundInRegistry}
          />
        </Suspense>
      )}
      <form onSubmit={submit} className="panel">
        {points.data !== undefined && points.data.length > 0 && (
          <div>
            <label htmlFor="intake-point">{t("file.intakePoint")}</label>
            <select id="intake-point" value={point?.id ?? ""} onChange={(e) => setPointId(e.target.value)}>
              {points.data.map((ip) => (
                <option key={ip.id} value={ip.id}>
                  {ip.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset>
          <legend>{t("file.applicant")}</legend>
          <label htmlFor="name">{t("file.name")}</label>
          <input id="name" value={form.name} onChange={set("name")} required autoComplete="name" />
          <label htmlFor="idNumber">{t("file.idNumber")}</label>
          <input id="idNumber" value={form.idNumber} onChange={set("idNumber")} required inputMode="numeric" />
          <label htmlFor="phone">{t("file.phone")}</label>
          <input id="phone" value={form.phone} onChange={set("phone")} autoComplete="tel" inputMode="tel" />
          <label htmlFor="address">{t("file.address")}</label>
          <input id="address" value={form.address} onChange={set("address")} autoComplete="street-address" />
          <label htmlFor="unit">{t("file.residenceUnit")}</label>
          <select id="unit" value={form.unit} onChange={set("unit")} required>
            <option value="">{t("file.chooseUnit")}</option>
            {units.data.items.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
          {needsSubject && (
            <>
              <label htmlFor="subject">{t("file.subjectUnit")}</label>
              <select id="subject" value={form.subject === "" ? form.unit : form.subject} onChange={set("subject")}>
                <option value="">{t("file.chooseUnit")}</option>
                {units.data.items.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.name}
                  </option>
                ))}
              </select>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t("procedure.documents")}</legend>
          {p.documents.map((d) => (
            <div key={d.id}>
              <label htmlFor={`doc-${d.id}`}>
                {t("file.attach", { name: i18n.language === "en" && d.nameEn ? d.nameEn : d.name })}
                {d.mandatory ? ` (${t("procedure.mandatory")})` : ""}
              </label>
              <input
                id={`doc-${d.id}`}
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                onChange={(e) => setFiles({ ...files, [d.id]: e.target.files?.[0] })}
              />
              {wallet.data !== undefined && (
                <WalletPick
                  documentId={d.id}
                  documentName={i18n.language === "en" && d.nameEn ? d.nameEn : d.name}
                  entries={wallet.data}
                  value={fromWallet[d.id] ?? ""}
                  onChange={(entryId) => setFromWallet({ ...fromWallet, [d.id]: entryId })}
                />
              )}
              {scans[d.id] !== undefined && (
                <p className="ok" data-testid={`scanned-${d.id}`}>
                  {t("desk.scanned", { count: scans[d.id]?.pages ?? 0 })}
                </p>
              )}
            </div>
          ))}
        </fieldset>
        <h2>{t("file.quote")}</h2>
        <p className="muted">{t(`procedure.channel_${channel}`)}</p>
        <p data-testid="fee-total">
          {quote.data === undefined || quote.data === null ? "—" : formatMoney(quote.data.total, i18n.language)}
        </p>
        <button type="submit" disabled={busy}>
          {t("file.submit")}
        </button>
      </form>
    </section>
  )
}

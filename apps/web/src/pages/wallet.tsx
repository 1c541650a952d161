// The citizen's e-wallet (kho dữ liệu điện tử): the papers they keep and the results of their dossiers, each with its
// type, validity and the dossier it came from; a paper added (PDF, JPEG or PNG, with its type and validity),
// downloaded or deleted. Filing takes papers from here instead of uploads (file.tsx, WalletPick).
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api, type Schemas } from "../api/client.ts"
import { fileNameOf, saveBlob } from "../download.ts"
import { formatInstant } from "../format.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"
import { today, useWallet } from "./wallet-pick.tsx"

type Entry = Schemas["WalletEntry"]

export default function WalletPage() {
  const { t } = useTranslation()
  const me = useMe()
  const ownerId = me.isCitizen ? me.principal?.id : undefined
  const wallet = useWallet(ownerId)
  const [done, setDone] = useState<string>()
  if (!me.isCitizen)
    return (
      <section aria-labelledby="wallet-heading">
        <h1 id="wallet-heading">{t("citizen.wallet.heading")}</h1>
        <p>
          <Link to="/dang-nhap?tiep=/ca-nhan/kho-du-lieu">{t("nav.signIn")}</Link>
        </p>
      </section>
    )
  return (
    <section aria-labelledby="wallet-heading">
      <h1 id="wallet-heading">{t("citizen.wallet.heading")}</h1>
      <p>{t("citizen.wallet.intro")}</p>
      <p role="status" className="done">
        {done}
      </p>
      {wallet.isPending && <Loading />}
      {wallet.isError && <ErrorNote error={wallet.error} />}
      {wallet.data !== undefined && <WalletTable ownerId={ownerId ?? ""} entries={wallet.data} onDone={setDone} />}
      <AddPaper onDone={setDone} />
    </section>
  )
}

function Validity({ entry }: { entry: Entry }) {
  const { t } = useTranslation()
  if (entry.validFrom === undefined && entry.validUntil === undefined) return <>{t("citizen.wallet.noValidity")}</>
  const expired = entry.validUntil !== undefined && entry.validUntil < today()
  return (
    <>
      {entry.validFrom !== undefined && t("citizen.wallet.validFrom", { from: entry.validFrom })}{" "}
      {entry.validUntil !== undefined && t("citizen.wallet.validUntil", { until: entry.validUntil })}
      {expired && (
        <>
          {" "}
          <strong className="due-late">{t("citizen.wallet.expired")}</strong>
        </>
      )}
    </>
  )
}

function WalletTable({
  ownerId,
  entries,
  onDone,
}: {
  ownerId: string
  entries: ReadonlyArray<Entry>
  onDone: (text: string) => void
}) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [error, setError] = useState<unknown>()
  const download = async (entry: Entry) => {
    setError(undefined)
    const { data, error, response } = await api.GET("/api/v1/wallets/{ownerId}/entries/{entryId}", {
      params: { path: { ownerId, entryId: entry.id } },
      parseAs: "blob",
    })
    if (error !== undefined || data === undefined) return setError(error ?? "download failed")
    saveBlob(data as Blob, fileNameOf(response, entry.id))
  }
  const remove = useMutation({
    mutationFn: async (entry: Entry) => {
      const { error } = await api.POST("/api/v1/me/wallet/{entryId}/delete", {
        params: { path: { entryId: entry.id } },
      })
      if (error !== undefined) throw error
      return entry
    },
    onSuccess: async (entry) => {
      onDone(t("citizen.wallet.deleted", { name: entry.name }))
      await client.invalidateQueries({ queryKey: ["wallet"] })
    },
  })
  if (entries.length === 0) return <p>{t("citizen.wallet.empty")}</p>
  return (
    <>
      {error !== undefined && <ErrorNote error={error} />}
      {remove.isError && <ErrorNote error={remove.error} />}
      <table data-testid="wallet">
        <caption>{t("citizen.wallet.caption", { count: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("citizen.wallet.name")}</th>
            <th scope="col">{t("citizen.wallet.type")}</th>
            <th scope="col">{t("citizen.wallet.kind")}</th>
            <th scope="col">{t("citizen.wallet.validity")}</th>
            <th scope="col">{t("citizen.wallet.dossier")}</th>
            <th scope="col">{t("citizen.wallet.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                {entry.name}
                <br />
                <span className="muted">
                  {formatInstant(entry.createdAt, i18n.language)} · {Math.ceil(entry.size / 1024)} KB
                </span>
              </th>
              <td>{entry.documentType}</td>
              <td>{entry.kind === "result" ? t("citizen.wallet.kindResult") : t("citizen.wallet.kindPaper")}</td>
              <td>
                <Validity entry={entry} />
              </td>
              <td>
                {entry.dossierCode === undefined ? (
                  "—"
                ) : (
                  <Link to={`/ho-so/${encodeURIComponent(entry.dossierCode)}`}>{entry.dossierCode}</Link>
                )}
              </td>
              <td>
                <button type="button" className="link" onClick={() => download(entry)}>
                  {t("citizen.wallet.download", { name: entry.name })}
                </button>
                {entry.kind === "paper" && (
                  <button
                    type="button"
                    className="link danger"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t("citizen.wallet.confirmDelete", { name: entry.name }))) remove.mutate(entry)
                    }}
                  >
                    {t("citizen.wallet.delete", { name: entry.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

function AddPaper({ onDone }: { onDone: (text: string) => void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [file, setFile] = useState<File>()
  const [form, setForm] = useState({ documentType: "", name: "", validFrom: "", validUntil: "" })
  const [formKey, setFormKey] = useState(0)
  const save = useMutation({
    mutationFn: async () => {
      if (file === undefined) throw new Error(t("citizen.wallet.file"))
      const { data, error } = await api.POST("/api/v1/me/wallet", {
        params: {
          query: {
            documentType: form.documentType.trim(),
            name: form.name.trim(),
            ...(form.validFrom === "" ? {} : { validFrom: form.validFrom }),
            ...(form.validUntil === "" ? {} : { validUntil: form.validUntil }),
          },
        },
        body: file as unknown as never,
        bodySerializer: (body: unknown) => body as BodyInit,
        headers: { "content-type": file.type },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: async (entry) => {
      onDone(t("citizen.wallet.saved", { name: entry.name }))
      setForm({ documentType: "", name: "", validFrom: "", validUntil: "" })
      setFile(undefined)
      setFormKey((k) => k + 1)
      await client.invalidateQueries({ queryKey: ["wallet"] })
    },
  })
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  return (
    <form key={formKey} onSubmit={submit} className="panel" aria-labelledby="wallet-add-heading">
      <h2 id="wallet-add-heading">{t("citizen.wallet.add")}</h2>
      {save.isError && <ErrorNote error={save.error} />}
      <label htmlFor="wallet-file">{t("citizen.wallet.file")}</label>
      <input
        id="wallet-file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        required
        onChange={(e) => setFile(e.target.files?.[0])}
      />
      <label htmlFor="wallet-name">{t("citizen.wallet.docName")}</label>
      <input id="wallet-name" value={form.name} onChange={set("name")} required maxLength={300} />
      <label htmlFor="wallet-type">{t("citizen.wallet.documentType")}</label>
      <input id="wallet-type" value={form.documentType} onChange={set("documentType")} required maxLength={100} />
      <div className="columns">
        <div>
          <label htmlFor="wallet-from">{t("citizen.wallet.from")}</label>
          <input id="wallet-from" type="date" value={form.validFrom} onChange={set("validFrom")} />
        </div>
        <div>
          <label htmlFor="wallet-until">{t("citizen.wallet.until")}</label>
          <input id="wallet-until" type="date" value={form.validUntil} onChange={set("validUntil")} />
        </div>
      </div>
      <button type="submit" disabled={save.isPending}>
        {t("citizen.wallet.save")}
      </button>
    </form>
  )
}

// The e-wallet as the filing page uses it: the signed-in citizen's entries, and the choice, for one document of the
// procedure, of a paper from the wallet instead of an upload (the filing's `fromWallet`). Papers of the document's
// own type come first; expired ones are not offered.
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { api, type Schemas } from "../api/client.ts"

type Entry = Schemas["WalletEntry"]

/** Today in Vietnam as YYYY-MM-DD: the day validity dates are compared with. */
export const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)

/** The signed-in citizen's wallet, newest first. */
export function useWallet(ownerId: string | undefined) {
  return useQuery({
    queryKey: ["wallet", ownerId],
    enabled: ownerId !== undefined,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/wallets/{ownerId}", {
        params: { path: { ownerId: ownerId ?? "" } },
      })
      if (error !== undefined) throw error
      return data.items
    },
  })
}

export function WalletPick({
  documentId,
  documentName,
  entries,
  value,
  onChange,
}: {
  documentId: string
  documentName: string
  entries: ReadonlyArray<Entry>
  value: string
  onChange: (entryId: string) => void
}) {
  const { t } = useTranslation()
  const usable = entries.filter((e) => e.validUntil === undefined || e.validUntil >= today())
  if (usable.length === 0) return null
  const matching = usable.filter((e) => e.documentType === documentId)
  const others = usable.filter((e) => e.documentType !== documentId)
  const id = `wallet-${documentId}`
  return (
    <div className="wallet-pick">
      <label htmlFor={id}>{t("citizen.wallet.pick", { name: documentName })}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("citizen.wallet.pickNone")}</option>
        {[...matching, ...others].map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
            {e.documentType === documentId ? ` (${t("citizen.wallet.pickMatches")})` : ""}
            {e.validUntil === undefined ? "" : ` — ${t("citizen.wallet.validUntil", { until: e.validUntil })}`}
          </option>
        ))}
      </select>
    </div>
  )
}

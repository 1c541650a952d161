// Home pick-up and delivery by post for a dossier: its orders (status, tracking number, charge, who received it)
// and a form to ask for one, for the citizen and the counter officer or post-office agent handling it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../api/client.ts"
import { formatInstant, formatMoney } from "../format.ts"
import { ErrorNote } from "../ui.tsx"

const PROVINCE = "22"

export function PostalOrders({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [form, setForm] = useState({ kind: "delivery", recipientName: "", phone: "", line: "" })
  const orders = useQuery({
    queryKey: ["postal-orders", code],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/dossiers/{code}/postal-orders", { params: { path: { code } } })
      if (error !== undefined) throw error
      return data
    },
  })
  const request = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/dossiers/{code}/postal-orders", {
        params: { path: { code } },
        body: {
          kind: form.kind as "pickup" | "delivery",
          address: { recipientName: form.recipientName, phone: form.phone, line: form.line, provinceCode: PROVINCE },
        },
      })
      if (error !== undefined) throw error
      return data
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["postal-orders", code] }),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    request.mutate()
  }
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value })
  return (
    <section aria-labelledby="postal-heading">
      <h2 id="postal-heading">{t("postal.heading")}</h2>
      {orders.isError && <ErrorNote error={orders.error} />}
      {orders.data !== undefined && orders.data.items.length > 0 && (
        <ul className="plain" data-testid="postal-orders">
          {orders.data.items.map((o) => (
            <li key={o.id}>
              {t(o.kind === "pickup" ? "postal.pickup" : "postal.delivery")} · {o.status} · {o.trackingNumber ?? "—"} ·{" "}
              {formatMoney(o.charge, i18n.language)}
              {o.handover !== undefined &&
                ` · ${t("postal.receivedBy", { name: o.handover.receivedBy, at: formatInstant(o.handover.at, i18n.language) })}`}
            </li>
          ))}
        </ul>
      )}
      <details className="action">
        <summary>{t("postal.request")}</summary>
        <form onSubmit={submit}>
          <label htmlFor="postal-kind">{t("postal.kind")}</label>
          <select id="postal-kind" value={form.kind} onChange={set("kind")}>
            <option value="delivery">{t("postal.delivery")}</option>
            <option value="pickup">{t("postal.pickup")}</option>
          </select>
          <label htmlFor="postal-name">{t("file.name")}</label>
          <input id="postal-name" value={form.recipientName} onChange={set("recipientName")} required />
          <label htmlFor="postal-phone">{t("file.phone")}</label>
          <input id="postal-phone" value={form.phone} onChange={set("phone")} required inputMode="tel" />
          <label htmlFor="postal-line">{t("file.address")}</label>
          <input id="postal-line" value={form.line} onChange={set("line")} required />
          <button type="submit" disabled={request.isPending}>
            {t("postal.request")}
          </button>
          {request.isError && <ErrorNote error={request.error} title={t("dossier.refused")} />}
          {request.isSuccess && <p role="status">{t("postal.requested")}</p>}
        </form>
      </details>
    </section>
  )
}

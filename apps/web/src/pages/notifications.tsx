// The citizen's notification channels, in order of preference (GET/POST /api/v1/me/notification-channels): every
// later notice tries them in that order, skipping those without an address on the dossier. Each dossier's notices
// and their delivery status are on the dossier's page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { type FormEvent, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router"
import { api } from "../api/client.ts"
import { useMe } from "../session.tsx"
import { ErrorNote, Loading } from "../ui.tsx"
import { NOTICE_CHANNELS } from "./dossier-citizen.tsx"

type Channel = (typeof NOTICE_CHANNELS)[number]

export default function NotificationsPage() {
  const { t } = useTranslation()
  const me = useMe()
  const client = useQueryClient()
  const [chosen, setChosen] = useState<Channel[]>([])
  const [saved, setSaved] = useState(false)
  const current = useQuery({
    queryKey: ["notification-channels"],
    enabled: me.isCitizen,
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/me/notification-channels")
      if (error !== undefined) throw error
      return data.channels
    },
  })
  useEffect(() => {
    if (current.data !== undefined) setChosen([...current.data])
  }, [current.data])
  const save = useMutation({
    mutationFn: async () => {
      const { data, error } = await api.POST("/api/v1/me/notification-channels", { body: { channels: chosen } })
      if (error !== undefined) throw error
      return data.channels
    },
    onSuccess: async () => {
      setSaved(true)
      await client.invalidateQueries({ queryKey: ["notification-channels"] })
    },
  })
  const change = (next: Channel[]) => {
    setChosen(next)
    setSaved(false)
  }
  const name = (c: Channel) => t(`citizen.notices.channel_${c}`)
  if (!me.isCitizen)
    return (
      <section aria-labelledby="channels-heading">
        <h1 id="channels-heading">{t("citizen.channels.heading")}</h1>
        <p>
          <Link to="/dang-nhap?tiep=/ca-nhan/thong-bao">{t("nav.signIn")}</Link>
        </p>
      </section>
    )
  if (current.isPending) return <Loading />
  if (current.isError) return <ErrorNote error={current.error} />
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  const available = NOTICE_CHANNELS.filter((c) => !chosen.includes(c))
  return (
    <section aria-labelledby="channels-heading">
      <h1 id="channels-heading">{t("citizen.channels.heading")}</h1>
      <p>{t("citizen.channels.intro")}</p>
      <form onSubmit={submit} className="panel">
        <h2>{t("citizen.channels.chosen")}</h2>
        {chosen.length === 0 ? (
          <p>{t("citizen.channels.none")}</p>
        ) : (
          <ol data-testid="chosen-channels">
            {chosen.map((c, i) => (
              <li key={c}>
                <span className="channel-name">{name(c)}</span>{" "}
                {i > 0 && (
                  <button
                    type="button"
                    className="link"
                    aria-label={t("citizen.channels.up", { channel: name(c) })}
                    onClick={() =>
                      change([...chosen.slice(0, i - 1), c, chosen[i - 1] as Channel, ...chosen.slice(i + 1)])
                    }
                  >
                    ↑
                  </button>
                )}{" "}
                <button
                  type="button"
                  className="link"
                  aria-label={t("citizen.channels.remove", { channel: name(c) })}
                  onClick={() => change(chosen.filter((x) => x !== c))}
                >
                  ✕
                </button>
              </li>
            ))}
          </ol>
        )}
        {available.length > 0 && (
          <>
            <h2>{t("citizen.channels.available")}</h2>
            <ul className="plain inline">
              {available.map((c) => (
                <li key={c}>
                  <button type="button" className="secondary" onClick={() => change([...chosen, c])}>
                    {t("citizen.channels.add", { channel: name(c) })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="submit" disabled={save.isPending}>
          {t("citizen.channels.save")}
        </button>
        {save.isError && <ErrorNote error={save.error} />}
        <p role="status" className="done">
          {saved ? t("citizen.channels.saved") : ""}
        </p>
      </form>
      <p>
        {t("citizen.channels.dossiers")} <Link to="/ca-nhan/ho-so">{t("nav.myDossiers")}</Link>
      </p>
    </section>
  )
}

// The citizen's home: find a procedure by words (with or without diacritics: the API folds them) and level.
import { useQuery } from "@tanstack/react-query"
import { type FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router"
import { api } from "../api/client.ts"
import { ErrorNote, Loading } from "../ui.tsx"

export function SearchPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const q = params.get("q") ?? ""
  const level = params.get("level") ?? ""
  const [text, setText] = useState(q)
  const results = useQuery({
    queryKey: ["procedures", q, level],
    queryFn: async () => {
      const { data, error } = await api.GET("/api/v1/procedures", {
        params: {
          query: {
            ...(q === "" ? {} : { q }),
            ...(level === "province" || level === "commune" ? { level } : {}),
          },
        },
      })
      if (error !== undefined) throw error
      return data
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const next = new URLSearchParams()
    if (text.trim() !== "") next.set("q", text.trim())
    if (level !== "") next.set("level", level)
    setParams(next)
  }
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">{t("search.heading")}</h1>
      <search>
        <form className="search" onSubmit={submit}>
          <label htmlFor="q">{t("search.label")}</label>
          <input
            id="q"
            name="q"
            type="search"
            value={text}
            placeholder={t("search.placeholder")}
            onChange={(e) => setText(e.target.value)}
          />
          <label htmlFor="level">{t("search.level")}</label>
          <select
            id="level"
            value={level}
            onChange={(e) => {
              const next = new URLSearchParams(params)
              if (e.target.value === "") next.delete("level")
              else next.set("level", e.target.value)
              setParams(next)
            }}
          >
            <option value="">{t("search.anyLevel")}</option>
            <option value="province">{t("search.province")}</option>
            <option value="commune">{t("search.commune")}</option>
          </select>
          <button type="submit">{t("search.submit")}</button>
        </form>
      </search>
      {results.isPending && <Loading />}
      {results.isError && <ErrorNote error={results.error} />}
      {results.data !== undefined && (
        <>
          <p role="status">{t("search.results", { count: results.data.total })}</p>
          {results.data.items.length === 0 && <p>{t("search.none")}</p>}
          <ul className="cards">
            {results.data.items.map((p) => (
              <li key={p.code} className="card">
                <Link to={`/thu-tuc/${p.code}`}>
                  <strong>{i18n.language === "en" && p.nameEn ? p.nameEn : p.name}</strong>
                </Link>
                <span className="muted">
                  {p.code} · {i18n.language === "en" && p.field.nameEn ? p.field.nameEn : p.field.name}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

// DATABASE_URL, read once for every app (the API's runtime, the CLI) and the storage layer: `postgres://` or
// `postgresql://` → PostgreSQL; `sqlite:<path>`, `sqlite://<path>` or a plain path → SQLite, with
// `?synchronous=NORMAL|FULL` (default FULL). A relative SQLite path is resolved against `cwd` when one is given.
import { resolve } from "node:path"

export type DatabaseTarget =
  | { readonly dialect: "sqlite"; readonly file: string; readonly synchronous: "NORMAL" | "FULL" }
  | { readonly dialect: "postgres"; readonly url: string }

/** A DATABASE_URL that names no usable database; the message says what is wrong (Vietnamese, then English). */
export class DatabaseUrlError extends Error {}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)

export function parseDatabaseUrl(url: string, cwd?: string): DatabaseTarget {
  if (isPostgresUrl(url)) return { dialect: "postgres", url }
  const [path = "", query = ""] = url.replace(/^sqlite:(\/\/)?/, "").split("?")
  if (path === "") throw new DatabaseUrlError(`DATABASE_URL thiếu đường dẫn tệp SQLite (no SQLite file path): "${url}"`)
  const synchronous = (new URLSearchParams(query).get("synchronous") ?? "FULL").toUpperCase()
  if (synchronous !== "NORMAL" && synchronous !== "FULL") {
    throw new DatabaseUrlError(
      `synchronous phải là NORMAL hoặc FULL (must be NORMAL or FULL), nhận "${synchronous}" (in ${url})`,
    )
  }
  const file = path === ":memory:" || cwd === undefined ? path : resolve(cwd, path)
  return { dialect: "sqlite", file, synchronous }
}

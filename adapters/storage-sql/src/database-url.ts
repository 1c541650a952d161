// DATABASE_URL, read once for every app (the API's runtime, the CLI) and the storage layer: `postgres://` or
// `postgresql://` → PostgreSQL; `sqlite:<path>`, `sqlite://<path>` or a plain path → SQLite, with
// `?synchronous=NORMAL|FULL` (default FULL) and `?cache_kib=<page cache in KiB, 256…4194304>` (sqlite.ts; the API
// server's default is smaller than SQLite's). A relative SQLite path is resolved against `cwd` when one is given.
// Either dialect, to commit concurrent operations together: `?group_commit=<most operations per batch, 2…10000>`
// with `&group_commit_wait_ms=<longest wait, 0…1000, default 0: the next turn of the event loop>` (group-commit.ts).
import { resolve } from "node:path"
import { checkGroupCommit, type GroupCommit } from "./group-commit.ts"
import { checkCacheKib } from "./sqlite.ts"

export type DatabaseTarget =
  | {
      readonly dialect: "sqlite"
      readonly file: string
      readonly synchronous: "NORMAL" | "FULL"
      readonly groupCommit?: GroupCommit
      /** The page cache in KiB (`?cache_kib=`), when the URL names one. */
      readonly cacheKib?: number
    }
  | { readonly dialect: "postgres"; readonly url: string; readonly groupCommit?: GroupCommit }

/**
 * The wait of a batch when the URL names none: 0, the next turn of the event loop — what concurrent requests ran in
 * this turn commit together, and a lone request waits for nothing (bench/group-commit.bench.ts: 1 client at 0.99×
 * the one-COMMIT-each rate with 0 ms, 0.66× with 2 ms; 32 clients at 4.2× with either).
 */
export const DEFAULT_GROUP_COMMIT_WAIT_MS = 0

/** A DATABASE_URL that names no usable database; the message says what is wrong (Vietnamese, then English). */
export class DatabaseUrlError extends Error {}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)

export function parseDatabaseUrl(url: string, cwd?: string): DatabaseTarget {
  if (isPostgresUrl(url)) return postgresTarget(url)
  const [path = "", query = ""] = url.replace(/^sqlite:(\/\/)?/, "").split("?")
  if (path === "") throw new DatabaseUrlError(`DATABASE_URL thiếu đường dẫn tệp SQLite (no SQLite file path): "${url}"`)
  const params = new URLSearchParams(query)
  const synchronous = (params.get("synchronous") ?? "FULL").toUpperCase()
  if (synchronous !== "NORMAL" && synchronous !== "FULL") {
    throw new DatabaseUrlError(
      `synchronous phải là NORMAL hoặc FULL (must be NORMAL or FULL), nhận "${synchronous}" (in ${url})`,
    )
  }
  const file = path === ":memory:" || cwd === undefined ? path : resolve(cwd, path)
  const cacheText = params.get("cache_kib")
  let cache: { cacheKib?: number } = {}
  if (cacheText !== null)
    try {
      cache = { cacheKib: checkCacheKib(/^\d+$/.test(cacheText) ? Number(cacheText) : Number.NaN) }
    } catch (error) {
      throw new DatabaseUrlError(`${(error as Error).message.replace(/"NaN"$/, `"${cacheText}"`)} (in ${url})`)
    }
  const groupCommit = groupCommitOf(params, url)
  return { dialect: "sqlite", file, synchronous, ...(groupCommit === undefined ? {} : { groupCommit }), ...cache }
}

/** `?group_commit=…&group_commit_wait_ms=…` (either dialect), checked; undefined when the URL names none. */
function groupCommitOf(params: URLSearchParams, url: string): GroupCommit | undefined {
  const batch = params.get("group_commit")
  const wait = params.get("group_commit_wait_ms")
  if (batch === null) {
    if (wait !== null) {
      throw new DatabaseUrlError(`group_commit_wait_ms cần group_commit (needs group_commit) (in ${url})`)
    }
    return undefined
  }
  const number = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN)
  try {
    return checkGroupCommit({
      maxBatch: number(batch),
      maxWaitMs: wait === null ? DEFAULT_GROUP_COMMIT_WAIT_MS : number(wait),
    })
  } catch (error) {
    throw new DatabaseUrlError(`${(error as Error).message} (in ${url})`)
  }
}

/**
 * A PostgreSQL URL's group-commit parameters, taken out of the URL handed to the driver (node-postgres would send
 * unknown parameters to the server, which refuses them).
 */
function postgresTarget(url: string): DatabaseTarget {
  // any other URL goes to the driver as written
  if (!/[?&]group_commit/.test(url)) return { dialect: "postgres", url }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DatabaseUrlError(`DATABASE_URL không đọc được (cannot be read as a URL): "${url}"`)
  }
  const groupCommit = groupCommitOf(parsed.searchParams, url)
  if (groupCommit === undefined) return { dialect: "postgres", url }
  parsed.searchParams.delete("group_commit")
  parsed.searchParams.delete("group_commit_wait_ms")
  return { dialect: "postgres", url: parsed.toString(), groupCommit }
}

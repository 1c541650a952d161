// Reading the data files. Every failure (missing file, broken JSON, invalid entry) becomes a `DecodeError` whose
// problems are prefixed with the file's name, so that province IT sees at once which file and which entry to fix,
// e.g. `data/procedures/land.json: procedures[3].fees[0].amount: Expected …`.
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { DecodeError, type Problem } from "@motcua/domain"
import { Result } from "effect"

/** The package's own data directory (`packages/catalog-quangninh/data`). */
export const DATA_DIR: string = join(import.meta.dirname, "..", "data")

/** How a file is named in error messages: relative to the data directory, as `data/<file>`. */
export const displayName = (relativePath: string): string => `data/${relativePath.split("\\").join("/")}`

/** Problems of one file, each path prefixed with the file's display name. */
export const inFile = (file: string, problems: ReadonlyArray<Problem>): Problem[] =>
  problems.map((p) => ({ path: p.path === "" ? file : `${file}: ${p.path}`, message: p.message }))

/** Reads and parses one JSON file of the data directory. */
export function readJson(dataDir: string, relativePath: string): Result.Result<unknown, DecodeError> {
  const file = displayName(relativePath)
  let text: string
  try {
    text = readFileSync(join(dataDir, relativePath), "utf8")
  } catch (cause) {
    const code = (cause as { code?: unknown }).code
    const message = code === "ENOENT" ? "không tìm thấy tệp (file not found)" : `không đọc được tệp: ${String(cause)}`
    return Result.fail(new DecodeError({ what: file, problems: [{ path: file, message }] }))
  }
  try {
    return Result.succeed(JSON.parse(text) as unknown)
  } catch (cause) {
    const message = `không phải JSON hợp lệ (invalid JSON): ${cause instanceof Error ? cause.message : String(cause)}`
    return Result.fail(new DecodeError({ what: file, problems: [{ path: file, message }] }))
  }
}

/** The `.json` files of a sub-directory of the data directory, sorted by name (relative paths). */
export function listJson(dataDir: string, subDir: string): string[] {
  return readdirSync(join(dataDir, subDir))
    .filter((name) => name.endsWith(".json"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${subDir}/${name}`)
}

/** Every problem of the failed results among `results`. */
export const failedProblems = (results: ReadonlyArray<Result.Result<unknown, DecodeError>>): Problem[] =>
  results.flatMap((r) => (Result.isFailure(r) ? r.failure.problems : []))

// The deployment catalogue as files: a folder in the layout of @motcua/catalog-quangninh's data/ (units.json,
// agencies.json, centres.json, holidays.json, procedures/*.json), or one JSON bundle holding those files, which is
// what `catalogue export` writes and `catalogue import` reads:
//   { "format": "motcua-catalogue", "version": 1, "files": { "units.json": {…}, "procedures/land.json": […], … } }
// Files are kept whole (notes and file split included), so export → import → export gives the same bytes. Either
// form is checked by the same loader (loadQuangNinh), and every problem is reported with its file and path.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs"
import { tmpdir } from "node:os"
import { basename, dirname, join, relative } from "node:path"
import { checkQuangNinh, loadQuangNinh, type QuangNinhData, type QuangNinhSummary } from "@motcua/catalog-quangninh"
import type { Problem } from "@motcua/domain"
import { Result } from "effect"
import { BundleSyntaxError, scanBundle } from "./bundle-stream.ts"

export const BUNDLE_FORMAT = "motcua-catalogue"
export const BUNDLE_VERSION = 1

export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT
  readonly version: typeof BUNDLE_VERSION
  readonly files: Readonly<Record<string, unknown>>
}

/** File names a catalogue may hold: the three jurisdiction files, the optional holidays, procedure files. */
const FILE_NAME = /^(units|agencies|centres|holidays)\.json$|^procedures\/[A-Za-z0-9][\w.-]*\.json$/

export type Checked =
  | { readonly ok: true; readonly data: QuangNinhData; readonly files: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

/** The names of a catalogue folder's files, relative (`procedures/land.json`), in name order. */
function folderNames(dir: string): string[] {
  const names = ["units.json", "agencies.json", "centres.json", "holidays.json"].filter((n) => existsSync(join(dir, n)))
  const proceduresDir = join(dir, "procedures")
  if (existsSync(proceduresDir)) {
    names.push(
      ...readdirSync(proceduresDir)
        .filter((n) => n.endsWith(".json"))
        .sort()
        .map((n) => `procedures/${n}`),
    )
  }
  return names
}

/** Parses the file `name` of a catalogue folder: its content, or the problem (its path: the name). */
function readFolderFile(dir: string, name: string): { value: unknown } | { problem: Problem } {
  try {
    return { value: JSON.parse(readFileSync(join(dir, name), "utf8")) }
  } catch (error) {
    return { problem: { path: name, message: `không phải JSON hợp lệ (invalid JSON): ${(error as Error).message}` } }
  }
}

/** The files of a catalogue folder, parsed, by relative name (`procedures/land.json`), in name order. */
function readFolder(dir: string): { files: Record<string, unknown>; problems: Problem[] } {
  const files: Record<string, unknown> = {}
  const problems: Problem[] = []
  for (const name of folderNames(dir)) {
    const read = readFolderFile(dir, name)
    if ("problem" in read) problems.push(read.problem)
    else files[name] = read.value
  }
  return { files, problems }
}

/** Writes one file of a catalogue (2-space JSON, a newline at the end, as the sample's). */
function writeCatalogueFile(dir: string, name: string, content: unknown): void {
  writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`)
}

/** Writes the files of a catalogue into an empty folder. */
function writeFolder(dir: string, files: Readonly<Record<string, unknown>>): void {
  mkdirSync(join(dir, "procedures"), { recursive: true })
  for (const [name, content] of Object.entries(files)) writeCatalogueFile(dir, name, content)
}

const FILES_SHAPE = "phải là đối tượng tên tệp → nội dung (must map file names to contents)"

/** The problems of a bundle's format and version fields. */
function headerProblems(format: unknown, version: unknown): Problem[] {
  const out: Problem[] = []
  if (format !== BUNDLE_FORMAT)
    out.push({ path: "format", message: `phải là "${BUNDLE_FORMAT}" (must be "${BUNDLE_FORMAT}")` })
  if (version !== BUNDLE_VERSION)
    out.push({ path: "version", message: `phải là ${BUNDLE_VERSION} (must be ${BUNDLE_VERSION})` })
  return out
}

/** The problem of a file name a bundle may not hold (any other name could be written outside the folder). */
const fileNameProblem = (name: string): Problem | undefined =>
  FILE_NAME.test(name)
    ? undefined
    : {
        path: `files[${JSON.stringify(name)}]`,
        message:
          "tên tệp không hợp lệ: units.json, agencies.json, centres.json, holidays.json hoặc procedures/<tên>.json (unexpected file name)",
      }

/** Checks a bundle's outer shape; problems are given with their path inside the bundle. */
function bundleProblems(input: unknown): Problem[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return [{ path: "", message: "phải là đối tượng JSON (must be a JSON object)" }]
  }
  const b = input as Record<string, unknown>
  const out = headerProblems(b.format, b.version)
  if (typeof b.files !== "object" || b.files === null || Array.isArray(b.files)) {
    out.push({ path: "files", message: FILES_SHAPE })
    return out
  }
  for (const name of Object.keys(b.files)) {
    const problem = fileNameProblem(name)
    if (problem !== undefined) out.push(problem)
  }
  return out
}

/**
 * Decodes files with the catalogue loader: they are written to a temporary folder and read back by loadQuangNinh, so
 * that a bundle and a folder are checked by exactly the same rules. `where` turns the loader's `data/<file>` into
 * how the caller names that file.
 */
function check(files: Readonly<Record<string, unknown>>, where: (file: string) => string): Checked {
  const temp = mkdtempSync(join(tmpdir(), "motcua-catalogue-"))
  try {
    writeFolder(temp, files)
    const loaded = loadWritten(temp, where)
    return loaded.ok ? { ...loaded, files } : loaded
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** A loader's problems, each `data/<file>` named as `where` says. */
const named = (problems: ReadonlyArray<Problem>, where: (file: string) => string): Problem[] =>
  problems.map((p) => ({
    path: p.path.replace(/^data\/([^:]+)/, (_, file: string) => where(file)),
    message: p.message,
  }))

/** Loads a folder a catalogue was written to with the catalogue loader, its problems named as `where` says. */
function loadWritten(
  dir: string,
  where: (file: string) => string,
): { readonly ok: true; readonly data: QuangNinhData } | { readonly ok: false; readonly problems: Problem[] } {
  const loaded = loadQuangNinh(dir)
  return Result.isSuccess(loaded)
    ? { ok: true, data: loaded.success }
    : { ok: false, problems: named(loaded.failure.problems, where) }
}

/** Reads and checks a catalogue from a folder or a bundle file; `display` is how the source is named in problems. */
export function readCatalogue(source: string, display: string): Checked {
  if (!existsSync(source)) return { ok: false, problems: [{ path: display, message: "không tìm thấy (not found)" }] }
  if (statSync(source).isDirectory()) {
    const { files, problems } = readFolder(source)
    const inFolder = (file: string) => join(display, file)
    if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ ...p, path: inFolder(p.path) })) }
    return check(files, inFolder)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(source, "utf8"))
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: display, message: `không phải JSON hợp lệ (invalid JSON): ${(error as Error).message}` }],
    }
  }
  const shape = bundleProblems(parsed)
  if (shape.length > 0) {
    return {
      ok: false,
      problems: shape.map((p) => ({ ...p, path: p.path === "" ? display : `${display}: ${p.path}` })),
    }
  }
  return check((parsed as Bundle).files, (file) => `${display} › files["${file}"]`)
}

/** The bundle of a folder's files, as export writes it. */
export function bundleOf(files: Readonly<Record<string, unknown>>): Bundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, files }
}

/**
 * Replaces the catalogue folder `target` by `files`: written next to it first, then swapped in by renames, the
 * previous one kept as `<target>.previous` (one level of undo). A crash leaves either the old or the new folder.
 */
export function installCatalogue(target: string, files: Readonly<Record<string, unknown>>): void {
  const staging = stagingFor(target)
  writeFolder(staging, files)
  swapIn(staging, target)
}

/** An empty folder beside `target` to write a catalogue into before it replaces `target`. */
function stagingFor(target: string): string {
  const parent = dirname(target)
  mkdirSync(parent, { recursive: true })
  const staging = join(parent, `.${basename(target)}.new-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(join(staging, "procedures"), { recursive: true })
  return staging
}

/** Puts the written `staging` folder in the place of `target`, the previous one kept as `<target>.previous`. */
function swapIn(staging: string, target: string): void {
  const previous = `${target}.previous`
  if (existsSync(target)) {
    rmSync(previous, { recursive: true, force: true })
    renameSync(target, previous)
  }
  renameSync(staging, target)
}

export type Imported =
  | { readonly ok: true; readonly summary: QuangNinhSummary }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

/**
 * `catalogue import`: reads a catalogue from a folder or a bundle file one file at a time, writing each into a folder
 * beside `target` as it goes (a bundle through scanBundle: never its whole text nor its whole parsed tree in memory),
 * then checks that folder with the catalogue loader one procedures file at a time (checkQuangNinh: the same rules as
 * readCatalogue, the problems named the same way, without holding the catalogue) and only then puts it in the place
 * of `target` (installCatalogue's renames). Nothing is replaced when there is a problem. What stays in memory is one
 * file at a time and each version's validity period (docs/performance.md, "Memory").
 */
export function importCatalogue(source: string, display: string, target: string): Imported {
  if (!existsSync(source)) return { ok: false, problems: [{ path: display, message: "không tìm thấy (not found)" }] }
  const staging = stagingFor(target)
  try {
    const outcome = statSync(source).isDirectory()
      ? stageFolder(source, display, staging)
      : stageBundle(source, display, staging)
    if (!outcome.ok) return outcome
    const checked = checkQuangNinh(staging)
    if (Result.isFailure(checked)) return { ok: false, problems: named(checked.failure.problems, outcome.where) }
    swapIn(staging, target)
    return { ok: true, summary: checked.success }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

type Staged = { readonly ok: true; readonly where: (file: string) => string } | Extract<Imported, { ok: false }>

function stageFolder(source: string, display: string, staging: string): Staged {
  const inFolder = (file: string) => join(display, file)
  const problems: Problem[] = []
  for (const name of folderNames(source)) {
    const read = readFolderFile(source, name)
    if ("problem" in read) problems.push({ ...read.problem, path: inFolder(read.problem.path) })
    else writeCatalogueFile(staging, name, read.value)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, where: inFolder }
}

function stageBundle(source: string, display: string, staging: string): Staged {
  const inBundle = (path: string) => (path === "" ? display : `${display}: ${path}`)
  const header: Record<string, unknown> = {}
  const problems: Problem[] = []
  const seen = new Set<string>()
  try {
    const { sawFiles } = scanBundle(
      source,
      (name, value) => {
        header[name] = value
      },
      (name, value) => {
        const twice = seen.has(name)
          ? { path: `files[${JSON.stringify(name)}]`, message: "tệp có hai lần (file given twice)" }
          : undefined
        const problem = fileNameProblem(name) ?? twice
        seen.add(name)
        if (problem !== undefined) problems.push(problem)
        else if (problems.length === 0) writeCatalogueFile(staging, name, value)
      },
    )
    if (!sawFiles) problems.push({ path: "files", message: FILES_SHAPE })
  } catch (error) {
    if (!(error instanceof BundleSyntaxError)) throw error
    return {
      ok: false,
      problems: [{ path: display, message: `không phải JSON hợp lệ (invalid JSON): ${error.message}` }],
    }
  }
  problems.unshift(...headerProblems(header.format, header.version))
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ ...p, path: inBundle(p.path) })) }
  return { ok: true, where: (file) => `${display} › files["${file}"]` }
}

/** Copies a catalogue folder as it is (seed: the sample data into the data folder). */
export function copyCatalogue(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  cpSync(from, to, { recursive: true })
}

/** How a path is shown in messages: relative to the working folder when inside it. */
export function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel === "" ? "." : rel.startsWith("..") ? path : rel
}

// The procedure catalogue from every `data/procedures/*.json` file: each file is a JSON array of Procedure entries
// (one field of procedures per file, so that several people can edit different fields). Files are read in name order
// and concatenated; an invalid entry is reported with its file and its index in that file.
import {
  type Catalogue,
  DecodeError,
  decodeCatalogue,
  overlappingVersionProblem,
  type Problem,
  type Procedure,
  VersionPeriods,
} from "@motcua/domain"
import { Result } from "effect"
import { DATA_DIR, displayName, inFile, listJson, readJson } from "./files.ts"

export const PROCEDURES_DIR = "procedures"

/** Decodes one procedures file (relative to the data directory). */
export function loadProcedureFile(
  relativePath: string,
  dataDir: string = DATA_DIR,
): Result.Result<Catalogue, DecodeError> {
  const file = displayName(relativePath)
  return Result.flatMap(readJson(dataDir, relativePath), (json) =>
    Result.mapError(
      decodeCatalogue(json, file),
      (e) => new DecodeError({ what: file, problems: inFile(file, e.problems) }),
    ),
  )
}

/** Where each file's procedures start in the concatenated catalogue (one entry per file, not per procedure). */
interface FileStart {
  readonly file: string
  readonly offset: number
}

/**
 * Rewrites `procedures[i]` (an index into the concatenated catalogue) as the file and the index inside it, so that a
 * problem found across files (two versions of one code in force on the same day) still points at the lines to edit.
 */
function locateAcrossFiles(files: ReadonlyArray<FileStart>, problem: Problem): Problem {
  const locate = (global: number) => {
    const f = files.findLast((x) => x.offset <= global)
    return f === undefined ? `procedures[${global}]` : `${f.file}: procedures[${global - f.offset}]`
  }
  const rewrite = (text: string) => text.replace(/procedures\[(\d+)\]/g, (_, i: string) => locate(Number(i)))
  return { path: rewrite(problem.path), message: rewrite(problem.message) }
}

const WHAT = "Quảng Ninh procedure catalogue"

/**
 * Every procedures file decoded in file-name order, one file at a time: `onFile` gets each file's procedures and the
 * index of its first in the concatenated catalogue, and may keep them or not. Answers how many procedures there
 * were, or every file's problems, or (when each file is valid) the catalogue-wide rule's, checked on the versions'
 * validity periods alone (VersionPeriods: 16 bytes a version), so that a walk that keeps nothing runs in about
 * the memory of its largest file (docs/performance.md, "Memory").
 */
export function walkCatalogue(
  dataDir: string,
  onFile: (procedures: Catalogue, offset: number) => void,
): Result.Result<number, DecodeError> {
  let paths: string[]
  try {
    paths = listJson(dataDir, PROCEDURES_DIR)
  } catch (cause) {
    const file = displayName(PROCEDURES_DIR)
    return Result.fail(
      new DecodeError({ what: WHAT, problems: [{ path: file, message: `không đọc được thư mục: ${String(cause)}` }] }),
    )
  }
  const problems: Problem[] = []
  const files: FileStart[] = []
  const periods = new VersionPeriods()
  for (const path of paths) {
    const loaded = loadProcedureFile(path, dataDir)
    if (Result.isFailure(loaded)) {
      problems.push(...loaded.failure.problems)
      continue
    }
    if (problems.length > 0) continue // the catalogue-wide rule is checked only on a catalogue whose files are valid
    const offset = periods.count
    files.push({ file: displayName(path), offset })
    for (const p of loaded.success) periods.add(p)
    onFile(loaded.success, offset)
  }
  if (problems.length > 0) return Result.fail(new DecodeError({ what: WHAT, problems }))
  const wide = periods.overlaps().map(({ code, first, second }) => overlappingVersionProblem(code, first, second))
  if (wide.length > 0)
    return Result.fail(new DecodeError({ what: WHAT, problems: wide.map((p) => locateAcrossFiles(files, p)) }))
  return Result.succeed(periods.count)
}

/** Every procedures file decoded and concatenated in file-name order into one catalogue. */
export function loadCatalogue(dataDir: string = DATA_DIR): Result.Result<Catalogue, DecodeError> {
  const catalogue: Procedure[] = []
  return Result.map(
    walkCatalogue(dataDir, (procedures) => {
      for (const p of procedures) catalogue.push(p)
    }),
    () => catalogue,
  )
}

// The procedure catalogue from every `data/procedures/*.json` file: each file is a JSON array of Procedure entries
// (one field of procedures per file, so that several people can edit different fields). Files are read in name order
// and concatenated; an invalid entry is reported with its file and its index in that file.
import { type Catalogue, catalogueWideProblems, DecodeError, decodeCatalogue, type Problem } from "@motcua/domain"
import { Result } from "effect"
import { DATA_DIR, displayName, failedProblems, inFile, listJson, readJson } from "./files.ts"

export const PROCEDURES_DIR = "procedures"

interface FileCatalogue {
  readonly file: string
  readonly procedures: Catalogue
}

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

/**
 * Rewrites `procedures[i]` (an index into the concatenated catalogue) as the file and the index inside it, so that a
 * problem found across files (two versions of one code in force on the same day) still points at the lines to edit.
 */
function locateAcrossFiles(files: ReadonlyArray<FileCatalogue>, problem: Problem): Problem {
  const locate = (global: number) => {
    let offset = 0
    for (const f of files) {
      if (global < offset + f.procedures.length) return `${f.file}: procedures[${global - offset}]`
      offset += f.procedures.length
    }
    return `procedures[${global}]`
  }
  const rewrite = (text: string) => text.replace(/procedures\[(\d+)\]/g, (_, i: string) => locate(Number(i)))
  return { path: rewrite(problem.path), message: rewrite(problem.message) }
}

/** Every procedures file decoded and concatenated in file-name order into one catalogue. */
export function loadCatalogue(dataDir: string = DATA_DIR): Result.Result<Catalogue, DecodeError> {
  const what = "Quảng Ninh procedure catalogue"
  let paths: string[]
  try {
    paths = listJson(dataDir, PROCEDURES_DIR)
  } catch (cause) {
    const file = displayName(PROCEDURES_DIR)
    return Result.fail(
      new DecodeError({ what, problems: [{ path: file, message: `không đọc được thư mục: ${String(cause)}` }] }),
    )
  }
  const results = paths.map((p) => ({ file: displayName(p), result: loadProcedureFile(p, dataDir) }))
  const problems = failedProblems(results.map((r) => r.result))
  if (problems.length > 0) return Result.fail(new DecodeError({ what, problems }))
  const files = results.flatMap((r) =>
    Result.isSuccess(r.result) ? [{ file: r.file, procedures: r.result.success }] : [],
  )
  // Versions of one code may sit in different files: the catalogue-wide rules are checked on the concatenation, of
  // the procedures decoded already (decoding it all again held a second copy: docs/performance.md, "Memory").
  const catalogue = files.flatMap((f) => f.procedures)
  const wide = catalogueWideProblems(catalogue)
  if (wide.length > 0)
    return Result.fail(new DecodeError({ what, problems: wide.map((p) => locateAcrossFiles(files, p)) }))
  return Result.succeed(catalogue)
}

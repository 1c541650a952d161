// The deployment's reference data for commands that run use cases (simulate, report, serve): the catalogue folder of
// the data folder when there is one, the Quảng Ninh sample otherwise; a catalogue with problems stops the command
// with every problem listed.
import { loadQuangNinh, type QuangNinhData } from "@motcua/catalog-quangninh"
import { Result } from "effect"
import { say } from "./io.ts"
import { activeCatalogueDir, type Settings } from "./settings.ts"

export class CatalogueInvalid extends Error {
  override readonly name = "CatalogueInvalid"
  readonly dir: string
  readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }>
  constructor(dir: string, problems: ReadonlyArray<{ readonly path: string; readonly message: string }>) {
    super(
      `${say(`danh mục ${dir} không hợp lệ`, "catalogue invalid")}:\n  ${problems.map((p) => `${p.path}: ${p.message}`).join("\n  ")}`,
    )
    this.dir = dir
    this.problems = problems
  }
}

export function loadDeployment(settings: Settings): { readonly dir: string; readonly data: QuangNinhData } {
  const dir = activeCatalogueDir(settings)
  const loaded = loadQuangNinh(dir)
  if (Result.isFailure(loaded)) throw new CatalogueInvalid(dir, loaded.failure.problems)
  return { dir, data: loaded.success }
}

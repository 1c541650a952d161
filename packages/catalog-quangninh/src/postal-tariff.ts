// The deployment's postal tariff for home pick-up and delivery (data/postal-tariff.json), decoded with the domain's
// PostalTariff schema. Optional: without it the postal routes answer that the service is not configured.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { type DecodeError, PostalTariff } from "@motcua/domain"
import { Result } from "effect"
import { DATA_DIR } from "./files.ts"
import { loadFile } from "./jurisdiction.ts"

export const POSTAL_TARIFF_FILE = "postal-tariff.json"

export function loadPostalTariff(dataDir: string = DATA_DIR): Result.Result<PostalTariff | undefined, DecodeError> {
  if (!existsSync(join(dataDir, POSTAL_TARIFF_FILE))) return Result.succeed(undefined)
  return loadFile(PostalTariff, POSTAL_TARIFF_FILE, dataDir)
}

// The deployment's quality settings (data/quality.json, optional): how the Decision 766 indicators are scored, the
// counts motcua does not hold (publication of procedures, population-data connections) and which procedures are
// certifications, the SLA warning window and the petition deadlines — decoded with the domain's QualitySettingsFile.
// Every certification procedure it names must be in the catalogue.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { DecodeError, decodeQualitySettings, type QualitySettings } from "@motcua/domain"
import { Result } from "effect"
import { DATA_DIR, displayName, inFile, readJson } from "./files.ts"

export const QUALITY_FILE = "quality.json"

/** The settings, `undefined` when the data directory has no quality.json. */
export function loadQualitySettings(
  dataDir: string = DATA_DIR,
): Result.Result<QualitySettings | undefined, DecodeError> {
  if (!existsSync(join(dataDir, QUALITY_FILE))) return Result.succeed(undefined)
  const file = displayName(QUALITY_FILE)
  return Result.flatMap(readJson(dataDir, QUALITY_FILE), (json) =>
    Result.mapError(
      decodeQualitySettings(json, file),
      (e) => new DecodeError({ what: file, problems: inFile(file, e.problems) }),
    ),
  )
}

/**
 * Certification procedures the catalogue does not have (`hasProcedure` answers whether it has a code: the loader asks
 * the codes it saw, without holding the catalogue), as problems with their path.
 */
export function qualityProblems(settings: QualitySettings, hasProcedure: (code: string) => boolean) {
  return (settings.import.certificationProcedures ?? []).flatMap((code, i) =>
    hasProcedure(code)
      ? []
      : [
          {
            path: `${displayName(QUALITY_FILE)}: import.certificationProcedures[${i}]`,
            message: `không có thủ tục ${code} trong danh mục (no procedure ${code} in the catalogue)`,
          },
        ],
  )
}

// The province's official holiday schedules per year (data/holidays.json), decoded with the calendar's
// `HolidayOverrides` schema. The file is optional: without it the calendar falls back to the Labour Code rules.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { type DecodeError, HolidayOverrides } from "@motcua/domain"
import { Result } from "effect"
import { DATA_DIR } from "./files.ts"
import { loadFile } from "./jurisdiction.ts"

export const HOLIDAYS_FILE = "holidays.json"

/** The holiday overrides, `undefined` when the data directory has no holidays.json. */
export function loadHolidays(dataDir: string = DATA_DIR): Result.Result<HolidayOverrides | undefined, DecodeError> {
  if (!existsSync(join(dataDir, HOLIDAYS_FILE))) return Result.succeed(undefined)
  return loadFile(HolidayOverrides, HOLIDAYS_FILE, dataDir)
}

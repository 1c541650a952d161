// The deployment's reference data: the procedure catalogue (every published version), the jurisdiction (units,
// agencies, intake points) and the working calendar of its centres. Read-only for use cases; a layer is built from
// decoded data (e.g. @motcua/catalog-quangninh's loader), and a database-backed one can come later.
import {
  type Calendar,
  type CalendarConfigJson,
  type Catalogue,
  type HolidayOverrides,
  isInForce,
  type Jurisdiction,
  makeCalendar,
  type Procedure,
  type ProcedureNotFound,
  procedureInForce,
} from "@motcua/domain"
import { Context, Effect, Layer } from "effect"

export interface CatalogStoreShape {
  /** Every published version of every procedure (reports read the field of each dossier's procedure). */
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  /** The working calendar the deployment's deadlines are counted in. */
  readonly calendar: Calendar
  /** The version of procedure `code` in force on `date` (`YYYY-MM-DD`). */
  readonly procedureInForce: (code: string, date: string) => Effect.Effect<Procedure, ProcedureNotFound>
  /** Every procedure version in force on `date` (`YYYY-MM-DD`), one per code: what the index counts procedures of. */
  readonly proceduresInForce: (date: string) => ReadonlyArray<Procedure>
}

export interface CatalogData {
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  /** The centres' working calendar (default: Monday–Friday, 07:30–11:30 and 13:30–17:00). */
  readonly calendar?: CalendarConfigJson
  /** The official holiday schedules per year, merged into the calendar. */
  readonly holidays?: HolidayOverrides
}

export const makeCatalogStore = (data: CatalogData): CatalogStoreShape => {
  const calendar = makeCalendar({
    ...(data.calendar ?? {}),
    ...(data.holidays === undefined ? {} : { holidayOverrides: data.holidays }),
  })
  // Every filing and action looks its procedure up: the versions of each code, kept once (in catalogue order, so the
  // domain's `procedureInForce` over a code's versions finds what it finds over the whole catalogue) instead of a
  // pass over the whole catalogue per call.
  let byCode: Map<string, Procedure[]> | undefined
  const versionsOf = (code: string): Catalogue => {
    if (byCode === undefined) {
      byCode = new Map()
      for (const procedure of data.catalogue) {
        const versions = byCode.get(procedure.code)
        if (versions === undefined) byCode.set(procedure.code, [procedure])
        else versions.push(procedure)
      }
    }
    return byCode.get(code) ?? []
  }
  return {
    catalogue: data.catalogue,
    jurisdiction: data.jurisdiction,
    calendar,
    procedureInForce: (code, date) => Effect.fromResult(procedureInForce(versionsOf(code), code, date)),
    proceduresInForce: (date) => data.catalogue.filter((p) => isInForce(p, date)),
  }
}

export class CatalogStore extends Context.Service<CatalogStore, CatalogStoreShape>()(
  "@motcua/application/CatalogStore",
) {
  /** From decoded data; throws (CalendarInputError) at build time when the calendar configuration is invalid. */
  static readonly layerFromData = (data: CatalogData) => Layer.sync(CatalogStore, () => makeCatalogStore(data))
  /** In memory, from the given data: the same as {@link layerFromData}. */
  static readonly layerTest = (data: CatalogData) => CatalogStore.layerFromData(data)
}

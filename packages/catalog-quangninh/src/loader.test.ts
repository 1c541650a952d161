// The loader on edited copies of the data directory: whatever a province's editor breaks, the error names the file
// and the path of the entry to fix.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { DecodeError } from "@motcua/domain"
import { Result } from "effect"
import { afterEach, beforeEach, describe, expect, test } from "vitest"
import { checkQuangNinh, DATA_DIR, loadCatalogue, loadHolidays, loadJurisdiction, loadQuangNinh } from "./index.ts"

let dir: string

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "motcua-qn-")), "data")
  cpSync(DATA_DIR, dir, { recursive: true })
})
afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }))

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"))
const writeJson = (file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 2))
type Json = Record<string, unknown>
/** The entry at `i`, which the shipped files are known to have. */
const at = <T>(xs: ReadonlyArray<T>, i: number): T => {
  const x = xs[i]
  if (x === undefined) throw new Error(`no entry ${i}`)
  return x
}
const communeAuthority = {
  level: "commune",
  agencyKind: "commune-people-committee",
  title: "Chủ tịch UBND cấp xã",
  territorialBasis: "applicant-residence",
  requiresResidenceInProvince: false,
}

const failure = <A>(r: Result.Result<A, DecodeError>): DecodeError => {
  if (Result.isSuccess(r)) throw new Error("expected the data to be rejected")
  return r.failure
}

/** A minimal valid procedure, written into a file of its own so the test does not depend on the shipped entries. */
const procedure = (code: string, overrides: Json = {}): Json => ({
  code,
  name: "Thủ tục thử",
  field: { code: "test", name: "Thử" },
  levels: ["commune"],
  authority: communeAuthority,
  statutoryTime: { amount: 1, unit: "working-days" },
  provincialTime: { amount: 1, unit: "working-days" },
  onlineService: "full",
  channels: ["counter", "online"],
  boundaryFree: true,
  documents: [],
  fees: [],
  process: [
    {
      id: "s1",
      name: "Xử lý",
      role: "authority-leader", // a leader's step, so that a dossier can reach a result (the catalogue requires one)
      unit: "Bộ phận Một cửa",
      allowance: { amount: 8, unit: "working-hours" },
    },
  ],
  result: { name: "Kết quả", form: "electronic", signatureRequired: true },
  variants: [],
  effectiveFrom: "2025-07-01",
  publishedBy: "thử",
  legalBasis: ["thử"],
  ...overrides,
})

describe("a broken entry is reported with its file and path", () => {
  test("an invalid fee amount in a procedures file", () => {
    const fees = [
      {
        id: "f1",
        kind: "charge",
        name: "Lệ phí",
        amount: { type: "flat", amount: -5 },
        exemptions: [],
        due: "at-intake",
        refund: { onRefusal: true, onWithdrawal: false },
        legalBasis: "thử",
      },
    ]
    writeJson("procedures/zz-test.json", [
      procedure("9.000001"),
      procedure("9.000002"),
      procedure("9.000003", { fees }),
    ])
    const error = failure(loadCatalogue(dir))
    expect(error.message).toMatch(/^ +data\/procedures\/zz-test\.json: procedures\[2\]\.fees\[0\]\.amount\.amount: /m)
    expect(error.problems.every((p) => p.path.startsWith("data/procedures/zz-test.json: "))).toBe(true)
  })

  test("every broken entry of every file is reported, not only the first", () => {
    writeJson("procedures/zz-a.json", [procedure("9.000001", { code: "bad" })])
    writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000003", { channels: [] })])
    const paths = failure(loadCatalogue(dir)).problems.map((p) => p.path)
    expect(paths).toContain("data/procedures/zz-a.json: procedures[0].code")
    expect(paths).toContain("data/procedures/zz-b.json: procedures[1].channels")
  })

  test("step allowances that do not add up to the provincial time", () => {
    writeJson("procedures/zz-test.json", [
      procedure("9.000001", { provincialTime: { amount: 0.5, unit: "working-days" } }),
    ])
    const error = failure(loadCatalogue(dir))
    expect(error.message).toContain("data/procedures/zz-test.json: procedures[0].process: the step allowances add up")
  })

  test("two versions of one code in force on the same day, in different files, point at the second file", () => {
    writeJson("procedures/zz-a.json", [procedure("9.000001")])
    writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000001")])
    const error = failure(loadCatalogue(dir))
    expect(error.problems.map((p) => p.path)).toEqual(["data/procedures/zz-b.json: procedures[1].effectiveFrom"])
    expect(error.problems[0]?.message).toContain("data/procedures/zz-a.json: procedures[0]")
  })

  test("a unit with a malformed code in units.json", () => {
    const units = readJson("units.json") as { units: Array<{ code: string }> }
    at(units.units, 3).code = "7090"
    writeJson("units.json", units)
    const error = failure(loadJurisdiction(dir))
    expect(error.problems.map((p) => p.path)).toEqual(["data/units.json: units[3].code"])
  })

  test("an intake point of unknown kind in centres.json", () => {
    const centres = readJson("centres.json") as { intakePoints: Array<{ kind: string }> }
    at(centres.intakePoints, 10).kind = "kiosk"
    writeJson("centres.json", centres)
    expect(failure(loadJurisdiction(dir)).message).toContain("data/centres.json: intakePoints[10].kind")
  })

  test("a file that is not JSON, and a missing file", () => {
    writeFileSync(join(dir, "procedures/zz-test.json"), "[{ oops")
    rmSync(join(dir, "agencies.json"))
    const error = failure(loadQuangNinh(dir))
    const paths = error.problems.map((p) => p.path)
    expect(paths).toContain("data/procedures/zz-test.json")
    expect(paths).toContain("data/agencies.json")
    expect(error.message).toMatch(/invalid JSON/)
    expect(error.message).toMatch(/file not found/)
  })
})

describe("holidays.json is optional but checked when present", () => {
  test("without the file the deployment loads with no holiday overrides", () => {
    rmSync(join(dir, "holidays.json"), { force: true })
    const holidays = loadHolidays(dir)
    expect(Result.isSuccess(holidays) && holidays.success).toBeUndefined()
    const data = loadQuangNinh(dir)
    expect(Result.isSuccess(data) && data.success.holidays).toBeUndefined()
  })

  test("a day off with a malformed date is reported in holidays.json", () => {
    writeJson("holidays.json", {
      years: [{ year: 2026, days: [{ date: "2026-02-30x", kind: "holiday", name: "Tết" }] }],
    })
    const paths = failure(loadQuangNinh(dir)).problems.map((p) => p.path)
    expect(paths.length).toBeGreaterThan(0)
    expect(new Set(paths)).toEqual(new Set(["data/holidays.json: years[0].days[0].date"]))
  })
})

describe("entries that are valid alone but disagree with each other", () => {
  test("a procedure naming an agency that does not exist", () => {
    writeJson("procedures/zz-test.json", [
      procedure("9.000001", {
        levels: ["province"],
        authority: {
          level: "province",
          agencyKind: "provincial-department",
          agencyCode: "000.00.99.H49",
          title: "Giám đốc Sở",
          territorialBasis: "intake-unit",
          requiresResidenceInProvince: false,
        },
      }),
    ])
    const error = failure(loadQuangNinh(dir))
    expect(error.problems).toHaveLength(1)
    expect(error.problems[0]?.path).toMatch(/^procedures\[\d+\] \(9\.000001\)\.authority\.agencyCode$/)
    expect(error.problems[0]?.message).toContain("000.00.99.H49")
  })

  test("a commune-level procedure whose agency kind is missing in some unit", () => {
    writeJson("procedures/zz-test.json", [
      procedure("9.000001", { authority: { ...communeAuthority, agencyKind: "commune-fire-brigade" } }),
    ])
    expect(failure(loadQuangNinh(dir)).message).toContain('không có cơ quan kind "commune-fire-brigade" ở 54 đơn vị')
  })

  test("an intake point in a unit that does not exist, and a duplicated agency code", () => {
    const centres = readJson("centres.json") as { intakePoints: Array<{ unitCode: string }> }
    at(centres.intakePoints, 5).unitCode = "99999"
    writeJson("centres.json", centres)
    const agencies = readJson("agencies.json") as { agencies: Array<{ code: string }> }
    at(agencies.agencies, 2).code = at(agencies.agencies, 1).code
    writeJson("agencies.json", agencies)
    const paths = failure(loadQuangNinh(dir)).problems.map((p) => p.path)
    expect(paths).toContain("data/centres.json: intakePoints[5].unitCode")
    expect(paths).toContain("data/agencies.json: agencies[2].code")
  })
})

describe("payment-accounts.json", () => {
  test("gives each of the 55 centres (provincial + 54 commune) an account of its own", () => {
    const data = Result.getOrThrow(loadQuangNinh(dir))
    const centres = data.jurisdiction.intakePoints.filter((p) => p.kind !== "post-office")
    expect(centres).toHaveLength(55)
    expect(new Set(data.paymentAccounts?.accounts.map((a) => a.centreId))).toEqual(new Set(centres.map((c) => c.id)))
  })
  test("a centre left without an account, a shared account or a bad BIN is named with its file and entry", () => {
    const file = readJson("payment-accounts.json") as { accounts: Json[] }
    const [first, second, ...rest] = file.accounts
    writeJson("payment-accounts.json", {
      ...file,
      accounts: [
        first,
        { ...second, bankBin: at(file.accounts, 0).bankBin, accountNumber: at(file.accounts, 0).accountNumber },
        ...rest.slice(1),
      ],
    })
    const paths = failure(loadQuangNinh(dir)).problems.map((p) => p.path)
    expect(paths).toContain("data/payment-accounts.json: accounts[1].accountNumber")
    expect(paths).toContain("data/payment-accounts.json: accounts")
    writeJson("payment-accounts.json", {
      ...file,
      accounts: [{ ...first, bankBin: "97041" }, ...file.accounts.slice(1)],
    })
    expect(failure(loadQuangNinh(dir)).problems.map((p) => p.path)).toEqual([
      "data/payment-accounts.json: accounts[0].bankBin",
    ])
  })
})

describe("quality.json", () => {
  test("the shipped settings load: the portal's rules, 4 working hours' warning, five certification procedures", () => {
    const data = loadQuangNinh(dir)
    if (Result.isFailure(data)) throw data.failure
    expect(data.success.quality?.rules.name).toBe("portal")
    expect(data.success.quality?.slaWarningMinutes).toBe(240)
    expect(data.success.quality?.import.certificationProcedures).toHaveLength(5)
  })

  test("a bad rule, an unknown field and a certification procedure missing from the catalogue, each with its path", () => {
    const quality = readJson("quality.json") as Json
    quality.rules = { base: "portal", indicators: { "3.1": { max: 4, threshold: 1.5, whenNoDenominator: "zero" } } }
    quality.slaWarninghours = 2
    writeJson("quality.json", quality)
    const paths = failure(loadQuangNinh(dir)).problems.map((p) => p.path)
    expect(paths).toContain('data/quality.json: rules.indicators["3.1"].threshold')
    expect(paths).toContain("data/quality.json: slaWarninghours")
    quality.rules = { base: "portal" }
    delete quality.slaWarninghours
    quality.import = { certificationProcedures: ["9.999999"] }
    writeJson("quality.json", quality)
    expect(failure(loadQuangNinh(dir)).problems.map((p) => p.path)).toEqual([
      "data/quality.json: import.certificationProcedures[0]",
    ])
  })

  test("is optional", () => {
    rmSync(join(dir, "quality.json"))
    const data = loadQuangNinh(dir)
    expect(Result.isSuccess(data) && data.success.quality).toBeUndefined()
  })
})

describe("checkQuangNinh: loadQuangNinh's checks one procedures file at a time, without holding the catalogue", () => {
  const provinceAuthority = (agencyCode: string) => ({
    levels: ["province"],
    authority: {
      level: "province",
      agencyKind: "provincial-department",
      agencyCode,
      title: "Giám đốc Sở",
      territorialBasis: "intake-unit",
      requiresResidenceInProvince: false,
    },
  })
  const problemsOf = (r: Result.Result<unknown, DecodeError>) => (Result.isFailure(r) ? r.failure.problems : [])

  test("on the shipped data: the same jurisdiction and settings, and the number of procedures", () => {
    const loaded = loadQuangNinh(dir)
    const checked = checkQuangNinh(dir)
    if (Result.isFailure(loaded)) throw loaded.failure
    if (Result.isFailure(checked)) throw checked.failure
    const { catalogue, ...rest } = loaded.success
    expect(checked.success).toEqual({ ...rest, procedures: catalogue.length })
  })

  test.each<[string, () => void]>([
    [
      "an invalid entry in one file and an unknown agency in another",
      () => {
        writeJson("procedures/zz-a.json", [procedure("9.000001", { channels: [] })])
        writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000003", provinceAuthority("x"))])
      },
    ],
    [
      "two versions of one code in force on the same day, in different files",
      () => {
        writeJson("procedures/zz-a.json", [procedure("9.000001")])
        writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000001")])
      },
    ],
    [
      "unknown agencies in two files (the index in the whole catalogue, as the loader gives it)",
      () => {
        writeJson("procedures/zz-a.json", [procedure("9.000001", provinceAuthority("000.00.98.H49"))])
        writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000003", provinceAuthority("y"))])
      },
    ],
    [
      "a certification procedure missing from the catalogue, and a broken units.json",
      () => {
        writeJson("quality.json", {
          ...(readJson("quality.json") as Json),
          import: { certificationProcedures: ["9.9"] },
        })
        writeFileSync(join(dir, "units.json"), "{")
      },
    ],
    [
      "a certification procedure missing from the catalogue",
      () => {
        const quality = readJson("quality.json") as { import: { certificationProcedures: string[] } }
        quality.import.certificationProcedures.push("9.999999")
        writeJson("quality.json", quality)
      },
    ],
  ])("%s: the same problems as loadQuangNinh", (_, breakIt) => {
    breakIt()
    const expected = problemsOf(loadQuangNinh(dir))
    expect(expected.length).toBeGreaterThan(0)
    expect(problemsOf(checkQuangNinh(dir))).toEqual(expected)
  })

  test("a problem in a later file is named by its index in the whole catalogue, after every earlier file's", () => {
    const before = loadCatalogue(dir)
    if (Result.isFailure(before)) throw before.failure
    writeJson("procedures/zz-b.json", [procedure("9.000002"), procedure("9.000003", provinceAuthority("y"))])
    expect(problemsOf(checkQuangNinh(dir)).map((p) => p.path)).toEqual([
      `procedures[${before.success.length + 1}] (9.000003).authority.agencyCode`,
    ])
  })
})

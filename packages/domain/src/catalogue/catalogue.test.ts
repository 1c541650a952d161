import { fc, test as property } from "@fast-check/vitest"
import { Result } from "effect"
import { describe, expect, test } from "vitest"
import { sampleProcedure } from "../../test/sample-procedure.ts"
import { stepBoundEvents } from "../dossier/permissions.ts"
import {
  applyVariant,
  decodeCatalogue,
  findProcedures,
  foldText,
  procedureInForce,
  VersionPeriods,
  versionsOf,
} from "./queries.ts"
import { DECIDING_ROLES, type Procedure, type ProcessStep, SIGNING_ROLES } from "./schema.ts"

const problemsOf = (input: unknown) => {
  const result = decodeCatalogue(input)
  if (Result.isSuccess(result)) throw new Error("expected the catalogue to be refused")
  return result.failure.problems
}

describe("decoding a catalogue", () => {
  test("a valid procedure decodes unchanged", () => {
    const result = decodeCatalogue([sampleProcedure()])
    expect(Result.isSuccess(result)).toBe(true)
    if (Result.isSuccess(result)) expect(result.success[0]).toEqual(sampleProcedure())
  })

  test("every problem is reported with its path, not only the first", () => {
    const bad = JSON.parse(JSON.stringify(sampleProcedure())) as unknown as Record<string, unknown> & {
      process: unknown[]
    }
    const second = JSON.parse(JSON.stringify(sampleProcedure())) as Record<string, unknown>
    ;(bad.process[3] as { allowance: { amount: number } }).allowance.amount = -1
    bad.code = "1.04222"
    second.channels = ["fax"]
    const problems = problemsOf([bad, second])
    expect(problems).toContainEqual({
      path: "procedures[0].process[3].allowance.amount",
      message: "Expected a value greater than 0",
    })
    expect(problems.map((p) => p.path)).toContain("procedures[0].code")
    expect(problems.map((p) => p.path)).toContain("procedures[1].channels[0]")
  })

  test("the error message lists each problem on its own line", () => {
    const bad = { ...sampleProcedure(), name: "" }
    const result = decodeCatalogue([bad], "data/procedures.json")
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure.message).toMatch(
        /^data\/procedures\.json is invalid \(1 problem\):\n {2}procedures\[0\]\.name: /,
      )
    }
  })

  test("step allowances must add up to the provincial time", () => {
    const p = sampleProcedure()
    const bad = { ...p, provincialTime: { amount: 6, unit: "working-days" as const } }
    expect(problemsOf([bad])).toContainEqual({
      path: "procedures[0].process",
      message: "the step allowances add up to 40 working hours, but the provincial time is 48 working hours",
    })
  })

  test("the provincial time may not exceed the statutory time", () => {
    const p = sampleProcedure()
    const bad = { ...p, statutoryTime: { amount: 4, unit: "working-days" as const } }
    expect(problemsOf([bad]).map((x) => x.path)).toContain("procedures[0].provincialTime")
  })

  test("a variant that changes the time must bring a process that fits it", () => {
    const p = sampleProcedure()
    const bad = {
      ...p,
      variants: [{ id: "fast", name: "Rút gọn", provincialTime: { amount: 2, unit: "working-days" as const } }],
    }
    expect(problemsOf([bad]).map((x) => x.path)).toContain("procedures[0].variants[0].process")
  })

  describe("a process must be able to reach a result", () => {
    const NO_DECISION = "no step can approve or reject (needs a unit-leader or authority-leader step)"
    const NO_SIGNATURE =
      "no step can sign the result, which needs a signature (needs an authority-leader or unit-leader step)"
    /** The sample's process with every leader's step handed to a specialist. */
    const withoutLeaders = (): ProcessStep[] =>
      sampleProcedure().process.map((s) =>
        s.role === "unit-leader" || s.role === "authority-leader" ? { ...s, role: "specialist" } : s,
      )

    test("a process without a leader's step is refused, saying what is missing and where", () => {
      const bad = { ...sampleProcedure(), process: withoutLeaders() }
      const problems = problemsOf([sampleProcedure(), bad])
      expect(problems).toEqual([
        { path: "procedures[1].process", message: NO_DECISION },
        { path: "procedures[1].process", message: NO_SIGNATURE },
      ])
    })

    test("the signature is asked for only when the result needs one", () => {
      const p = sampleProcedure()
      const bad = { ...p, process: withoutLeaders(), result: { ...p.result, signatureRequired: false } }
      expect(problemsOf([bad])).toEqual([{ path: "procedures[0].process", message: NO_DECISION }])
    })

    test("a unit leader's step is enough (deciding and signing on delegation)", () => {
      const p = sampleProcedure()
      const process = p.process.map((s) => (s.role === "authority-leader" ? { ...s, role: "unit-leader" as const } : s))
      expect(Result.isSuccess(decodeCatalogue([{ ...p, process }]))).toBe(true)
    })

    test("a variant's own process is checked at the variant's path; one without its own uses the procedure's", () => {
      const p = sampleProcedure()
      const bad = {
        ...p,
        variants: [
          { id: "same-process", name: "Dùng quy trình chung", fees: [] },
          { id: "own-process", name: "Quy trình riêng", process: withoutLeaders() },
        ],
      }
      expect(problemsOf([bad])).toEqual([
        { path: "procedures[0].variants[1].process", message: NO_DECISION },
        { path: "procedures[0].variants[1].process", message: NO_SIGNATURE },
      ])
    })

    test("the roles agree with the dossier's permissions", () => {
      expect(new Set(DECIDING_ROLES)).toEqual(new Set(stepBoundEvents.approve))
      expect(new Set(DECIDING_ROLES)).toEqual(new Set(stepBoundEvents.reject))
      expect(new Set(SIGNING_ROLES)).toEqual(new Set(stepBoundEvents.sign))
    })
  })

  test("duplicate ids within a procedure are refused", () => {
    const p = sampleProcedure()
    const bad = { ...p, documents: [...p.documents, p.documents[0]] }
    expect(problemsOf([bad])).toContainEqual({
      path: "procedures[0].documents[2].id",
      message: 'duplicate document id "form-ct01"',
    })
  })

  test("two versions of one code may not be in force on the same day", () => {
    const v1 = { ...sampleProcedure(), effectiveTo: "2025-12-31" }
    const v2 = { ...sampleProcedure(), effectiveFrom: "2025-12-01" }
    expect(problemsOf([v1, v2]).map((x) => x.path)).toEqual(["procedures[1].effectiveFrom"])
    const v3 = { ...sampleProcedure(), effectiveFrom: "2026-01-01" }
    expect(Result.isSuccess(decodeCatalogue([v1, v3]))).toBe(true)
  })
})

describe("VersionPeriods: the catalogue-wide rule one version at a time", () => {
  const day = fc
    .record({
      y: fc.integer({ min: 2024, max: 2026 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
  const version = fc
    // codes as the schema writes them (each its own number) and others (named through a map)
    .record({
      code: fc.constantFrom("1.000001", "1.000002", "2.000001", "9.999999", "1.1", "2.1"),
      a: day,
      b: fc.option(day, { nil: undefined }),
    })
    .map(({ code, a, b }) => {
      if (b === undefined) return { code, effectiveFrom: a }
      const [from, to] = [a, b].sort()
      return { code, effectiveFrom: from as string, effectiveTo: to as string }
    })
  type Version = { code: string; effectiveFrom: string; effectiveTo?: string }
  /** The rule as written: two versions of one code overlap unless one ends (on its text date) before the other starts. */
  const naive = (versions: ReadonlyArray<Version>) => {
    const endsBefore = (a: Version, b: Version) => a.effectiveTo !== undefined && a.effectiveTo < b.effectiveFrom
    const pairs: Array<[number, number]> = []
    versions.forEach((q, i) => {
      versions.forEach((p, j) => {
        if (j < i && p.code === q.code && !endsBefore(p, q) && !endsBefore(q, p)) pairs.push([j, i])
      })
    })
    return pairs
  }

  property.prop([fc.array(version, { maxLength: 30 })])(
    "answers exactly the overlapping pairs, each with its code, by the later version then the earlier",
    (versions) => {
      const periods = new VersionPeriods()
      for (const v of versions) periods.add(v)
      const overlaps = periods.overlaps()
      expect(overlaps.map(({ first, second }) => [first, second])).toEqual(naive(versions))
      expect(overlaps.every(({ code, second }) => code === versions[second]?.code)).toBe(true)
      expect(periods.count).toBe(versions.length)
    },
  )

  test("keeps its periods past its first allocation (1,024 versions), and takes more after answering", () => {
    const periods = new VersionPeriods()
    const code = (i: number) => `1.${String(i).padStart(6, "0")}`
    for (let i = 0; i < 3000; i++) periods.add({ code: code(i), effectiveFrom: "2025-01-01" })
    expect(periods.overlaps()).toEqual([])
    periods.add({ code: code(5), effectiveFrom: "2025-06-01" })
    periods.add({ code: code(2999), effectiveFrom: "2024-01-01", effectiveTo: "2024-12-31" })
    expect(periods.overlaps()).toEqual([{ code: "1.000005", first: 5, second: 3000 }])
  })
})

describe("catalogue queries", () => {
  const v1: Procedure = { ...sampleProcedure(), effectiveTo: "2025-12-31" }
  const v2: Procedure = {
    ...sampleProcedure(),
    effectiveFrom: "2026-01-01",
    provincialTime: { amount: 4, unit: "working-days" },
    process: sampleProcedure().process.map((s) =>
      s.id === "appraise" ? { ...s, allowance: { amount: 2, unit: "working-days" } } : s,
    ),
  }
  const land: Procedure = {
    ...sampleProcedure(),
    code: "1.012345",
    name: "Đăng ký đất đai lần đầu",
    nameEn: "First land registration",
    field: { code: "land", name: "Đất đai" },
    levels: ["province", "commune"],
    authority: {
      ...sampleProcedure().authority,
      level: "province",
      agencyKind: "provincial-department",
      agencyCode: "SNNMT",
    },
  }
  const catalogue = [v1, v2, land]

  test("the version in force on a date", () => {
    const on = (date: string) => procedureInForce(catalogue, "1.004222", date)
    expect(Result.getOrThrow(on("2025-07-01")).provincialTime.amount).toBe(5)
    expect(Result.getOrThrow(on("2025-12-31")).provincialTime.amount).toBe(5)
    expect(Result.getOrThrow(on("2026-01-01")).provincialTime.amount).toBe(4)
    const before = on("2025-06-30")
    expect(Result.isFailure(before) && before.failure.message).toBe(
      "no version of procedure 1.004222 is in force on 2025-06-30",
    )
    const unknown = procedureInForce(catalogue, "9.999999", "2026-01-01")
    expect(Result.isFailure(unknown) && unknown.failure._tag).toBe("ProcedureNotFound")
  })

  test("versions are listed oldest first", () => {
    expect(versionsOf([v2, land, v1], "1.004222").map((p) => p.effectiveFrom)).toEqual(["2025-07-01", "2026-01-01"])
  })

  test("find by field, level, authority and text", () => {
    const codes = (q: Parameters<typeof findProcedures>[1]) =>
      findProcedures(catalogue, { inForceOn: "2026-03-01", ...q }).map((p) => p.code)
    expect(codes({ field: "land" })).toEqual(["1.012345"])
    expect(codes({ level: "commune" })).toEqual(["1.004222", "1.012345"])
    expect(codes({ level: "province" })).toEqual(["1.012345"])
    expect(codes({ authority: "SNNMT" })).toEqual(["1.012345"])
    expect(codes({ authority: "commune-police" })).toEqual(["1.004222"])
    expect(codes({ text: "dang ky THUONG tru" })).toEqual(["1.004222"])
    expect(codes({ text: "land registration" })).toEqual(["1.012345"])
    expect(findProcedures(catalogue, { text: "thường trú" })).toHaveLength(2)
  })

  test("search folds Vietnamese diacritics and đ", () => {
    expect(foldText("Đăng ký Hộ kinh doanh")).toBe("dang ky ho kinh doanh")
  })

  test("a variant replaces only what it defines", () => {
    const p: Procedure = {
      ...sampleProcedure(),
      variants: [{ id: "no-fee", name: "Miễn lệ phí", fees: [] }],
    }
    const applied = Result.getOrThrow(applyVariant(p, "no-fee"))
    expect(applied.fees).toEqual([])
    expect(applied.process).toEqual(p.process)
    expect(Result.isFailure(applyVariant(p, "missing"))).toBe(true)
  })
})

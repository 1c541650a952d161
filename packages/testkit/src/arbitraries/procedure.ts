// Arbitrary catalogue entries: random but always valid procedures (they decode through the domain schema), with
// random internal processes, documents, fees and variants. Deployers use them to test workflow code against shapes
// their own catalogue may not have yet.
import type {
  Duration,
  FeeAmount,
  FeeItem,
  Procedure,
  ProcessStep,
  RequiredDocument,
  StaffRole,
  Variant,
} from "@motcua/domain"
import fc from "fast-check"

const HOURS_PER_DAY = 8

/** Splits `total` (whole units) into `parts` positive whole parts. */
const partition = (total: number, parts: number): fc.Arbitrary<number[]> =>
  fc.uniqueArray(fc.integer({ min: 1, max: total - 1 }), { minLength: parts - 1, maxLength: parts - 1 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b)
    return [...sorted, total].map((end, i) => end - (i === 0 ? 0 : (sorted[i - 1] as number)))
  })

const MIDDLE_ROLES: ReadonlyArray<StaffRole> = [
  "specialist",
  "unit-leader",
  "authority-leader",
  "clerk",
  "inter-agency",
]

const LEADER_ROLES: ReadonlyArray<StaffRole> = ["unit-leader", "authority-leader"]

/**
 * An internal process for a provincial time: a receiving step, 1–4 middle steps and a returning step, whose
 * allowances (in working hours, or whole working days where they divide evenly) add up exactly to the time. One
 * middle step is always a leader's, so that a dossier can be decided and signed (the catalogue requires it); a
 * time too short for three steps (under 45 minutes) gets one or two, the leader's last.
 */
export const arbProcess = (provincialTime: Duration): fc.Arbitrary<ProcessStep[]> => {
  const totalHours =
    provincialTime.unit === "working-days" ? provincialTime.amount * HOURS_PER_DAY : provincialTime.amount
  // Under 3 hours, allowances are whole quarter hours (exact in binary), so that there is still room for a
  // receiving, a leader's and a returning step.
  const quantum = totalHours >= 3 ? 1 : 0.25
  const units = totalHours / quantum
  const maxSteps = Math.min(6, units)
  return fc.integer({ min: Math.min(3, maxSteps), max: maxSteps }).chain((n) =>
    fc
      .tuple(
        partition(units, n),
        fc.array(fc.constantFrom(...MIDDLE_ROLES), { minLength: n, maxLength: n }),
        n >= 3 ? fc.integer({ min: 1, max: n - 2 }) : fc.constant(n - 1),
        fc.constantFrom(...LEADER_ROLES),
      )
      .map(([parts, roles, leaderAt, leader]) =>
        parts.map((part, i): ProcessStep => {
          const h = part * quantum
          const role: StaffRole =
            i === leaderAt ? leader : i === 0 || (i === n - 1 && n > 1) ? "counter-officer" : (roles[i] as StaffRole)
          const name =
            i === leaderAt && (i === 0 || i === n - 1)
              ? "Xem xét, quyết định"
              : i === 0
                ? "Tiếp nhận hồ sơ"
                : i === n - 1
                  ? "Trả kết quả"
                  : `Bước ${i + 1}`
          return {
            id: `step-${i + 1}`,
            name,
            role,
            unit: role === "counter-officer" ? "Bộ phận Một cửa" : "Phòng chuyên môn",
            allowance:
              h % HOURS_PER_DAY === 0
                ? { amount: h / HOURS_PER_DAY, unit: "working-days" }
                : { amount: h, unit: "working-hours" },
          }
        }),
      ),
  )
}

export const arbDuration: fc.Arbitrary<Duration> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 1, max: 30 }).map((amount): Duration => ({ amount, unit: "working-days" })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 24 }).map((amount): Duration => ({ amount, unit: "working-hours" })),
  },
)

const arbDocuments: fc.Arbitrary<RequiredDocument[]> = fc
  .array(fc.record({ mandatory: fc.boolean(), originals: fc.nat(2), copies: fc.nat(2), fromEWallet: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((docs) => docs.map((d, i) => ({ id: `doc-${i + 1}`, name: `Giấy tờ ${i + 1}`, ...d })))

const arbDong = fc.integer({ min: 0, max: 2_000_000 }).map((n) => n - (n % 1000))

const arbFeeAmount: fc.Arbitrary<FeeAmount> = fc.oneof(
  arbDong.map((amount): FeeAmount => ({ type: "flat", amount })),
  fc
    .record({ per: fc.constantFrom("copy", "page", "item") as fc.Arbitrary<"copy" | "page" | "item">, amount: arbDong })
    .map((r): FeeAmount => ({ type: "per-unit", ...r })),
  fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 3 }).chain((bounds) =>
    fc.array(arbDong, { minLength: bounds.length + 1, maxLength: bounds.length + 1 }).map((amounts): FeeAmount => {
      const sorted = [...bounds].sort((a, b) => a - b).map((b) => b * 1_000_000)
      return {
        type: "tiered",
        basis: "value",
        tiers: amounts.map((amount, i) => (i < sorted.length ? { upTo: sorted[i] as number, amount } : { amount })),
      }
    }),
  ),
)

const arbFees: fc.Arbitrary<FeeItem[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom("fee", "charge") as fc.Arbitrary<"fee" | "charge">,
      amount: arbFeeAmount,
      onlineDiscount: fc.boolean(),
      exempt: fc.boolean(),
      due: fc.constantFrom("at-intake", "before-processing", "before-result") as fc.Arbitrary<FeeItem["due"]>,
      refund: fc.record({ onRefusal: fc.boolean(), onWithdrawal: fc.boolean() }),
    }),
    { maxLength: 3 },
  )
  .map((items) =>
    items.map((f, i): FeeItem => {
      const item: FeeItem = {
        id: `fee-${i + 1}`,
        kind: f.kind,
        name: f.kind === "fee" ? `Phí ${i + 1}` : `Lệ phí ${i + 1}`,
        amount: f.amount,
        exemptions: f.exempt
          ? [{ category: "poor-household", reductionPercent: 100, legalBasis: "Thông tư mẫu (kiểm thử)" }]
          : [],
        due: f.due,
        refund: f.refund,
        legalBasis: "Thông tư mẫu (kiểm thử)",
      }
      return f.onlineDiscount && f.amount.type === "flat"
        ? {
            ...item,
            byChannel: [
              { channel: "online", amount: { type: "flat", amount: Math.floor(f.amount.amount / 2000) * 1000 } },
            ],
          }
        : item
    }),
  )

const arbVariants = (base: Duration): fc.Arbitrary<Variant[]> =>
  fc.array(fc.option(arbDuration, { nil: undefined }), { maxLength: 2 }).chain((times) =>
    fc.tuple(
      ...times.map((time, i) => {
        const t = time ?? base
        const within = t.unit === base.unit ? (t.amount <= base.amount ? t : base) : base
        return time === undefined
          ? fc.constant<Variant>({ id: `variant-${i + 1}`, name: `Trường hợp ${i + 1}`, fees: [] })
          : arbProcess(within).map(
              (process): Variant => ({
                id: `variant-${i + 1}`,
                name: `Trường hợp ${i + 1}`,
                provincialTime: within,
                process,
              }),
            )
      }),
    ),
  )

export interface ProcedureOptions {
  /** Fix the competent level; random when absent. */
  readonly level?: "province" | "commune"
  /** Whether variants are generated (default true). */
  readonly variants?: boolean
}

/** A random valid procedure version, in force from 2025-07-01. */
export const arbProcedure = (options: ProcedureOptions = {}): fc.Arbitrary<Procedure> =>
  fc
    .record({
      codeDigits: fc.integer({ min: 0, max: 999_999 }),
      codePrefix: fc.constantFrom(1, 2, 3),
      level: options.level === undefined ? fc.constantFrom("province", "commune") : fc.constant(options.level),
      statutoryExtra: fc.nat(10),
      provincialTime: arbDuration,
      channels: fc.subarray(["counter", "online", "post"] as const, { minLength: 1 }),
      boundaryFree: fc.boolean(),
      documents: arbDocuments,
      fees: arbFees,
      signatureRequired: fc.boolean(),
      field: fc.constantFrom("civil-status", "residence", "land", "business-household", "construction"),
    })
    .chain((r) =>
      fc
        .tuple(
          arbProcess(r.provincialTime),
          options.variants === false ? fc.constant([]) : arbVariants(r.provincialTime),
        )
        .map(
          ([process, variants]): Procedure => ({
            code: `${r.codePrefix}.${String(r.codeDigits).padStart(6, "0")}`,
            name: `Thủ tục kiểm thử ${r.codeDigits}`,
            field: { code: r.field, name: r.field },
            levels: [r.level],
            authority: {
              level: r.level,
              agencyKind: r.level === "province" ? "provincial-department" : "commune-people-committee",
              ...(r.level === "province" ? { agencyCode: "SO-KIEM-THU" } : {}),
              title: r.level === "province" ? "Giám đốc Sở" : "Chủ tịch UBND cấp xã",
              territorialBasis: "applicant-residence",
              requiresResidenceInProvince: false,
            },
            statutoryTime: { ...r.provincialTime, amount: r.provincialTime.amount + r.statutoryExtra },
            provincialTime: r.provincialTime,
            onlineService: r.channels.includes("online") ? "full" : "none",
            channels: [...r.channels],
            boundaryFree: r.boundaryFree,
            documents: r.documents,
            fees: r.fees,
            process,
            result: { name: "Kết quả", form: "electronic", signatureRequired: r.signatureRequired },
            variants,
            effectiveFrom: "2025-07-01",
            publishedBy: "Dữ liệu kiểm thử",
            legalBasis: ["Dữ liệu kiểm thử"],
          }),
        ),
    )

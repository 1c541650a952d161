// Where citizens' money goes: every public service centre (the provincial one and one per commune-level unit) has a
// bank account of its own, kept as deployment data (catalog-quangninh's payment-accounts.json). A dossier's fees are
// collected by the centre of the unit that handles it (a commune-level dossier: that unit's centre; a province-level
// one: the provincial centre), whatever the counter or post office that took it in: the money is the handling
// authority's revenue, and one centre's account then holds every payment of its dossiers.
import { Schema } from "effect"
import type { IntakePoint, Jurisdiction } from "../jurisdiction/schema.ts"
import type { Problem } from "../shared/decode.ts"

const NonEmpty = Schema.String.check(Schema.isMinLength(1))

/** One centre's collection account and the symbols of its e-receipts. */
export const CentreAccount = Schema.Struct({
  /** The centre: an intake point of kind `provincial-centre` or `commune-centre`. */
  centreId: NonEmpty,
  /** The NAPAS bank identification number of the bank holding the account (6 digits). */
  bankBin: Schema.String.check(Schema.isPattern(/^\d{6}$/u)),
  bankName: NonEmpty,
  /** As a VietQR carries it: 1–19 digits or upper-case letters. */
  accountNumber: Schema.String.check(Schema.isPattern(/^[0-9A-Z]{1,19}$/u)),
  /** The account holder, as the bank shows it to the payer. */
  accountName: NonEmpty,
  /**
   * The centre's own part of its e-receipt series symbol (ký hiệu biên lai), 1–6 upper-case letters or digits;
   * the year and `E` (electronic) are added per year: `HG` → `HG-25E`.
   */
  receiptSeries: Schema.String.check(Schema.isPattern(/^[0-9A-Z]{1,6}$/u)),
  /** Set when the account is a placeholder (sample data). */
  unverified: Schema.optionalKey(NonEmpty),
})
export type CentreAccount = typeof CentreAccount.Type

/** The deployment's payment data: the e-receipt form symbol and one account per centre. */
export const PaymentAccounts = Schema.Struct({
  /** The e-receipt form symbol (ký hiệu mẫu biên lai) registered by the province, e.g. `01BLP0-001`. */
  receiptForm: NonEmpty,
  /** The collecting organisation printed on receipts. */
  collector: NonEmpty,
  accounts: Schema.Array(CentreAccount),
})
export type PaymentAccounts = typeof PaymentAccounts.Type

const isCentre = (p: IntakePoint) => p.kind === "provincial-centre" || p.kind === "commune-centre"

/**
 * The centre that collects a dossier's payments: the commune centre of its handling unit, else (province level, or
 * a unit without a centre) the provincial centre.
 */
export function collectingCentre(
  jurisdiction: Pick<Jurisdiction, "intakePoints">,
  dossier: { readonly unitCode?: string | undefined },
): IntakePoint | undefined {
  const points = jurisdiction.intakePoints
  return (
    (dossier.unitCode === undefined
      ? undefined
      : points.find((p) => p.kind === "commune-centre" && p.unitCode === dossier.unitCode)) ??
    points.find((p) => p.kind === "provincial-centre")
  )
}

/**
 * What is wrong between the accounts and the jurisdiction: every centre has exactly one account, every account
 * belongs to a centre, no account or receipt series is used by two centres.
 */
export function paymentAccountProblems(
  jurisdiction: Pick<Jurisdiction, "intakePoints">,
  data: PaymentAccounts,
  prefix = "accounts",
): Problem[] {
  const problems: Problem[] = []
  const centres = new Map(jurisdiction.intakePoints.filter(isCentre).map((p) => [p.id, p]))
  const seen = {
    centre: new Map<string, number>(),
    account: new Map<string, number>(),
    series: new Map<string, number>(),
  }
  data.accounts.forEach((a, i) => {
    const at = `${prefix}[${i}]`
    if (!centres.has(a.centreId))
      problems.push({
        path: `${at}.centreId`,
        message: `"${a.centreId}" không phải trung tâm phục vụ hành chính công (not a public service centre)`,
      })
    const twice = (kind: keyof typeof seen, key: string, field: string, what: string) => {
      const first = seen[kind].get(key)
      if (first === undefined) seen[kind].set(key, i)
      else problems.push({ path: `${at}.${field}`, message: `${what} trùng với ${prefix}[${first}] (used twice)` })
    }
    twice("centre", a.centreId, "centreId", "trung tâm đã có tài khoản")
    twice("account", `${a.bankBin}/${a.accountNumber}`, "accountNumber", "tài khoản")
    twice("series", a.receiptSeries, "receiptSeries", "ký hiệu biên lai")
  })
  for (const id of centres.keys())
    if (!seen.centre.has(id))
      problems.push({ path: prefix, message: `trung tâm ${id} chưa có tài khoản thu (centre without an account)` })
  return problems
}

/** The account of a centre. */
export const accountOf = (data: PaymentAccounts, centreId: string): CentreAccount | undefined =>
  data.accounts.find((a) => a.centreId === centreId)

/** The centre an account number belongs to (a statement line or a transfer notice names the account credited). */
export const centreOfAccount = (
  data: PaymentAccounts,
  accountNumber: string,
  bankBin?: string | undefined,
): CentreAccount | undefined =>
  data.accounts.find((a) => a.accountNumber === accountNumber && (bankBin === undefined || a.bankBin === bankBin))

/** The e-receipt series of a centre for a year: `HG` in 2025 → `HG-25E`. */
export const receiptSeriesFor = (account: CentreAccount, year: number): string =>
  `${account.receiptSeries}-${String(year % 100).padStart(2, "0")}E`

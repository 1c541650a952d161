// The authorisation policy: roles × actions × jurisdiction scope, deny by default. Pure: a principal, an action and
// the target (the dossier's authority, unit, intake point and applicant) in; allow, or deny with a reason, out.
// Every use case asks it before touching the dossier machine; the machine keeps its own role and step checks
// (defence in depth), so a principal the policy lets through may still be refused by the machine (ActionRefused).
import type { AppRole, Principal, PrincipalScope } from "./principal.ts"

/** What a principal may ask the application to do. */
export const appActions = [
  "dossier.fileOnline",
  "dossier.intake",
  "dossier.accept",
  "dossier.refuse",
  "dossier.requestSupplementation",
  "dossier.receiveSupplement",
  "dossier.requestPayment",
  "dossier.confirmPayment",
  /** A payment the gateway signed (its callback verified by the PaymentGateway port first): systems pay only so. */
  "dossier.confirmPaymentCallback",
  "dossier.completeStep",
  "dossier.transfer",
  "dossier.approve",
  "dossier.reject",
  "dossier.sign",
  /** A corrected result replacing the signed one (revoking it, if still valid, in the same step). */
  "dossier.replaceResult",
  "dossier.markResultReady",
  "dossier.returnResult",
  "dossier.withdraw",
  "dossier.stop",
  "dossier.extendWithApology",
  "dossier.correct",
  "dossier.deadlinePassed",
  "dossier.read",
  "dossier.readAudit",
  /**
   * Recording a paper of a dossier as digitised, or replacing it with a new version (digitisation/use-cases.ts): the
   * applicant's own upload, the officers and post office agents taking papers in for it.
   */
  "dossier.digitise",
  "queue.read",
  "lookup.public",
  /** Webhook subscriptions of embedding systems: the scope is checked by the use case (own subscriptions only). */
  "webhook.manage",
  /** Home pick-up of papers or delivery of the result by post, for a dossier in scope (postal/use-cases.ts). */
  "postal.request",
  /** The outbox as an operator sees it: rows, their errors, retrying dead ones (relay/operator.ts). */
  "outbox.manage",
  /** The dossier report of the leaders' dashboards, each dossier counted only for those whose scope reaches it. */
  "report.read",
  /** A payment request (VietQR or gateway) for what a dossier owes (payments/requests.ts). */
  "payment.create",
  /** A centre's payments ledger: money held for an officer, daily reconciliation (target: the centre). */
  "payment.ledger",
  /** Applying money held for an officer to a dossier, or asking for it to be sent back (target: the centre). */
  "payment.resolve",
  /** Asking for a refund of a refused or withdrawn dossier's fees. */
  "refund.request",
  /** Approving or rejecting a refund (never the account that asked for it). */
  "refund.approve",
  /** Recording the transfer back of an approved refund (the centre's accountant's, entered by the centre's head). */
  "refund.pay",
  /** Cancelling a wrong e-receipt and issuing its replacement. */
  "receipt.replace",
  /** The citizen's e-wallet: list and download its entries (the owner only: officers see copies in dossiers). */
  "wallet.read",
  /** Add a paper to the e-wallet, delete an entry (the owner only). */
  "wallet.manage",
  /** The applicant rates a returned dossier, once (quality/feedback.ts). */
  "rating.submit",
  /** A citizen sends a petition (phản ánh, kiến nghị) about a dossier or a procedure. */
  "petition.file",
  /** Reading a petition: its sender, and the staff of the authority that handles it. */
  "petition.read",
  /** Classifying, refusing, asking for more, answering and publishing a petition: the authority's staff. */
  "petition.handle",
  /** The sender rates the handling of a published petition. */
  "petition.rate",
  /** Service-level notices (due soon, overdue) and the list of overdue dossiers without an apology (quality/sla.ts). */
  "sla.read",
] as const
export type AppAction = (typeof appActions)[number]

/**
 * What a grant's target is checked against:
 * - `public`: nothing (anyone, even anonymous: the public lookup);
 * - `own`: a citizen account that filed the dossier or is its applicant;
 * - `intake`: the dossier's authority, unit or intake point is in the staff scope;
 * - `agency`: its authority or unit is in the staff scope (or, for an inter-agency step, the authority holding it);
 * - `intake-point`: its intake point is in the staff scope;
 * - `client`: an integration client acting for the dossier's authority;
 * - `province`: the whole province for a staff account whose scope is province-level (`level: "province"`, such as
 *   the province's administrator, who lists no authority); a commune-level scope reaches what it lists, as `agency`.
 */
export type ScopeRule = "public" | "own" | "intake" | "agency" | "intake-point" | "client" | "province"

const leaderGrants: Readonly<Partial<Record<AppAction, ScopeRule>>> = {
  "dossier.requestSupplementation": "agency",
  "dossier.requestPayment": "agency",
  "dossier.completeStep": "agency",
  "dossier.transfer": "agency",
  "dossier.approve": "agency",
  "dossier.reject": "agency",
  "dossier.sign": "agency",
  "dossier.replaceResult": "agency",
  "dossier.markResultReady": "agency",
  "dossier.stop": "agency",
  "dossier.extendWithApology": "agency",
  "dossier.correct": "agency",
  "dossier.read": "agency",
  "queue.read": "agency",
  "lookup.public": "public",
  "report.read": "agency",
  "refund.approve": "agency",
  "receipt.replace": "agency",
  "petition.read": "agency",
  "petition.handle": "agency",
  "sla.read": "agency",
}

/**
 * The matrix: for each role, the actions it may take and the scope each is checked against. Unlisted = denied.
 * Who may send each dossier event is the domain's (permissions.ts); policy.test.ts checks that this matrix grants an
 * action to exactly the roles the domain lets send its event (to a subset, for step-bound events, where the
 * policy may be narrower than "whoever holds the step").
 */
export const permissionMatrix: Readonly<Record<AppRole, Readonly<Partial<Record<AppAction, ScopeRule>>>>> = {
  citizen: {
    "dossier.fileOnline": "own",
    "dossier.receiveSupplement": "own",
    "dossier.withdraw": "own",
    "dossier.read": "own",
    "dossier.digitise": "own",
    "lookup.public": "public",
    "postal.request": "own",
    "payment.create": "own",
    "wallet.read": "own",
    "wallet.manage": "own",
    "rating.submit": "own",
    "petition.file": "public",
    "petition.read": "own",
    "petition.rate": "own",
  },
  "counter-officer": {
    "dossier.intake": "intake-point",
    "dossier.accept": "intake",
    "dossier.refuse": "intake",
    "dossier.receiveSupplement": "intake",
    "dossier.confirmPayment": "intake",
    "dossier.requestSupplementation": "intake",
    "dossier.requestPayment": "intake",
    "dossier.completeStep": "intake",
    "dossier.markResultReady": "intake",
    "dossier.returnResult": "intake",
    "dossier.withdraw": "intake",
    "dossier.stop": "intake",
    "dossier.correct": "intake",
    "dossier.read": "intake",
    "dossier.digitise": "intake",
    "queue.read": "intake",
    "lookup.public": "public",
    "postal.request": "intake",
    "payment.create": "intake",
    "payment.ledger": "intake-point",
    "payment.resolve": "intake-point",
    "refund.request": "intake",
    "petition.read": "intake",
    "petition.handle": "intake",
    "sla.read": "intake",
  },
  specialist: {
    "dossier.requestSupplementation": "agency",
    "dossier.requestPayment": "agency",
    "dossier.completeStep": "agency",
    "dossier.transfer": "agency",
    "dossier.markResultReady": "agency",
    "dossier.stop": "agency",
    "dossier.extendWithApology": "agency",
    "dossier.correct": "agency",
    "dossier.read": "agency",
    "queue.read": "agency",
    "lookup.public": "public",
    "petition.read": "agency",
    "petition.handle": "agency",
    "sla.read": "agency",
  },
  // A unit's leader and the authority's leader may do the same; which of them decides a dossier is the
  // procedure's step role, which the machine checks (domain permissions.ts).
  "unit-leader": leaderGrants,
  "authority-leader": leaderGrants,
  clerk: {
    "dossier.completeStep": "agency",
    "dossier.markResultReady": "agency",
    "dossier.correct": "agency",
    "dossier.read": "agency",
    "queue.read": "agency",
    "lookup.public": "public",
    "sla.read": "agency",
  },
  "inter-agency": {
    "dossier.requestSupplementation": "agency",
    "dossier.requestPayment": "agency",
    "dossier.completeStep": "agency",
    "dossier.stop": "agency",
    "dossier.read": "agency",
    "queue.read": "agency",
    "lookup.public": "public",
    "sla.read": "agency",
  },
  "post-office-agent": {
    "dossier.intake": "intake-point",
    "dossier.receiveSupplement": "intake-point",
    "dossier.returnResult": "intake-point",
    "dossier.read": "intake-point",
    "dossier.digitise": "intake-point",
    "queue.read": "intake-point",
    "lookup.public": "public",
    "postal.request": "intake-point",
    "payment.create": "intake-point",
  },
  // The centre's head: its ledger, and approval of refunds of money the centre took in (a dossier taken in there, or
  // money held at its account).
  "centre-admin": {
    "dossier.read": "intake",
    "dossier.readAudit": "intake",
    "queue.read": "intake",
    "lookup.public": "public",
    "report.read": "intake",
    "payment.ledger": "intake-point",
    "refund.approve": "intake-point",
    "refund.pay": "intake-point",
    "receipt.replace": "intake-point",
    "petition.read": "intake",
    "sla.read": "intake",
  },
  "province-admin": {
    "dossier.read": "agency",
    "dossier.readAudit": "agency",
    "queue.read": "agency",
    "lookup.public": "public",
    "webhook.manage": "public",
    "outbox.manage": "public",
    // the index and dossier reports of the whole province (counts, and the dossier codes behind them)
    "report.read": "province",
    "petition.read": "agency",
    "sla.read": "agency",
  },
  auditor: {
    "dossier.read": "agency",
    "dossier.readAudit": "agency",
    "lookup.public": "public",
    "petition.read": "agency",
    "report.read": "agency",
  },
  // A system holds an API key, which proves who it is but not what happened: it may only do what is proven some other
  // way, or what only a system does.
  // - A payment only through the gateway's signed callback (`confirmPaymentCallback`), never `dossier.confirmPayment`:
  //   any API key could otherwise declare a dossier paid without the gateway's signature.
  // - The supplementation deadline check: the relay's scheduler acts as an integration client; no route exposes it.
  // - Returning the result to the citizen's e-wallet: the e-wallet connector delivers it; the machine lets `system`
  //   return a result only by e-wallet (counter and post stay an officer's or a post office agent's).
  "integration-client": {
    "dossier.confirmPaymentCallback": "client",
    "dossier.deadlinePassed": "client",
    "dossier.returnResult": "client",
    "lookup.public": "public",
    "webhook.manage": "public",
  },
}

/** What an action is about: the dossier's authority, unit, intake point and the accounts that own it. */
export interface PolicyTarget {
  readonly agencyCode?: string
  readonly unitCode?: string
  readonly intakePointId?: string
  /** For an inter-agency step: the other authority that holds the dossier now. */
  readonly holderAgencyCode?: string
  /** The account that filed the dossier and the applicant's id (citizen id / enterprise code). */
  readonly ownerIds?: ReadonlyArray<string>
}

export type PolicyDecision =
  | { readonly allow: true; readonly role: AppRole; readonly rule: ScopeRule }
  | { readonly allow: false; readonly reason: string }

const has = (list: ReadonlyArray<string>, value: string | undefined) => value !== undefined && list.includes(value)

/** Whether the principal's scope satisfies the rule for the target. Deny by default: an empty target never does. */
export function inScope(scope: PrincipalScope, rule: ScopeRule, target: PolicyTarget): boolean {
  switch (rule) {
    case "public":
      return true
    case "own":
      return scope._tag === "Citizen" && has(target.ownerIds ?? [], scope.citizenId)
    case "client":
      return scope._tag === "Integration" && has(scope.agencyCodes, target.agencyCode)
    case "intake":
      return (
        scope._tag === "Staff" &&
        (has(scope.agencyCodes, target.agencyCode) ||
          has(scope.unitCodes, target.unitCode) ||
          has(scope.intakePointIds, target.intakePointId))
      )
    case "agency":
      return (
        scope._tag === "Staff" &&
        (has(scope.agencyCodes, target.agencyCode) ||
          has(scope.unitCodes, target.unitCode) ||
          has(scope.agencyCodes, target.holderAgencyCode))
      )
    case "intake-point":
      return scope._tag === "Staff" && has(scope.intakePointIds, target.intakePointId)
    case "province":
      return (
        scope._tag === "Staff" &&
        ((scope.level === "province" && (target.agencyCode !== undefined || target.unitCode !== undefined)) ||
          inScope(scope, "agency", target))
      )
  }
}

/**
 * What of the province a staff principal's grant of `action` reaches, for the use cases that ask the store for
 * everything in scope at once (reports, lists) rather than checking one target: the whole province (a role granting
 * it with the `province` rule, on a province-level scope), or the authorities, units and intake points the scope
 * lists. Undefined when no role of the principal grants the action or the principal is not staff. The one place a
 * scope becomes a list to filter by; `inScope` stays the one place a single target is judged.
 */
export type Reach =
  | { readonly _tag: "Province" }
  | {
      readonly _tag: "Listed"
      readonly agencyCodes: ReadonlyArray<string>
      readonly unitCodes: ReadonlyArray<string>
      readonly intakePointIds: ReadonlyArray<string>
    }

export function reachOf(principal: Principal, action: AppAction): Reach | undefined {
  const scope = principal.scope
  if (scope._tag !== "Staff") return undefined
  const rules = principal.roles.flatMap((role) => permissionMatrix[role]?.[action] ?? [])
  if (rules.length === 0) return undefined
  if (scope.level === "province" && rules.includes("province")) return { _tag: "Province" }
  return {
    _tag: "Listed",
    agencyCodes: scope.agencyCodes,
    unitCodes: scope.unitCodes,
    intakePointIds: scope.intakePointIds,
  }
}

/**
 * Which dossiers a reader's scope reaches, as lists matched against the stored columns (either list matching is
 * enough): `targetReach`. `Everything` reaches every dossier.
 */
export type TargetReach =
  | { readonly _tag: "Everything" }
  | {
      readonly _tag: "Columns"
      readonly agencyCodes: ReadonlyArray<string>
      readonly unitCodes: ReadonlyArray<string>
      readonly intakePointIds: ReadonlyArray<string>
      readonly holderAgencyCodes: ReadonlyArray<string>
    }

/**
 * What the principal's grant of `action` reaches, as lists matched against a dossier's columns (its authority, unit,
 * intake point, the authority holding its open step): exactly the targets `authorize` allows for some role of the
 * principal (policy.test.ts holds the two together on generated targets), for the use cases that let the store count
 * everything in scope at once (the dossier report). Each role's rule adds the lists it looks at; a province-wide
 * rule on a province-level scope reaches everything. Undefined when a rule looks at something not in columns (the
 * owners, an integration client) or no role grants the action: the caller judges each target then.
 */
export function targetReach(principal: Principal, action: AppAction): TargetReach | undefined {
  const scope = principal.scope
  const rules = principal.roles.flatMap((role) => permissionMatrix[role]?.[action] ?? [])
  if (rules.length === 0) return undefined
  if (rules.includes("public")) return { _tag: "Everything" }
  if (rules.some((rule) => rule === "own" || rule === "client")) return undefined
  // the rules left are staff rules: a citizen's or client's scope satisfies none of them
  if (scope._tag !== "Staff")
    return { _tag: "Columns", agencyCodes: [], unitCodes: [], intakePointIds: [], holderAgencyCodes: [] }
  if (scope.level === "province" && rules.includes("province")) return { _tag: "Everything" }
  // a province rule on a commune-level scope is the agency rule
  const looks = new Set(rules.map((rule) => (rule === "province" ? "agency" : rule)))
  const byAuthorityOrUnit = looks.has("agency") || looks.has("intake")
  return {
    _tag: "Columns",
    agencyCodes: byAuthorityOrUnit ? scope.agencyCodes : [],
    unitCodes: byAuthorityOrUnit ? scope.unitCodes : [],
    intakePointIds: looks.has("intake") || looks.has("intake-point") ? scope.intakePointIds : [],
    holderAgencyCodes: looks.has("agency") ? scope.agencyCodes : [],
  }
}

/** Whether a reach takes in a dossier with these columns (either list matching is enough): what the stores do in SQL. */
export function reaches(reach: TargetReach, target: PolicyTarget): boolean {
  if (reach._tag === "Everything") return true
  return (
    has(reach.agencyCodes, target.agencyCode) ||
    has(reach.unitCodes, target.unitCode) ||
    has(reach.intakePointIds, target.intakePointId) ||
    has(reach.holderAgencyCodes, target.holderAgencyCode)
  )
}

/** The roles that may ever take `action` (whatever the scope), in matrix order. */
export const rolesFor = (action: AppAction): AppRole[] =>
  (Object.keys(permissionMatrix) as AppRole[]).filter((role) => permissionMatrix[role][action] !== undefined)

/**
 * Allow or deny. The principal's roles are tried in order (or only `preferredRoles` first, when given: e.g. the role
 * of the step holding the dossier); the first role that grants the action with its scope satisfied wins.
 */
export function authorize(
  principal: Principal,
  action: AppAction,
  target: PolicyTarget,
  preferredRoles: ReadonlyArray<string> = [],
): PolicyDecision {
  const ordered = [
    ...principal.roles.filter((r) => preferredRoles.includes(r)),
    ...principal.roles.filter((r) => !preferredRoles.includes(r)),
  ]
  let outOfScope: AppRole | undefined
  for (const role of ordered) {
    const rule = permissionMatrix[role]?.[action]
    if (rule === undefined) continue
    if (inScope(principal.scope, rule, target)) return { allow: true, role, rule }
    outOfScope ??= role
  }
  if (outOfScope !== undefined) {
    return {
      allow: false,
      reason: `tài khoản ${principal.id} (${outOfScope}) không thuộc phạm vi của hồ sơ / account ${principal.id} does not act for this target`,
    }
  }
  return {
    allow: false,
    reason: `vai trò ${principal.roles.join(", ") || "(không có)"} không được phép "${action}" / no role of account ${principal.id} grants "${action}"`,
  }
}

/** The matrix as rows (role, action, scope), for documentation and tests. */
export const permissionRows = (): Array<{ role: AppRole; action: AppAction; scope: ScopeRule }> =>
  (Object.entries(permissionMatrix) as Array<[AppRole, Partial<Record<AppAction, ScopeRule>>]>).flatMap(
    ([role, actions]) =>
      (Object.entries(actions) as Array<[AppAction, ScopeRule]>).map(([action, scope]) => ({ role, action, scope })),
  )

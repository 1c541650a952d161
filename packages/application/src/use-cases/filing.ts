// Filing: a dossier comes into existence, online (the citizen's own account) or at an intake point (a centre's
// counter or a post office agent). The application routes it to the competent authority (resolveCompetence),
// allocates its code from the authority's daily sequence (formatDossierCode), starts the machine (`open`) and stores
// it at version 1 with its audit entry and outbox rows, all in one transaction. Filing is idempotent by key.
//
// Fee amounts come from the catalogue's rules, never from the payer: the use case quotes them (`quoteFees`) for the
// filing's channel, variant and the facts the rules depend on (categories, quantities, value, area) and hands the
// quoted lines to the machine. A filing that brings its own amounts (`fees`) is refused: a citizen could otherwise
// set their own fee, down to 0 đ, and every later "fees unpaid" check would pass.
import {
  type Applicant,
  applicantIdProblem,
  applyVariant,
  type Channel,
  type DocumentPresent,
  type ExemptionClaim,
  type FeeQuoteRequest,
  type FileDossierInput,
  formatDossierCode,
  type Intake,
  missingDocumentsToSubmit,
  open,
  type PortalFiling,
  type Procedure,
  quoteFees,
  resolveCompetence,
  stateOf,
  vietnamDate,
} from "@motcua/domain"
import { Effect, Result } from "effect"
import { authorize } from "../authorization/policy.ts"
import type { Principal } from "../authorization/principal.ts"
import { type FilingPaper, filingPapers, type PaperInput, storeFilingPapers } from "../digitisation/use-cases.ts"
import { type DossierView, viewOf } from "../dossier/engine.ts"
import { machineFor } from "../dossier/machines.ts"
import { paymentRequestsIn, planOf } from "../dossier/plan.ts"
import { summarize } from "../dossier/summary.ts"
import { actorOf } from "../dossier/target.ts"
import { ActionRefused, FilingRefused, Forbidden } from "../errors.ts"
import { onceFor } from "../idempotency.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { DossierStore } from "../ports/dossier-store.ts"
import { Ids } from "../ports/ids.ts"
import type { Json } from "../ports/json.ts"
import type { PopulationConsentKind } from "../ports/population-registry.ts"
import { UnitOfWork } from "../ports/unit-of-work.ts"
import { SimulationRun } from "../simulation/simulation-run.ts"
import { takeFromWallet } from "../wallet/use-cases.ts"
import { verifyFilingApplicant } from "./population.ts"

/** The facts a procedure's fee rules depend on, as the fee quote takes them (the channel is the filing's own). */
export type FeeFacts = Omit<FeeQuoteRequest, "channel" | "variantId">

/**
 * What the applicant (or the officer for them) submits. JSON: it is hashed for idempotency. No fee amounts: they are
 * quoted from the catalogue with the fee facts; a `fees` field is refused (`FilingRefused` "fee-amounts-not-accepted").
 */
export type FilingInput = FeeFacts & {
  readonly procedureCode: string
  readonly variantId?: string
  readonly applicant: Applicant
  /** The applicant's residence: province code, and the commune-level unit when in this province. */
  readonly residence: { readonly provinceCode: string; readonly unitCode?: string }
  /** Where the subject is (land parcel, building, event), for procedures decided where the subject is. */
  readonly subjectUnitCode?: string
  readonly summary?: string
  readonly documents: ReadonlyArray<DocumentPresent>
  /** Staged documents (DocumentStore.put: scans, uploads) to attach to the new dossier. */
  readonly attachmentIds?: ReadonlyArray<string>
  /**
   * Which required document each scanned or uploaded paper is (the staged document holding it, its pages and, from
   * the counter agent, its SHA-256): each is recorded as digitised (digitisation/use-cases.ts) and attached; the
   * documents' `digitised` flags follow from these records.
   */
  readonly papers?: ReadonlyArray<PaperInput>
  /**
   * Online: the citizen files for someone else (a child, a person who authorised them): how they are related. Without
   * it, an online filing's applicant must be the signed-in citizen.
   */
  readonly onBehalfOf?: { readonly relationship: string }
  /**
   * Online: required documents taken from the signed-in citizen's e-wallet instead of uploaded (the wallet entry is
   * copied to the dossier; the document is marked as taken from the citizen's store).
   */
  readonly fromWallet?: ReadonlyArray<{ readonly documentId: string; readonly walletEntryId: string }>
  /**
   * What proves each of `applicantCategories`: one of `attachmentIds` (the certificate, the card), or — at an intake
   * point only — `confirmed: true`, the officer or agent filing it saw the original. A category without one is
   * refused (`exemption-unproven`): a self-declared category alone never reduces a fee.
   */
  readonly exemptionProofs?: ReadonlyArray<ExemptionProof>
  /**
   * Check the applicant (a citizen) against the national population database, with their consent given as said: the
   * dossier records the verification (indicator 4.5(b), the portal's "verified" flag); not found or a name that does
   * not match is refused (population.ts).
   */
  readonly verifyApplicant?: { readonly consent: PopulationConsentKind }
}

export interface ExemptionProof {
  readonly category: string
  readonly attachmentId?: string
  readonly confirmed?: true
}

export type CounterFilingInput = FilingInput & { readonly intakePointId: string }

/** The owner key under which an intake point lists the dossiers it took in (never a citizen's id: it has a prefix). */
export const intakePointOwner = (intakePointId: string): string => `intake-point:${intakePointId}`

const file = (
  principal: Principal,
  input: FilingInput,
  intake: Intake,
  actorRole: "citizen" | "counter-officer" | "post-office-agent",
  portal?: PortalFiling,
  walletPapers: ReadonlyArray<FilingPaper> = [],
) =>
  Effect.gen(function* () {
    const catalog = yield* CatalogStore
    const store = yield* DossierStore
    const unitOfWork = yield* UnitOfWork
    const ids = yield* Ids
    const simulated = yield* SimulationRun
    const at = yield* (yield* Clock).now
    const day = vietnamDate(at)
    const procedure = yield* catalog
      .procedureInForce(input.procedureCode, day)
      .pipe(Effect.mapError((e) => new FilingRefused({ reason: "procedure-not-found", detail: e.message })))
    const competence = resolveCompetence({
      procedure,
      jurisdiction: catalog.jurisdiction,
      intake,
      applicant: input.residence,
      ...(input.subjectUnitCode === undefined ? {} : { subjectUnitCode: input.subjectUnitCode }),
    })
    if (Result.isFailure(competence)) {
      return yield* Effect.fail(
        new FilingRefused({ reason: competence.failure.reason, detail: competence.failure.detail }),
      )
    }
    const { authority, handlingUnitCode, intakePoint, channel } = competence.success
    const machine = yield* machineFor(catalog, procedure, input.variantId)
    // the papers it brings, checked and made into records before anything is written; the documents' flags follow
    // from them alone (a flag the filing declares without a paper is dropped), save the national portal's own
    const brought = yield* filingPapers(principal, {
      procedure,
      variantId: input.variantId,
      at,
      agencyCode: authority.code,
      unitCode: handlingUnitCode ?? null,
      intakePointId: intakePoint?.id ?? null,
      documents: input.documents,
      papers: [...(input.papers ?? []).map((p, i) => ({ ...p, field: `papers[${i}]` })), ...walletPapers],
      portal: portal !== undefined,
    })
    const documents = brought.documents
    const attachmentIds = [...new Set([...(input.attachmentIds ?? []), ...brought.papers.map((p) => p.fileId)])]
    if (channel === "online") {
      const missing = yield* missingOnline(procedure, { ...input, documents })
      if (missing !== undefined) return yield* Effect.fail(missing)
    }
    const applicantVerification =
      input.verifyApplicant === undefined
        ? undefined
        : yield* verifyFilingApplicant(principal, input.applicant, input.verifyApplicant.consent, procedure.code)
    const fees = yield* catalogueFees(procedure, input, channel)
    const exemptions = yield* exemptionClaims(principal, input, actorRole)
    // the person filing for the applicant (online, marked onBehalfOf): recorded on the dossier
    const representative =
      actorRole === "citizen" && input.onBehalfOf !== undefined
        ? {
            id: principal.id,
            ...(principal.name === undefined ? {} : { name: principal.name }),
            relationship: input.onBehalfOf.relationship,
          }
        : undefined
    return yield* unitOfWork.transaction(
      Effect.gen(function* () {
        const sequence = yield* store.nextDailySequence(authority.code, day)
        const code = formatDossierCode({ agencyCode: authority.code, date: day, sequence })
        if (Result.isFailure(code)) {
          return yield* Effect.fail(new FilingRefused({ reason: "dossier-code", detail: code.failure.message }))
        }
        const filing: FileDossierInput = {
          type: "file",
          actor: actorOf(principal, actorRole),
          at,
          dossierCode: code.success,
          channel,
          ...(intakePoint === undefined ? {} : { intakePointId: intakePoint.id }),
          agencyCode: authority.code,
          ...(handlingUnitCode === undefined ? {} : { unitCode: handlingUnitCode }),
          applicant: input.applicant,
          ...(representative === undefined ? {} : { representative }),
          ...(input.summary === undefined ? {} : { summary: input.summary }),
          documents,
          fees,
          ...(exemptions.length === 0 ? {} : { exemptions }),
          ...(simulated ? { simulated: true as const } : {}),
          ...(portal === undefined ? {} : { portal }),
          ...(applicantVerification === undefined ? {} : { applicantVerification }),
        }
        const opened = open(machine, filing)
        if (!opened.ok) return yield* Effect.fail(new ActionRefused({ code: code.success, reason: opened.reason }))
        const next = opened.persisted
        // the catalogue's fees are requested at filing (one payment request when something is owed)
        const paymentRequestIds = yield* Effect.forEach(Array.from({ length: paymentRequestsIn(opened.actions) }), () =>
          ids.next("payment-request"),
        )
        const plan = planOf({
          actions: opened.actions,
          context: next.context,
          state: stateOf(next),
          procedure,
          principalId: principal.id,
          principalName: principal.name,
          jurisdiction: catalog.jurisdiction,
          eventData: {
            procedureCode: procedure.code,
            ...(input.variantId === undefined ? {} : { variantId: input.variantId }),
            channel,
            ...(intakePoint === undefined ? {} : { intakePointId: intakePoint.id }),
            documents: documents.map((d) => d.id),
          } satisfies Json,
          paymentRequestIds,
        })
        const record = yield* store.create({
          code: code.success,
          snapshot: next as unknown as Json,
          summary: summarize(next, procedure),
          at,
          audit: plan.audit,
          outbox: plan.outbox,
          ...(attachmentIds.length === 0 ? {} : { documentIds: attachmentIds, attachedBy: principal.id }),
          // the applicant and the account that filed list it as theirs (officers find theirs in work queues); a
          // dossier taken in at an intake point is on that point's list too (intakePointDossiers: the post office's
          // results to hand back)
          owners:
            actorRole === "citizen"
              ? [input.applicant.id, principal.id]
              : [input.applicant.id, ...(intake.kind === "intake-point" ? [intakePointOwner(intake.id)] : [])],
        })
        yield* storeFilingPapers(code.success, brought.papers)
        return viewOf(record)
      }),
    )
  })

/**
 * An online filing must bring every mandatory document to submit (not those only shown at the counter): one that
 * lacks some is refused with the list, rather than found incomplete at intake days later.
 */
const missingOnline = (procedure: Procedure, input: FilingInput) => {
  const applied = applyVariant(procedure, input.variantId)
  if (Result.isFailure(applied)) return Effect.succeed(undefined) // machineFor has refused an unknown variant
  const missing = missingDocumentsToSubmit(applied.success, input.documents)
  return Effect.succeed(
    missing.length === 0
      ? undefined
      : new FilingRefused({
          reason: "documents-missing",
          field: "documents",
          detail:
            `thiếu thành phần hồ sơ bắt buộc phải nộp: ${missing.map((d) => `${d.name} (${d.id})`).join("; ")} ` +
            `(mandatory documents missing: ${missing.map((d) => d.id).join(", ")})`,
        }),
  )
}

/** An applicant id that is neither a citizen's CCCD number nor (a business) a tax code: refused at its path. */
const applicantIdRefusal = (input: FilingInput): FilingRefused | undefined => {
  const problem = applicantIdProblem(input.applicant.kind, input.applicant.id)
  return problem === undefined
    ? undefined
    : new FilingRefused({ reason: "applicant-id-invalid", field: "applicant.id", detail: problem })
}

/**
 * Online, a citizen files as the applicant, or says for whom they file (onBehalfOf): a filing under another person's
 * id number without it is refused, so nobody files in someone else's name by accident or on purpose unrecorded.
 */
const applicantRefusal = (principal: Principal, input: FilingInput): FilingRefused | undefined =>
  principal.scope._tag === "Citizen" &&
  input.applicant.id !== principal.scope.citizenId &&
  input.onBehalfOf === undefined
    ? new FilingRefused({
        reason: "applicant-not-caller",
        field: "applicant.id",
        detail:
          "người nộp trực tuyến phải là chính chủ tài khoản; nếu nộp thay người khác, khai onBehalfOf.relationship " +
          "(the online applicant must be the signed-in citizen; to file for someone else, give onBehalfOf.relationship)",
      })
    : undefined

const unproven = (field: string, detail: string) =>
  Effect.fail(new FilingRefused({ reason: "exemption-unproven", field, detail }))

/**
 * The exemptions the filing claims, each with its proof (see FilingInput.exemptionProofs): a document among the
 * filing's attachments, or the confirmation of the officer or agent filing it at an intake point (recorded with
 * their account). Checked before the dossier exists, so a refusal leaves nothing behind.
 */
export const exemptionClaims = (
  principal: Principal,
  input: FilingInput,
  actorRole: "citizen" | "counter-officer" | "post-office-agent",
): Effect.Effect<ReadonlyArray<ExemptionClaim>, FilingRefused> =>
  Effect.gen(function* () {
    const categories = [...new Set(input.applicantCategories ?? [])]
    const proofs = input.exemptionProofs ?? []
    const attached = new Set(input.attachmentIds ?? [])
    for (const [j, proof] of proofs.entries()) {
      if (!categories.includes(proof.category)) {
        return yield* unproven(
          `exemptionProofs[${j}].category`,
          `"${proof.category}" không có trong applicantCategories / is not one of the categories claimed`,
        )
      }
      if (proof.attachmentId === undefined && proof.confirmed !== true) {
        return yield* unproven(
          `exemptionProofs[${j}]`,
          "cần attachmentId (giấy tờ đính kèm) hoặc confirmed (cán bộ xác nhận đã xem bản chính) / needs an " +
            "attachmentId or an officer's confirmation",
        )
      }
      if (proof.attachmentId !== undefined && !attached.has(proof.attachmentId)) {
        return yield* unproven(
          `exemptionProofs[${j}].attachmentId`,
          `giấy tờ ${proof.attachmentId} không nằm trong attachmentIds của hồ sơ / is not among the filing's attachmentIds`,
        )
      }
      if (proof.confirmed === true && actorRole === "citizen") {
        return yield* unproven(
          `exemptionProofs[${j}].confirmed`,
          "chỉ cán bộ tiếp nhận hoặc nhân viên bưu điện xác nhận được; nộp trực tuyến hãy đính kèm giấy tờ chứng minh " +
            "/ only the officer or agent at an intake point confirms; online, attach the proof",
        )
      }
    }
    const claims: ExemptionClaim[] = []
    for (const [i, category] of categories.entries()) {
      const proof = proofs.find((p) => p.category === category)
      if (proof === undefined) {
        return yield* unproven(
          `applicantCategories[${i}]`,
          `miễn, giảm cho đối tượng "${category}" cần giấy tờ chứng minh (exemptionProofs) / the exemption for ` +
            `"${category}" needs its proof in exemptionProofs`,
        )
      }
      claims.push({
        category,
        ...(proof.attachmentId === undefined ? {} : { documentId: proof.attachmentId }),
        ...(proof.confirmed === true ? { confirmedBy: principal.id } : {}),
      })
    }
    return claims
  })

/** A filing that brings its own fee amounts: refused, whoever the caller (amounts are the catalogue's, see above). */
const callerAmountsRefusal = (input: object): FilingRefused | undefined =>
  "fees" in input && input.fees !== undefined
    ? new FilingRefused({
        reason: "fee-amounts-not-accepted",
        field: "fees",
        detail:
          "số tiền phí, lệ phí do hệ thống tính theo danh mục thủ tục, người nộp không tự khai; bỏ trường fees và " +
          "khai số lượng, giá trị, diện tích, đối tượng miễn giảm nếu có (fee amounts are computed from the " +
          "catalogue, not given by the caller: drop `fees`, give quantities, declaredValue, area, applicantCategories)",
      })
    : undefined

/**
 * The fee lines of the filing, quoted from the catalogue for its channel, variant and fee facts. A missing fact is
 * `MissingFeeInput` (every one at once, with its field); a channel the procedure does not take is a refusal.
 */
const catalogueFees = (procedure: Procedure, input: FilingInput, channel: Channel) => {
  const quoted = quoteFees(procedure, {
    channel,
    ...(input.variantId === undefined ? {} : { variantId: input.variantId }),
    ...(input.applicantCategories === undefined ? {} : { applicantCategories: input.applicantCategories }),
    ...(input.quantities === undefined ? {} : { quantities: input.quantities }),
    ...(input.declaredValue === undefined ? {} : { declaredValue: input.declaredValue }),
    ...(input.area === undefined ? {} : { area: input.area }),
  })
  if (Result.isSuccess(quoted))
    return Effect.succeed(quoted.success.lines.map((line) => ({ feeId: line.itemId, amount: line.amount })))
  const failure = quoted.failure
  return failure._tag === "ChannelNotAllowed"
    ? Effect.fail(new FilingRefused({ reason: "channel-not-offered", detail: failure.message }))
    : Effect.fail(failure)
}

const forbid = (principal: Principal, action: string, reason: string) =>
  Effect.fail(new Forbidden({ principalId: principal.id, action, reason }))

/** The citizen files online from their own account. Idempotent by `idempotencyKey`. */
export const fileOnline = Effect.fnUntraced(function* (
  principal: Principal,
  input: FilingInput,
  idempotencyKey: string,
) {
  const own = principal.scope._tag === "Citizen" ? [principal.scope.citizenId] : []
  const allowed = authorize(principal, "dossier.fileOnline", { ownerIds: own })
  if (!allowed.allow) return yield* forbid(principal, "dossier.fileOnline", allowed.reason)
  const refused = callerAmountsRefusal(input) ?? applicantIdRefusal(input) ?? applicantRefusal(principal, input)
  if (refused !== undefined) return yield* Effect.fail(refused)
  const answer: DossierView = yield* onceFor(
    `dossier.file/${principal.id}`,
    idempotencyKey,
    input,
    Effect.gen(function* () {
      const picks = input.fromWallet ?? []
      if (picks.length === 0) return yield* file(principal, input, { kind: "online" }, "citizen")
      // the wallet's papers are copied into this filing and recorded as digitised papers taken from the citizen's
      // store (their documents flagged so by the records, digitisation/use-cases.ts)
      const copied = yield* takeFromWallet(principal, picks)
      const walletPapers: FilingPaper[] = picks.map((pick, i) => ({
        documentId: pick.documentId,
        attachmentId: copied[i] as string,
        walletEntryId: pick.walletEntryId,
        field: `fromWallet[${i}]`,
      }))
      const { fromWallet: _, ...rest } = input
      return yield* file(principal, rest, { kind: "online" }, "citizen", undefined, walletPapers)
    }),
  )
  return answer
})

/**
 * An officer takes a dossier in at the counter of an intake point (or a post office agent at its office): the
 * channel is the intake point's (counter, or post for a post office). Idempotent by `idempotencyKey`.
 */
export const intakeAtCounter = Effect.fnUntraced(function* (
  principal: Principal,
  input: CounterFilingInput,
  idempotencyKey: string,
) {
  const allowed = authorize(principal, "dossier.intake", { intakePointId: input.intakePointId })
  if (!allowed.allow) return yield* forbid(principal, "dossier.intake", allowed.reason)
  const refused = callerAmountsRefusal(input) ?? applicantIdRefusal(input)
  if (refused !== undefined) return yield* Effect.fail(refused)
  const role = allowed.role === "post-office-agent" ? "post-office-agent" : "counter-officer"
  const { intakePointId, ...filing } = input
  const answer: DossierView = yield* onceFor(
    `dossier.file/${principal.id}`,
    idempotencyKey,
    input,
    file(principal, filing, { kind: "intake-point", id: intakePointId }, role),
  )
  return answer
})

/**
 * A dossier filed on the national public service portal, received from it: filed online, for the applicant the
 * portal authenticated, as the citizen's own filing. Once per portal dossier id whatever the number of deliveries
 * (the id is the idempotency key; the same id with another procedure or applicant is IdempotencyKeyReused). The
 * caller (receivePortalFilings) is the system itself: the portal's filings are not a principal's request.
 */
export const fileFromPortal = Effect.fnUntraced(function* (input: FilingInput, portal: PortalFiling) {
  const principal: Principal = {
    id: `portal:${portal.applicantId ?? input.applicant.id}`,
    roles: ["citizen"],
    scope: { _tag: "Citizen", citizenId: input.applicant.id },
    name: input.applicant.name,
  }
  const answer: DossierView = yield* onceFor(
    "portal.inbound",
    portal.dossierId,
    { procedureCode: input.procedureCode, applicantId: input.applicant.id },
    file(principal, input, { kind: "online" }, "citizen", portal),
  )
  return answer
})

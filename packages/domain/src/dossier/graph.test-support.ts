// A sample procedure whose process has every kind of step (one-stop section, specialist, inter-agency, leader,
// return), a fee due before the result, and an event generator that proposes one plausible event of every type in
// any state: what `getShortestPaths` explores and what the totality test throws at every reachable state.
import type { Procedure } from "../catalogue/schema.ts"
import type { DossierContext } from "./context.ts"
import type { DossierSnapshot } from "./decide.ts"
import type { DossierEvent, DossierEventInput } from "./events.ts"
import { type ActorName, actors, OTHER_AGENCY, procedureWith } from "./fixtures.test-support.ts"
import { amountOwed, amountPaid } from "./guards.ts"

export const graphProcedure = (): Procedure =>
  procedureWith((p) => ({
    ...p,
    fees: [
      ...p.fees,
      {
        id: "copy-fee",
        kind: "fee",
        name: "Phí cấp bản sao",
        amount: { type: "flat", amount: 5000 },
        exemptions: [],
        due: "before-result",
        refund: { onRefusal: false, onWithdrawal: false },
        legalBasis: "Thông tư mẫu",
      },
    ],
    process: [
      {
        id: "receive",
        name: "Tiếp nhận",
        role: "counter-officer",
        unit: "Bộ phận Một cửa",
        allowance: { amount: 4, unit: "working-hours" },
      },
      {
        id: "appraise",
        name: "Thẩm định",
        role: "specialist",
        unit: "Công an cấp xã",
        allowance: { amount: 2, unit: "working-days" },
      },
      {
        id: "verify",
        name: "Xác minh liên thông",
        role: "inter-agency",
        unit: "Cơ quan phối hợp",
        allowance: { amount: 1, unit: "working-days" },
      },
      {
        id: "approve",
        name: "Phê duyệt",
        role: "authority-leader",
        unit: "Công an cấp xã",
        allowance: { amount: 1, unit: "working-days" },
      },
      {
        id: "return",
        name: "Trả kết quả",
        role: "counter-officer",
        unit: "Bộ phận Một cửa",
        allowance: { amount: 4, unit: "working-hours" },
      },
    ],
  }))

const HOLDER: Readonly<Record<string, ActorName>> = {
  "counter-officer": "counter",
  specialist: "specialist",
  "inter-agency": "interAgency",
  "authority-leader": "leader",
  "unit-leader": "unitLeader",
  clerk: "clerk",
}

const plus = (instant: string, hours: number) => new Date(Date.parse(instant) + hours * 3_600_000).toISOString()

/** One plausible event of every type for the dossier as it stands (typed: the graph feeds them to `transition`). */
export function candidateEvents(context: DossierContext, process: Procedure["process"]): DossierEvent[] {
  const at = plus(context.lastEventAt, 2)
  const stepRole = process[context.currentStep]?.role
  const holder: ActorName = (stepRole === undefined ? undefined : HOLDER[stepRole]) ?? "counter"
  const by = (who: ActorName) => ({ actor: actors[who], at })
  const owed = amountOwed(context, "before-result") - amountPaid(context)
  const deadline = context.supplementations[context.supplementations.length - 1]?.applicantDeadline
  const appointment = context.appointment ?? at
  const later = Date.parse(appointment) > Date.parse(at) ? appointment : at
  const events: DossierEventInput[] = [
    { type: "accept", ...by("counter") },
    { type: "refuse", ...by("counter"), reasons: ["Hồ sơ không thuộc thẩm quyền"] },
    { type: "withdraw", ...by("citizen") },
    {
      type: "paymentConfirmed",
      ...by("system"),
      paymentId: `pay-${context.payments.length}`,
      amount: owed > 0 ? owed : 1000,
    },
    { type: "completeStep", ...by(holder) },
    { type: "transfer", ...by(holder), agencyCode: OTHER_AGENCY },
    {
      type: "requestSupplementation",
      ...by(holder),
      missing: [{ description: "Bản sao giấy tờ nhà đất" }],
      applicantDeadline: plus(at, 240),
    },
    { type: "supplementReceived", ...by("citizen"), documents: [{ id: "proof-of-residence" }] },
    {
      type: "supplementationDeadlinePassed",
      actor: actors.system,
      at: deadline !== undefined && Date.parse(deadline) > Date.parse(at) ? deadline : at,
    },
    { type: "requestFinancialObligation", ...by(holder), items: [{ name: "Lệ phí trước bạ", amount: 50000 }] },
    { type: "approve", ...by(holder) },
    { type: "reject", ...by(holder), reasons: ["Không đủ điều kiện"] },
    { type: "sign", ...by(holder), signatureId: `sig-${context.steps.length}` },
    { type: "resultReady", ...by(holder) },
    { type: "returnResult", ...by("system"), method: "e-wallet" },
    { type: "stop", ...by(holder), reasons: ["Có văn bản dừng xử lý"] },
    { type: "extendWithApology", ...by("leader"), newAppointment: plus(later, 24), reason: "Cần xác minh thêm" },
    {
      type: "correct",
      ...by("counter"),
      changes: [{ field: "applicant.address", to: "Tổ 6, phường Hồng Gai" }],
      reason: "Sai địa chỉ",
    },
  ]
  return events as unknown as DossierEvent[]
}

/** The abstraction of a dossier the graph search tells states apart by (finite, so the search ends). */
export function serializeDossier(snapshot: DossierSnapshot): string {
  const c = snapshot.context
  return [
    String(snapshot.value),
    c.currentStep,
    Math.min(c.supplementations.length, 2),
    c.decision?.kind ?? "-",
    c.signature === undefined ? "unsigned" : "signed",
    amountOwed(c, "before-result") - amountPaid(c) > 0 ? "owes" : "paid",
    c.extensions.length > 0 ? "extended" : "-",
  ].join("|")
}

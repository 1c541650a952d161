// Real portal pushes for the tests: dossiers taken through the application's use cases (every port in memory, the
// Quảng Ninh data), and the portal.sync rows their changes wrote, in order.
import {
  accept,
  approve,
  completeStep,
  confirmPaymentCallback,
  DocumentStore,
  fileOnline,
  MemoryDatabase,
  markResultReady,
  type PortalPush,
  receiveSupplement,
  requestSupplementation,
  returnResult,
  sign,
} from "@motcua/application"
import {
  advance,
  HOUR,
  principals as p,
  paidCallback,
  pdf,
  residenceFiling,
  type TestServices,
} from "@motcua/application/testing"
import { Effect } from "effect"

/** One dossier from online filing to return, with a supplementation round; answers its code. */
export const lifecycle = (key: string) =>
  Effect.gen(function* () {
    const filed = yield* fileOnline(p.citizen, residenceFiling(), key)
    const code = filed.code
    yield* advance(HOUR)
    yield* accept(p.counter, code, {})
    yield* advance(HOUR)
    yield* completeStep(p.counter, code, { assigneeId: p.specialist.id })
    yield* advance(HOUR)
    yield* requestSupplementation(p.specialist, code, {
      missing: [{ documentId: "cho-o-hop-phap", description: "Hợp đồng thuê nhà chưa công chứng" }],
      applicantDeadline: "2026-12-31T10:00:00.000Z",
    })
    yield* advance(HOUR)
    yield* receiveSupplement(p.citizen, code, { documents: [{ id: "cho-o-hop-phap" }] })
    yield* advance(HOUR)
    yield* completeStep(p.specialist, code, {})
    yield* advance(HOUR)
    yield* approve(p.leader, code, { note: "Đồng ý" })
    const result = yield* (yield* DocumentStore).put(pdf("Kết quả"), "application/pdf")
    yield* advance(HOUR)
    yield* sign(p.leader, code, { documentId: result.id })
    yield* advance(HOUR)
    yield* completeStep(p.leader, code, {})
    yield* advance(HOUR)
    yield* confirmPaymentCallback(p.gateway, { ...paidCallback(code), paymentId: `napas-${code}` })
    yield* advance(HOUR)
    yield* completeStep(p.clerk, code, {})
    yield* advance(HOUR)
    yield* markResultReady(p.counter, code, { resultDocumentIds: [result.id] })
    yield* advance(HOUR)
    yield* returnResult(p.counter, code, { method: "counter" })
    return code
  })

/** The portal pushes the outbox holds, in row order (what the relay would hand to PortalSync). */
export const portalPushes = Effect.gen(function* () {
  const db = yield* MemoryDatabase
  return [...db.state.outbox.values()]
    .filter((row) => row.topic === "portal.sync")
    .sort((a, b) => a.id - b.id)
    .map(
      (row): PortalPush => ({
        kind: (row.payload as { kind: "record" | "progress" }).kind,
        dossierCode: row.dossierCode ?? "",
        pushId: `outbox-${row.id}`,
        payload: row.payload,
      }),
    )
}) satisfies Effect.Effect<ReadonlyArray<PortalPush>, never, TestServices>

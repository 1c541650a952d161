// The development adapters: bounded memory, no personal data in what they record, real Ed25519 signatures that
// verify (and stop verifying when a byte changes), payment callbacks accepted only with the right HMAC.
import { Effect, type Layer } from "effect"
import { describe, expect, it } from "vitest"
import { IdCardReader } from "../ports/devices.ts"
import { Notifier } from "../ports/notifier.ts"
import { PaymentGateway } from "../ports/payment-gateway.ts"
import { PortalSync } from "../ports/portal-sync.ts"
import { Signer } from "../ports/signer.ts"
import {
  type DevelopmentCall,
  DevelopmentCalls,
  developmentKeysFrom,
  generateDevelopmentKeys,
  layerDevelopmentOutside,
  makeDevelopmentCalls,
  signDevelopmentPaymentCallback,
  signingKeyPem,
  verifyDevelopmentSignature,
} from "./index.ts"

const keys = generateDevelopmentKeys()

const run = <A, E>(
  program: Effect.Effect<A, E, Layer.Success<ReturnType<typeof layerDevelopmentOutside>>>,
  options: { capacity?: number; sink?: (call: DevelopmentCall) => void } = {},
) => Effect.runPromise(Effect.provide(program, layerDevelopmentOutside({ keys, ...options })))

describe("DevelopmentCalls", () => {
  it("keeps only the last `capacity` calls, in order, and counts them all", async () => {
    const calls = makeDevelopmentCalls({ capacity: 3 })
    for (let i = 1; i <= 7; i++)
      await Effect.runPromise(calls.record({ port: i % 2 === 0 ? "A" : "B", operation: "op", fields: { i } }))
    expect(calls.recent().map((c) => c.fields.i)).toEqual([5, 6, 7])
    expect(calls.recent("A").map((c) => c.fields.i)).toEqual([6])
    expect(calls.total()).toBe(7)
  })

  it("refuses a capacity that is not a whole number ≥ 1", () => {
    expect(() => makeDevelopmentCalls({ capacity: 0 })).toThrow(/capacity/)
  })
})

describe("development adapters", () => {
  it("portal pushes and notifications are acknowledged, sunk and kept without the payload or the recipient", async () => {
    const sunk: DevelopmentCall[] = []
    const recent = await run(
      Effect.gen(function* () {
        const portal = yield* PortalSync
        const notifier = yield* Notifier
        const pushed = yield* portal.push({
          kind: "record",
          dossierCode: "000.11.50.H49-251006-0001",
          pushId: "outbox-1",
          payload: { applicant: { name: "Nguyễn Văn An", id: "022090001234" } },
        })
        expect(pushed.reference).toBe("dev-portal-outbox-1")
        const sent = yield* notifier.send({
          about: "receipt",
          form: "02",
          channel: "sms",
          recipient: "0912345678",
          dossierCode: "000.11.50.H49-251006-0001",
          notificationId: "outbox-2",
          data: { applicantName: "Nguyễn Văn An" },
        })
        expect(sent.messageId).toBe("dev-msg-outbox-2")
        return (yield* DevelopmentCalls).recent()
      }),
      { sink: (call) => sunk.push(call) },
    )
    expect(recent.map((c) => `${c.port}.${c.operation}`)).toEqual(["PortalSync.push", "Notifier.send"])
    expect(sunk).toEqual(recent)
    const text = JSON.stringify(recent)
    for (const personal of ["Nguyễn Văn An", "022090001234", "0912345678"]) expect(text).not.toContain(personal)
    expect(recent[1]?.fields.recipient).toBe("***678")
  })

  it("memory stays bounded however many calls are made", async () => {
    const kept = await run(
      Effect.gen(function* () {
        const portal = yield* PortalSync
        for (let i = 0; i < 500; i++)
          yield* portal.push({ kind: "progress", dossierCode: "X", pushId: `p-${i}`, payload: null })
        const calls = yield* DevelopmentCalls
        return { kept: calls.recent().length, total: calls.total(), last: calls.recent().at(-1)?.fields.pushId }
      }),
      { capacity: 50 },
    )
    expect(kept).toEqual({ kept: 50, total: 500, last: "p-499" })
  })

  it("the signer's signature verifies with the public key, and not over other bytes or with another key", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\n% kết quả\n%%EOF\n")
    const signature = await run(
      Effect.flatMap(Signer, (s) => s.sign({ signerId: "ld-hg-01", bytes, reference: "X/doc-1" })),
    )
    expect(signature.algorithm).toBe("Ed25519")
    expect(verifyDevelopmentSignature(keys.verifyingKey, bytes, signature)).toBe(true)
    const changed = bytes.slice()
    changed[changed.length - 2] = 0x41
    expect(verifyDevelopmentSignature(keys.verifyingKey, changed, signature)).toBe(false)
    expect(verifyDevelopmentSignature(generateDevelopmentKeys().verifyingKey, bytes, signature)).toBe(false)
  })

  it("keys survive being stored as PEM and bytes: a signature made before verifies after", () => {
    const restored = developmentKeysFrom(signingKeyPem(keys), keys.paymentSecret)
    const bytes = new TextEncoder().encode("x")
    const notice = { paymentId: "p", dossierCode: "c", amount: 1, paidAt: "t" }
    expect(signDevelopmentPaymentCallback(restored.paymentSecret, notice)).toBe(
      signDevelopmentPaymentCallback(keys.paymentSecret, notice),
    )
    const signature = { signatureId: "s", algorithm: "Ed25519", value: "" }
    expect(verifyDevelopmentSignature(restored.verifyingKey, bytes, signature)).toBe(false)
    expect(() => developmentKeysFrom(signingKeyPem(keys), new Uint8Array(4))).toThrow(/16 bytes/)
  })

  it("payment requests get a reference; callbacks pass only with the HMAC of the development secret", async () => {
    const notice = { paymentId: "napas-1", dossierCode: "000.11.50.H49-251006-0001", amount: 10000, paidAt: "t" }
    const outcome = await run(
      Effect.gen(function* () {
        const gateway = yield* PaymentGateway
        const created = yield* gateway.createPaymentRequest({
          requestId: "req-1",
          dossierCode: notice.dossierCode,
          amount: 10000,
          items: [],
          description: "Lệ phí",
        })
        const good = yield* gateway.verifyCallback({
          ...notice,
          signature: signDevelopmentPaymentCallback(keys.paymentSecret, notice),
        })
        const attempt = (callback: unknown) =>
          gateway.verifyCallback(callback).pipe(
            Effect.map(() => "accepted"),
            Effect.catchTag("CallbackRejected", (e) => Effect.succeed(e.reason)),
          )
        const forged = yield* attempt({
          ...notice,
          amount: 1,
          signature: signDevelopmentPaymentCallback(keys.paymentSecret, notice),
        })
        const otherSecret = yield* attempt({
          ...notice,
          signature: signDevelopmentPaymentCallback(generateDevelopmentKeys().paymentSecret, notice),
        })
        const testSignature = yield* attempt({ ...notice, signature: "test-signature" })
        const incomplete = yield* attempt({ paymentId: "x", signature: "y" })
        return { created, good, forged, otherSecret, testSignature, incomplete }
      }),
    )
    expect(outcome.created.requestId).toBe("req-1")
    expect(outcome.created.payUrl).toContain("DEV-PAY-req-1")
    expect(outcome.good).toEqual(notice)
    expect([outcome.forged, outcome.otherSecret, outcome.testSignature]).toEqual([
      "bad signature",
      "bad signature",
      "bad signature",
    ])
    expect(outcome.incomplete).toMatch(/needed/)
  })

  it("no counter device is attached: reads answer DeviceNotReady", async () => {
    const tag = await run(
      Effect.flatMap(IdCardReader, (r) => r.read()).pipe(
        Effect.map(() => "read"),
        Effect.catchTag("DeviceNotReady", (e) => Effect.succeed(e._tag)),
      ),
    )
    expect(tag).toBe("DeviceNotReady")
  })
})

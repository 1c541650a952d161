// Signing the result: the leader's signature over the result document's bytes, from the Signer port. The machine is
// asked first (with a placeholder signature id) so that nothing is signed for a dossier that cannot take it.
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { act, tryEvent } from "../dossier/engine.ts"
import { ActionRefused } from "../errors.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { Signer } from "../ports/signer.ts"

export const sign = Effect.fnUntraced(function* (
  principal: Principal,
  code: string,
  input: { readonly documentId: string; readonly expectedVersion?: number },
) {
  const documents = yield* DocumentStore
  const signer = yield* Signer
  return yield* act({
    principal,
    action: "dossier.sign",
    code,
    expectedVersion: input.expectedVersion,
    // a staged result document is attached with the signature
    documentIds: [input.documentId],
    event: (ctx) =>
      Effect.gen(function* () {
        yield* tryEvent(ctx, { type: "sign", signatureId: "pending" })
        const document = yield* documents.get(input.documentId)
        if (document.meta.dossierCode !== null && document.meta.dossierCode !== code) {
          return yield* Effect.fail(
            new ActionRefused({
              code,
              reason: {
                _tag: "InvalidEvent",
                problems: [{ path: "documentId", message: `tài liệu thuộc hồ sơ khác / belongs to another dossier` }],
              },
            }),
          )
        }
        const signature = yield* signer.sign({
          signerId: principal.id,
          bytes: document.bytes,
          reference: `${code}/${input.documentId}`,
        })
        return { type: "sign" as const, signatureId: signature.signatureId }
      }),
  })
})

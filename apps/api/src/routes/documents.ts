// Document upload: the bytes of a PDF, JPEG or PNG, staged in the DocumentStore (type checked by magic bytes, size
// limited) and attached later to a dossier by a filing or an action that names its id (`attachmentIds`,
// `documentId`, `resultDocumentIds`), where the policy of that action applies.
import { DocumentStore } from "@motcua/application"
import { Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { runUseCase } from "./run.ts"
import { Count } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const DocumentMetaDocument = Schema.Struct({
  id: Schema.String,
  sha256: Schema.String,
  size: Count,
  mediaType: Schema.Literals(["application/pdf", "image/jpeg", "image/png"]),
  createdAt: Schema.String,
  dossierCode: Schema.NullOr(Schema.String),
}).annotate({ identifier: "DocumentMeta" })

export const documentOperations = [
  operation({
    method: "post",
    path: "/api/v1/documents",
    operationId: "uploadDocument",
    tag: "documents",
    summary: "Tải lên tài liệu (PDF, JPEG, PNG) để đính kèm hồ sơ",
    description:
      "Uploads a document's bytes (Content-Type application/pdf, image/jpeg or image/png; the content must match). " +
      "It stays staged until a filing or an action attaches it by id; unattached documents are swept later. Only " +
      "the principal who uploaded a document may attach it, and one principal may have at most " +
      "MOTCUA_STAGED_BYTES_PER_PRINCIPAL bytes (50 MiB by default) staged at once: beyond that, 413.",
    auth: "required",
    upload: true,
    response: { status: 201, description: "Tài liệu đã lưu (chưa gắn hồ sơ)", schema: DocumentMetaDocument },
    problems: ["unauthenticated", "forbidden", "payload-too-large", "unsupported-media-type", "unprocessable"],
    handle: ({ upload, principal }, deps) =>
      runUseCase(
        deps,
        DocumentStore.use((store) =>
          store.put(upload?.bytes ?? new Uint8Array(), upload?.mediaType ?? "", {
            principalId: principal.id,
            stagedBytesLimit: deps.stagedBytesPerPrincipal,
          }),
        ),
      ),
  }),
]

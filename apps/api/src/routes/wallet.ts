// The citizen's e-wallet (kho dữ liệu điện tử) over HTTP: the signed-in citizen lists, downloads, adds and deletes
// what is theirs; anyone else asking for a wallet is 403. A filing takes a paper from it with `fromWallet` (dossiers.ts);
// a result returned by e-wallet lands in it.
import { DocumentNotFound, deleteFromWallet, listWallet, saveToWallet, walletDocument } from "@motcua/application"
import { Result, Schema } from "effect"
import type { ApiDeps } from "../deps.ts"
import { defineOperation } from "../operation.ts"
import { ApiProblem } from "../problem.ts"
import { runUseCase } from "./run.ts"
import { asList, Count } from "./shared.ts"

const operation = defineOperation<ApiDeps>()

const Day = Schema.String.check(Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u))
const Text = (max: number) => Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(max))
const OwnerParams = Schema.Struct({
  ownerId: Schema.String.check(Schema.isPattern(/^\d{12}$/u)).annotate({ description: "Số định danh cá nhân" }),
})

export const WalletEntryDocument = Schema.Struct({
  id: Schema.String,
  ownerId: Schema.String,
  kind: Schema.Literals(["paper", "result"]),
  documentType: Schema.String,
  name: Schema.String,
  mediaType: Schema.Literals(["application/pdf", "image/jpeg", "image/png"]),
  size: Count,
  sha256: Schema.String,
  validFrom: Schema.optionalKey(Schema.String),
  validUntil: Schema.optionalKey(Schema.String),
  dossierCode: Schema.optionalKey(Schema.String),
  createdAt: Schema.String,
  replacedBy: Schema.optionalKey(
    Schema.String.annotate({
      description: "Kết quả đã được thay thế bởi kết quả đính chính (mã giấy tờ mới) / replaced by this entry",
    }),
  ),
}).annotate({ identifier: "WalletEntry", description: "Một giấy tờ hoặc kết quả trong kho dữ liệu của công dân" })

const notFound = (id: string) =>
  new ApiProblem({ kind: "not-found", detail: `Kho dữ liệu không có giấy tờ ${id} (no such entry).` })

const extension = (mediaType: string) =>
  mediaType === "application/pdf" ? "pdf" : mediaType === "image/png" ? "png" : "jpg"

export const walletOperations = [
  operation({
    method: "get",
    path: "/api/v1/wallets/{ownerId}",
    operationId: "listWallet",
    tag: "wallet",
    summary: "Kho dữ liệu điện tử của công dân: danh sách giấy tờ, kết quả",
    description:
      "The citizen's own e-wallet, newest first: papers digitised and results of their dossiers, with type, validity " +
      "and the dossier they came from. Only the owner: anyone else (another citizen, an officer) is 403.",
    auth: "required",
    params: OwnerParams,
    response: {
      status: 200,
      description: "Giấy tờ trong kho",
      schema: Schema.Struct({ total: Count, items: Schema.Array(WalletEntryDocument) }).annotate({
        identifier: "Wallet",
      }),
    },
    problems: ["unauthenticated", "forbidden"],
    handle: async ({ principal, params }, deps) =>
      Result.map(await runUseCase(deps, listWallet(principal, params.ownerId)), asList),
  }),
  operation({
    method: "get",
    path: "/api/v1/wallets/{ownerId}/entries/{entryId}",
    operationId: "walletDocument",
    tag: "wallet",
    summary: "Tải một giấy tờ trong kho dữ liệu",
    description: "An entry's bytes with its media type, for the owner only (403 for anyone else).",
    auth: "required",
    params: Schema.Struct({ ownerId: OwnerParams.fields.ownerId, entryId: Text(200) }),
    response: { status: 200, description: "Giấy tờ", mediaType: "application/octet-stream" },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.mapError(
        Result.map(
          await runUseCase(deps, walletDocument(principal, params.ownerId, params.entryId)),
          ({ entry, bytes }) =>
            new Response(bytes as Uint8Array<ArrayBuffer>, {
              headers: {
                "content-type": entry.mediaType,
                "content-length": String(bytes.length),
                "content-disposition": `attachment; filename="${entry.id}.${extension(entry.mediaType)}"`,
                "x-content-type-options": "nosniff",
                "cache-control": "private, no-store",
              },
            }),
        ),
        (error) => (error instanceof DocumentNotFound ? notFound(params.entryId) : error),
      ),
  }),
  operation({
    method: "post",
    path: "/api/v1/me/wallet",
    operationId: "saveToWallet",
    tag: "wallet",
    summary: "Lưu một giấy tờ vào kho dữ liệu của mình",
    description:
      "The signed-in citizen keeps a paper (PDF, JPEG or PNG as the body) in their e-wallet, to take it into later " +
      "filings instead of uploading it again. Query: what it is (`documentType`, the catalogue's document id or the " +
      "national code), `name`, and validity dates. A quota per citizen (MOTCUA_WALLET_MAX_ENTRIES, " +
      "MOTCUA_WALLET_MAX_BYTES; by default 200 entries, 100 MiB): beyond it, 413 whose `reason.quota` states the " +
      "limits and what the citizen uses now.",
    auth: "required",
    upload: true,
    query: Schema.Struct({
      documentType: Text(100),
      name: Text(300),
      validFrom: Schema.optionalKey(Day),
      validUntil: Schema.optionalKey(Day),
    }),
    response: { status: 201, description: "Đã lưu vào kho", schema: WalletEntryDocument },
    problems: ["unauthenticated", "forbidden", "payload-too-large", "unsupported-media-type", "unprocessable"],
    handle: ({ principal, query, upload }, deps) =>
      runUseCase(deps, saveToWallet(principal, query, upload?.bytes ?? new Uint8Array())),
  }),
  operation({
    method: "post",
    path: "/api/v1/me/wallet/{entryId}/delete",
    operationId: "deleteFromWallet",
    tag: "wallet",
    summary: "Xóa một giấy tờ khỏi kho dữ liệu của mình",
    description: "The owner deletes an entry (another's entry is 403, an unknown one 404).",
    auth: "required",
    params: Schema.Struct({ entryId: Text(200) }),
    response: { status: 200, description: "Đã xóa", schema: Schema.Struct({ deleted: Schema.String }) },
    problems: ["unauthenticated", "forbidden", "not-found"],
    handle: async ({ principal, params }, deps) =>
      Result.mapError(
        Result.map(await runUseCase(deps, deleteFromWallet(principal, params.entryId)), (entry) => ({
          deleted: entry.id,
        })),
        (error) => (error instanceof DocumentNotFound ? notFound(params.entryId) : error),
      ),
  }),
]

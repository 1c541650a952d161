// Documents: bytes on the file system (document-files.ts), metadata and the link to a dossier in the `document`
// table. Uploads are staged (no dossier) until a dossier's create or commit attaches them (attachDocuments); staged
// uploads that were never attached are swept (DocumentStore port).
import {
  checkDocument,
  type DocumentMediaType,
  type DocumentMeta,
  DocumentNotFound,
  DocumentNotOwned,
  type DocumentStoreShape,
  idForPut,
  idInUse,
  instantOf,
  quotaExceeded,
  StoreUnavailable,
} from "@motcua/application"
import { Clock, Effect } from "effect"
import { type Kysely, sql } from "kysely"
import { attempt } from "./connection.ts"
import {
  listDocumentFiles,
  readDocumentFile,
  removeDocumentFile,
  removeFile,
  writeDocumentFile,
} from "./document-files.ts"
import { type PreparedQuery, param, prepare } from "./prepared.ts"
import { ask, failed, type Outcome, ok, type Program } from "./program.ts"
import type { DB } from "./schema.ts"
import { affected, now, type StorageContext } from "./storage-context.ts"

export function prepareDocumentQueries(db: Kysely<DB>) {
  const p = <T = never>(name: string) => param<T>(name)
  return {
    documentIds: prepare(
      db
        .selectFrom("document")
        .select("id")
        .where("dossier_code", "=", p("code"))
        .orderBy("attached_at")
        .orderBy("id")
        .compile(),
    ),
    attachDocument: prepare(
      db
        .updateTable("document")
        .set({ dossier_code: p("code"), attached_at: sql<string>`coalesce(attached_at, ${p<string>("at")})` })
        .where("id", "=", p("id"))
        .where((eb) =>
          eb.or([
            eb.and([
              eb("dossier_code", "is", null),
              eb.or([eb("uploaded_by", "is", null), eb("uploaded_by", "=", p<string>("by"))]),
            ]),
            eb("dossier_code", "=", p<string>("code")),
          ]),
        )
        .compile(),
    ),
    insertDocument: prepare(
      db
        .insertInto("document")
        .values({
          id: p("id"),
          sha256: p("sha256"),
          size: p("size"),
          media_type: p("media_type"),
          created_at: p("at"),
          dossier_code: null,
          attached_at: null,
          uploaded_by: p("uploaded_by"),
        })
        .compile(),
    ),
    stagedBytesOf: prepare(
      db
        .selectFrom("document")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("size"), eb.lit(0)).as("total"))
        .where("uploaded_by", "=", p("by"))
        .where("dossier_code", "is", null)
        .compile(),
    ),
    getDocument: prepare(db.selectFrom("document").selectAll().where("id", "=", p("id")).compile()),
    deleteStagedDocument: prepare(
      db.deleteFrom("document").where("id", "=", p("id")).where("dossier_code", "is", null).compile(),
    ),
    stagedBefore: prepare(
      db
        .selectFrom("document")
        .select("id")
        .where("dossier_code", "is", null)
        .where("created_at", "<=", p("cutoff"))
        .compile(),
    ),
  } satisfies Record<string, PreparedQuery<unknown>>
}

export type DocumentQueries = ReturnType<typeof prepareDocumentQueries>

/**
 * Links the given documents to a dossier inside its create or commit: each must be staged by `attachedBy` (or by
 * no one), or already be the dossier's.
 */
export function* attachDocuments(
  q: DocumentQueries,
  code: string,
  at: string,
  ids: ReadonlyArray<string>,
  attachedBy: string | undefined,
): Program<Outcome<void, DocumentNotFound | DocumentNotOwned>> {
  for (const id of ids) {
    // a principal id is never the empty string, so without `attachedBy` only documents of no uploader match
    const linked = yield* ask(q.attachDocument, { id, code, at, by: attachedBy ?? "" })
    if (affected(linked) !== 1) {
      const row = (yield* ask(q.getDocument, { id })).rows[0]
      const foreign = row !== undefined && row.dossier_code === null && row.uploaded_by !== null
      return failed(foreign ? new DocumentNotOwned({ id }) : new DocumentNotFound({ id }))
    }
  }
  return ok(undefined)
}

/** The ids of a dossier's documents, in the order they were attached. */
export function* documentIdsOf(q: DocumentQueries, code: string): Program<ReadonlyArray<string>> {
  const ids = yield* ask(q.documentIds, { code })
  return ids.rows.map((row) => row.id)
}

export function makeDocumentStore(
  ctx: StorageContext,
  q: DocumentQueries,
  config: { readonly documentsDir: string; readonly maxDocumentBytes: number },
): DocumentStoreShape {
  const { withDb, exec } = ctx
  const dir = config.documentsDir
  return {
    put: (bytes, declaredType, uploader, options) =>
      Effect.gen(function* () {
        const checked = checkDocument(bytes, declaredType, config.maxDocumentBytes)
        if (checked instanceof Error) return yield* Effect.fail(checked)
        const id = idForPut(options)
        if (id instanceof StoreUnavailable) return yield* Effect.fail(id)
        const meta: DocumentMeta = {
          id,
          ...checked,
          createdAt: yield* now,
          dossierCode: null,
          uploadedBy: uploader?.principalId ?? null,
        }
        // Checked before the bytes are written, so a principal over the limit costs no disk. Uploads of the same
        // principal running at the same moment may each pass: the limit is exceeded by at most those in flight.
        const limit = uploader?.stagedBytesLimit
        if (uploader !== undefined && limit !== undefined) {
          const row = (yield* withDb((k) => exec("store document", k, q.stagedBytesOf, { by: uploader.principalId })))
            .rows[0]
          const staged = Number(row?.total ?? 0)
          if (staged + meta.size > limit) return yield* Effect.fail(quotaExceeded(staged, meta.size, limit))
        }
        // Bytes first, then the row: a row never points at a missing file. If the row cannot be written the file
        // is removed (and the sweep would remove it anyway). A file never replaces another: a chosen id whose file
        // exists fails here, before anything is written.
        const written = yield* attempt("store document", () => writeDocumentFile(dir, meta.id, bytes))
        if (written === "exists") return yield* Effect.fail(idInUse(meta.id))
        yield* withDb((k) =>
          exec("store document", k, q.insertDocument, {
            id: meta.id,
            sha256: meta.sha256,
            size: meta.size,
            media_type: meta.mediaType,
            at: meta.createdAt,
            uploaded_by: meta.uploadedBy,
          }),
        ).pipe(Effect.tapError(() => Effect.ignore(attempt("store document", () => removeDocumentFile(dir, meta.id)))))
        return meta
      }),
    get: (id) =>
      Effect.gen(function* () {
        const row = (yield* withDb((k) => exec("read document", k, q.getDocument, { id }))).rows[0]
        if (row === undefined) return yield* Effect.fail(new DocumentNotFound({ id }))
        const bytes = yield* attempt("read document", () => readDocumentFile(dir, id))
        const meta: DocumentMeta = {
          id: row.id,
          sha256: row.sha256,
          size: Number(row.size),
          mediaType: row.media_type as DocumentMediaType,
          createdAt: row.created_at,
          dossierCode: row.dossier_code,
          uploadedBy: row.uploaded_by,
        }
        const actual = checkDocument(bytes, meta.mediaType, Number.MAX_SAFE_INTEGER)
        if (actual instanceof Error || actual.sha256 !== meta.sha256) {
          return yield* Effect.fail(
            new StoreUnavailable({ operation: "read document", cause: `the file of document ${id} has changed` }),
          )
        }
        return { meta, bytes }
      }),
    sweepOrphans: (olderThanMs) =>
      Effect.gen(function* () {
        const millis = yield* Clock.currentTimeMillis
        const cutoff = instantOf(millis - olderThanMs)
        let removed = 0
        // 1. Staged rows: delete the row only while still unattached (one statement), then the file.
        const staged = yield* withDb((k) => exec("sweep documents", k, q.stagedBefore, { cutoff }))
        for (const { id } of staged.rows) {
          const deleted = yield* withDb((k) => exec("sweep documents", k, q.deleteStagedDocument, { id }))
          if (affected(deleted) === 1) {
            yield* attempt("sweep documents", () => removeDocumentFile(dir, id))
            removed += 1
          }
        }
        // 2. Files without a row (a crash between writing the file and its row) and interrupted writes.
        const files = yield* attempt("sweep documents", () => listDocumentFiles(dir))
        for (const file of files) {
          if (file.modifiedMs > millis - olderThanMs) continue
          if (file.id !== undefined) {
            const known = yield* withDb((k) => exec("sweep documents", k, q.getDocument, { id: file.id }))
            if (known.rows.length > 0) continue
          }
          yield* attempt("sweep documents", () => removeFile(file.path))
          removed += 1
        }
        return removed
      }),
  }
}

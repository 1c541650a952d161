// The DigitisedPaperStore port over table `digitised_paper` (migration "2026-12-06-142-digitised-paper"): one row per
// version of a dossier's paper, only ever inserted. `add` runs on the caller's transaction (the dossier's commit that
// sets the flags the paper gives), and a version already recorded is refused by the primary key (ON CONFLICT DO
// NOTHING, then PaperVersionTaken) on both dialects, so two replacements at once cannot both become version n.
import {
  type DigitisedPaper,
  type DigitisedPaperStoreShape,
  type DocumentMediaType,
  PaperVersionTaken,
} from "@motcua/application"
import type { PaperSource } from "@motcua/domain"
import { Effect } from "effect"
import type { Selectable } from "kysely"
import type { DigitisedPaperTable } from "./schema.ts"
import { affected, type StorageContext } from "./storage-context.ts"

const paperOf = (row: Selectable<DigitisedPaperTable>): DigitisedPaper => ({
  dossierCode: row.dossier_code,
  documentId: row.document_id,
  version: Number(row.version),
  fileId: row.file_id,
  pages: row.pages === null ? null : Number(row.pages),
  sha256: row.sha256,
  mediaType: row.media_type as DocumentMediaType,
  size: Number(row.size),
  source: row.source as PaperSource,
  digitisedBy: row.digitised_by,
  digitisedAt: row.digitised_at,
  intakePointId: row.intake_point_id,
  unitCode: row.unit_code,
  agencyCode: row.agency_code,
  walletEntryId: row.wallet_entry_id,
})

export function makeDigitisedPaperStore(ctx: StorageContext): DigitisedPaperStoreShape {
  const { db } = ctx
  return {
    add: (paper) =>
      ctx.inTransaction("record digitised paper", (x) =>
        Effect.gen(function* () {
          const inserted = yield* x.query(
            "record digitised paper",
            db
              .insertInto("digitised_paper")
              .values({
                dossier_code: paper.dossierCode,
                document_id: paper.documentId,
                version: paper.version,
                file_id: paper.fileId,
                pages: paper.pages,
                sha256: paper.sha256,
                media_type: paper.mediaType,
                size: paper.size,
                source: paper.source,
                digitised_by: paper.digitisedBy,
                digitised_at: paper.digitisedAt,
                intake_point_id: paper.intakePointId,
                unit_code: paper.unitCode,
                agency_code: paper.agencyCode,
                wallet_entry_id: paper.walletEntryId,
              })
              .onConflict((oc) => oc.columns(["dossier_code", "document_id", "version"]).doNothing())
              .compile(),
          )
          if (affected(inserted) !== 1) {
            return yield* Effect.fail(
              new PaperVersionTaken({
                dossierCode: paper.dossierCode,
                documentId: paper.documentId,
                version: paper.version,
              }),
            )
          }
        }),
      ),
    list: (dossierCode) =>
      ctx.withDb((x) =>
        x
          .query(
            "list digitised papers",
            db
              .selectFrom("digitised_paper")
              .selectAll()
              .where("dossier_code", "=", dossierCode)
              .orderBy("document_id")
              .orderBy("version")
              .compile(),
          )
          .pipe(Effect.map(({ rows }) => rows.map(paperOf))),
      ),
  }
}

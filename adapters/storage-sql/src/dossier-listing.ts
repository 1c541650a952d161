// Every stored dossier, page by page in code order (DossierListing port): what reports read instead of the tables.
import { type DossierListingShape, StoreUnavailable } from "@motcua/application"
import { Effect } from "effect"
import { parseJson, type StorageContext } from "./storage-context.ts"

export function makeDossierListing(ctx: StorageContext): DossierListingShape {
  const { db, withDb } = ctx
  return {
    page: (afterCode, limit) =>
      withDb((k) =>
        k
          .query(
            "list dossiers",
            db
              .selectFrom("dossier")
              .select(["code", "status_code", "snapshot"])
              .where("code", ">", afterCode)
              .orderBy("code")
              .limit(Math.max(0, Math.trunc(limit)))
              .compile(),
          )
          .pipe(
            Effect.flatMap(({ rows }) =>
              // a snapshot that no longer parses is the store's failure, named, not a defect
              Effect.try({
                try: () =>
                  rows.map((row) => ({
                    code: row.code,
                    statusCode: Number(row.status_code),
                    snapshot: parseJson(row.snapshot, `snapshot of ${row.code}`),
                  })),
                catch: (cause) => new StoreUnavailable({ operation: "list dossiers", cause }),
              }),
            ),
          ),
      ),
  }
}

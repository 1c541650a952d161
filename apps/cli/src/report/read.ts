// Reads every stored dossier (summary status and snapshot context), in pages by code, for the report.
import type { DossierContext } from "@motcua/domain"
import type { OpenDatabase } from "../database.ts"
import type { StoredDossier } from "./compute.ts"

const PAGE = 1000

export async function readDossiers(open: OpenDatabase): Promise<StoredDossier[]> {
  const out: StoredDossier[] = []
  let after = ""
  for (;;) {
    const rows = await open.db
      .selectFrom("dossier")
      .select(["code", "status_code", "snapshot"])
      .where("code", ">", after)
      .orderBy("code")
      .limit(PAGE)
      .execute()
    for (const row of rows) {
      const snapshot = JSON.parse(row.snapshot) as { context: DossierContext }
      out.push({ code: row.code, statusCode: Number(row.status_code), context: snapshot.context })
    }
    const last = rows.at(-1)
    if (last === undefined || rows.length < PAGE) return out
    after = last.code
  }
}

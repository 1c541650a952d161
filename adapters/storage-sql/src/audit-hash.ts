// The audit chain's hash (audit-chain.ts of @motcua/application) computed from an entry's detail already serialised
// in canonical form: the storage serialises the detail once, stores that text and hashes it, instead of
// serialising it once for the column and again (inside the whole entry) for the hash.
//
//   auditHash(prevHash, entry) = sha256hex(prevHash + "\n" + canonicalJson({ seq, at, dossierCode, actor, action, detail }))
//
// canonicalJson sorts the keys (action, actor, at, detail, dossierCode, seq) and writes strings and numbers as
// JSON.stringify does, so the text below is the same string; src/audit-hash.test.ts checks it against auditHash.
import { createHash } from "node:crypto"
import type { AuditEntryInput } from "@motcua/application"

export function auditHashOf(
  prevHash: string,
  seq: number,
  dossierCode: string | null,
  input: AuditEntryInput,
  canonicalDetail: string,
): string {
  const content = `{"action":${JSON.stringify(input.action)},"actor":${JSON.stringify(input.actor)},"at":${JSON.stringify(input.at)},"detail":${canonicalDetail},"dossierCode":${JSON.stringify(dossierCode)},"seq":${JSON.stringify(seq)}}`
  return createHash("sha256").update(`${prevHash}\n${content}`).digest("hex")
}

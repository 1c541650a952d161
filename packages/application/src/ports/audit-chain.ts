// The audit log is a hash chain: every entry commits to the one before it, so editing or deleting any entry (or
// inserting one) breaks the chain from that point on. One chain per database, in the order of `seq`.
//
//   hash(entry) = sha256hex(prevHash + "\n" + canonicalJson({ seq, at, dossierCode, actor, action, detail }))
//
// The first entry's prevHash is GENESIS_HASH. The store also keeps the chain's head (last seq and hash) in a row of
// its own, updated in the same transaction as each append, so that deleting the last entries is detected too.
// Someone who can rewrite the whole table and the head can forge a consistent chain: publish or sign the head
// periodically to anchor it outside the database.
import { createHash } from "node:crypto"
import type { Json } from "./json.ts"
import { canonicalJson } from "./json.ts"
import type { AuditEntry, AuditEntryInput } from "./records.ts"

export const GENESIS_HASH = "0".repeat(64)

/** The content of an entry that its hash covers. */
export interface ChainedContent extends AuditEntryInput {
  readonly seq: number
  readonly dossierCode: string | null
}

export function auditHash(prevHash: string, entry: ChainedContent): string {
  const content: { [key: string]: Json } = {
    seq: entry.seq,
    at: entry.at,
    dossierCode: entry.dossierCode,
    actor: entry.actor,
    action: entry.action,
    detail: entry.detail,
  }
  return createHash("sha256")
    .update(`${prevHash}\n${canonicalJson(content)}`)
    .digest("hex")
}

/** Links new entries after the head `{ seq, hash }`, giving each its sequence number and hashes. */
export function chainEntries(
  head: ChainHead,
  dossierCode: string | null,
  inputs: ReadonlyArray<AuditEntryInput>,
): { readonly entries: ReadonlyArray<AuditEntry>; readonly head: ChainHead } {
  let { seq, hash } = head
  const entries = inputs.map((input) => {
    const content: ChainedContent = { ...input, seq: seq + 1, dossierCode }
    const next = auditHash(hash, content)
    const entry: AuditEntry = { ...content, prevHash: hash, hash: next }
    seq += 1
    hash = next
    return entry
  })
  return { entries, head: { seq, hash } }
}

export interface ChainHead {
  readonly seq: number
  readonly hash: string
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH }

export type ChainBreak =
  /** The entry's stored hash is not the hash of its content: the entry was edited. */
  | "hash-mismatch"
  /** The entry's prevHash is not the previous entry's hash: an entry before it was edited, deleted or inserted. */
  | "prev-hash-mismatch"
  /** A sequence number is missing: an entry was deleted. */
  | "sequence-gap"
  /**
   * The last entry is not the recorded head: entries at the end were deleted, the head was changed, or entries were
   * written after the head without moving it (never by the store, which moves the head with every append).
   */
  | "head-mismatch"

export type ChainReport =
  | { readonly _tag: "Intact"; readonly entries: number; readonly head: ChainHead }
  /** `seq` is the first entry found broken (for a head mismatch, the seq the head records). */
  | { readonly _tag: "Broken"; readonly seq: number; readonly reason: ChainBreak }

/**
 * Checks entries in `seq` order against each other and against the recorded head. Streaming-friendly: call
 * `push` for each entry in order and `finish` with the head.
 */
export function chainVerifier() {
  let expected: ChainHead = EMPTY_HEAD
  let count = 0
  let broken: ChainReport | undefined
  return {
    /** Returns false once the chain is found broken (the caller may stop reading). */
    push(entry: AuditEntry): boolean {
      if (broken) return false
      const fail = (reason: ChainBreak) => {
        broken = { _tag: "Broken", seq: entry.seq, reason }
        return false
      }
      if (entry.seq !== expected.seq + 1) {
        broken = { _tag: "Broken", seq: expected.seq + 1, reason: "sequence-gap" }
        return false
      }
      if (entry.prevHash !== expected.hash) return fail("prev-hash-mismatch")
      if (auditHash(entry.prevHash, entry) !== entry.hash) return fail("hash-mismatch")
      expected = { seq: entry.seq, hash: entry.hash }
      count += 1
      return true
    },
    finish(head: ChainHead): ChainReport {
      if (broken) return broken
      if (head.seq !== expected.seq || head.hash !== expected.hash) {
        // Entries beyond the head: the first of them. Otherwise the first entry the head records but is missing
        // (or, same length, the head itself).
        const seq = expected.seq > head.seq ? head.seq + 1 : Math.min(head.seq, expected.seq + 1)
        return { _tag: "Broken", seq, reason: "head-mismatch" }
      }
      return { _tag: "Intact", entries: count, head }
    },
  }
}

/** Verifies a whole chain held in memory. */
export function verifyChain(entries: Iterable<AuditEntry>, head: ChainHead): ChainReport {
  const verifier = chainVerifier()
  for (const entry of entries) if (!verifier.push(entry)) break
  return verifier.finish(head)
}

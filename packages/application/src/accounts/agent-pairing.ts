// The counter agent (apps/counter-agent) on the officer's PC is paired to the officer's session by a one-time code:
// the officer's desk asks for a code (valid 5 minutes, once), the agent redeems it and gets a session of its own for
// the same account, with which it uploads what the devices read. The code is stored only as a hash, under a prefix
// that no session token has, so it can never be used as a session itself; redeeming it removes it.
import { randomInt } from "node:crypto"
import { Effect } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { Forbidden } from "../errors.ts"
import { AccountStore } from "../ports/account-store.ts"
import { Clock } from "../ports/clock.ts"
import { Unauthenticated } from "../ports/identity-provider.ts"
import { instantOf } from "../ports/records.ts"
import { DEFAULT_SESSION_MS, principalOfAccount, type SignedIn } from "./accounts.ts"
import { newToken, tokenHash } from "./credentials.ts"

export const PAIRING_MS = 5 * 60 * 1000
/** Unambiguous letters and digits (no 0/O, 1/I/L): 10 of them are about 49 bits. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
const PAIRING_ROLES = new Set(["counter-officer", "post-office-agent"])

const pairingKey = (code: string) => tokenHash(`pairing:${code.replace(/[\s-]/g, "").toUpperCase()}`)

/** A one-time pairing code for the caller's counter agent; only officers who take dossiers in at a counter get one. */
export const issueAgentPairing = Effect.fnUntraced(function* (principal: Principal) {
  if (principal.scope._tag !== "Staff" || !principal.roles.some((r) => PAIRING_ROLES.has(r)))
    return yield* Effect.fail(
      new Forbidden({
        principalId: principal.id,
        action: "counter-agent.pair",
        reason: "chỉ cán bộ tiếp nhận tại quầy ghép nối thiết bị (counter staff only)",
      }),
    )
  const store = yield* AccountStore
  const now = yield* (yield* Clock).now
  const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")
  const code = `${raw.slice(0, 5)}-${raw.slice(5)}`
  const expiresAt = instantOf(Date.parse(now) + PAIRING_MS)
  yield* store.createSession({
    tokenHash: pairingKey(code),
    accountId: principal.id,
    csrfToken: "pairing",
    createdAt: now,
    expiresAt,
  })
  return { code, expiresAt }
})

/** Redeems a pairing code once: a new session for the officer's account, for the agent. */
export const redeemAgentPairing = Effect.fnUntraced(function* (code: string, sessionMs: number = DEFAULT_SESSION_MS) {
  const store = yield* AccountStore
  const key = pairingKey(code)
  const pairing = yield* store.findSession(key)
  if (pairing === undefined || pairing.csrfToken !== "pairing")
    return yield* Effect.fail(new Unauthenticated({ reason: "mã ghép nối không đúng hoặc đã dùng (unknown code)" }))
  yield* store.deleteSession(key)
  const now = yield* (yield* Clock).now
  if (pairing.expiresAt <= now)
    return yield* Effect.fail(new Unauthenticated({ reason: "mã ghép nối đã hết hạn (code expired)" }))
  const account = yield* store.findAccount(pairing.accountId)
  if (account === undefined || account.disabled)
    return yield* Effect.fail(new Unauthenticated({ reason: "tài khoản bị khóa (account disabled)" }))
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = instantOf(Date.parse(now) + sessionMs)
  yield* store.createSession({
    tokenHash: tokenHash(token),
    accountId: account.id,
    csrfToken,
    createdAt: now,
    expiresAt,
  })
  const signedIn: SignedIn = { token, csrfToken, expiresAt, principal: principalOfAccount(account) }
  return signedIn
})

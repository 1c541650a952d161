// A citizen signed in with the national e-ID gets a session like an officer's (HttpOnly cookie, CSRF token, the same
// expiry and sign-out): their account is kept in the AccountStore under their personal identification number, with
// the citizen role and scope and no password (nobody signs in to it with one), refreshed at every sign-in.
import { parseCccdNumber } from "@motcua/domain"
import { Effect, Result } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { AccountStore } from "../ports/account-store.ts"
import { type EidIdentity, EidSignInRefused } from "../ports/citizen-sign-in.ts"
import { Clock } from "../ports/clock.ts"
import { instantOf } from "../ports/records.ts"
import { DEFAULT_SESSION_MS, type SignedIn } from "./accounts.ts"
import { newToken, tokenHash } from "./credentials.ts"

/** Not a scrypt hash: verifyPassword refuses it, so no password opens a citizen's account. */
const NO_PASSWORD = "e-id-only"

/** The username of a citizen's account: never one an officer can have (officers' usernames have no colon). */
export const citizenUsername = (personalId: string) => `vneid:${personalId}`

export interface CitizenSignInRules {
  /** The lowest identification level accepted (VNeID level 2 is the one public services ask for). */
  readonly minimumLevel: number
  readonly sessionMs?: number
}

/** Opens a session for the citizen the e-ID vouched for; refuses an id that is not a CCCD number or a low level. */
export const signInCitizen = Effect.fnUntraced(function* (identity: EidIdentity, rules: CitizenSignInRules) {
  const number = parseCccdNumber(
    identity.personalId,
    identity.birthDate === undefined ? {} : { dateOfBirth: identity.birthDate },
  )
  if (Result.isFailure(number))
    return yield* Effect.fail(new EidSignInRefused({ reason: `số định danh từ VNeID: ${number.failure.message}` }))
  if (identity.identityLevel < rules.minimumLevel)
    return yield* Effect.fail(
      new EidSignInRefused({
        reason:
          `tài khoản định danh điện tử mức ${identity.identityLevel}, cần mức ${rules.minimumLevel} ` +
          `(identification level ${identity.identityLevel}, level ${rules.minimumLevel} required)`,
        levelTooLow: true,
      }),
    )
  const store = yield* AccountStore
  const now = yield* (yield* Clock).now
  const id = number.success.id
  const existing = yield* store.findAccount(id)
  if (existing !== undefined && existing.scope._tag !== "Citizen")
    return yield* Effect.fail(new EidSignInRefused({ reason: "số định danh trùng mã một tài khoản cán bộ" }))
  yield* store.saveAccount({
    id,
    username: citizenUsername(id),
    displayName: identity.fullName ?? existing?.displayName ?? id,
    roles: ["citizen"],
    scope: { _tag: "Citizen", citizenId: id },
    passwordHash: NO_PASSWORD,
    disabled: existing?.disabled ?? false,
    createdAt: existing?.createdAt ?? now,
  })
  if (existing?.disabled === true) return yield* Effect.fail(new EidSignInRefused({ reason: "tài khoản bị khóa" }))
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = instantOf(Date.parse(now) + (rules.sessionMs ?? DEFAULT_SESSION_MS))
  yield* store.createSession({ tokenHash: tokenHash(token), accountId: id, csrfToken, createdAt: now, expiresAt })
  const principal: Principal = {
    id,
    roles: ["citizen"],
    scope: { _tag: "Citizen", citizenId: id },
    name: identity.fullName ?? id,
  }
  const signedIn: SignedIn = { token, csrfToken, expiresAt, principal }
  return signedIn
})

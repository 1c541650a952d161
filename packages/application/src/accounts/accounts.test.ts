import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { AccountStore } from "../ports/account-store.ts"
import { Clock, TestClock } from "../ports/clock.ts"
import { issueApiKey, resolveApiKey, resolveSession, saveStaffAccount, signIn, signOut } from "./accounts.ts"
import { hashPassword, tokenHash, verifyPassword } from "./credentials.ts"

const cheap = { N: 1024, r: 8, p: 1 }
const run = <A, E>(program: Effect.Effect<A, E, AccountStore | Clock | TestClock>) =>
  Effect.runPromise(
    Effect.provide(program, Layer.merge(AccountStore.layerMemory, Clock.layerTest("2025-10-06T01:00:00.000Z"))),
  )

describe("passwords", () => {
  it("scrypt with a salt per hash: the same password hashes differently and verifies; others do not", async () => {
    const a = await hashPassword("mật khẩu", cheap)
    const b = await hashPassword("mật khẩu", cheap)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]{43}$/)
    expect(await verifyPassword("mật khẩu", a)).toBe(true)
    expect(await verifyPassword("mat khau", a)).toBe(false)
    for (const broken of ["", "scrypt$x", "bcrypt$1$2$3$4$5", a.replace(/\$[\w-]{43}$/, "$short")])
      expect(await verifyPassword("mật khẩu", broken)).toBe(false)
  })
})

describe("accounts, sessions and API keys", () => {
  it("signs in, resolves and ends a session; the store keeps only hashes; sessions expire", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        yield* saveStaffAccount(
          {
            id: "cb-01",
            username: " CB-01 ",
            displayName: "Cán bộ",
            roles: ["counter-officer"],
            scope: { _tag: "Staff", level: "commune", agencyCodes: [], unitCodes: ["06685"], intakePointIds: [] },
            password: "secret-1",
          },
          cheap,
        )
        const wrong = yield* Effect.flip(signIn({ username: "cb-01", password: "nope" }))
        const unknown = yield* Effect.flip(signIn({ username: "nobody", password: "secret-1" }))
        const session = yield* signIn({ username: "cb-01", password: "secret-1" })
        const store = yield* AccountStore
        const stored = yield* store.findSession(tokenHash(session.token))
        const raw = yield* store.findSession(session.token)
        const resolved = yield* resolveSession(session.token)
        yield* (yield* TestClock).advance(11 * 60 * 60 * 1000)
        const expired = yield* Effect.flip(resolveSession(session.token))
        const again = yield* signIn({ username: "cb-01", password: "secret-1" })
        yield* signOut(again.token)
        const ended = yield* Effect.flip(resolveSession(again.token))
        return { wrong, unknown, stored, raw, resolved, expired, ended, session }
      }),
    )
    expect(outcome.wrong._tag).toBe("Unauthenticated")
    expect(outcome.unknown.message).toBe(outcome.wrong.message)
    expect(outcome.stored?.accountId).toBe("cb-01")
    expect(outcome.raw).toBeUndefined()
    expect(outcome.resolved.principal.id).toBe("cb-01")
    expect(outcome.resolved.csrfToken).toBe(outcome.session.csrfToken)
    expect(outcome.expired._tag).toBe("Unauthenticated")
    expect(outcome.ended._tag).toBe("Unauthenticated")
  })

  it("a new password ends every session of the account, not others'; saving the same password keeps them", async () => {
    const officer = (id: string, password: string) =>
      saveStaffAccount(
        {
          id,
          username: id,
          displayName: "Cán bộ",
          roles: ["counter-officer"],
          scope: { _tag: "Staff", level: "commune", agencyCodes: [], unitCodes: ["06685"], intakePointIds: [] },
          password,
        },
        cheap,
      )
    const outcome = await run(
      Effect.gen(function* () {
        yield* officer("cb-01", "old-secret")
        yield* officer("cb-02", "other-secret")
        const first = yield* signIn({ username: "cb-01", password: "old-secret" })
        const second = yield* signIn({ username: "cb-01", password: "old-secret" })
        const colleague = yield* signIn({ username: "cb-02", password: "other-secret" })
        const hashBefore = (yield* (yield* AccountStore).findAccount("cb-01"))?.passwordHash
        yield* officer("cb-01", "old-secret")
        const hashKept = (yield* (yield* AccountStore).findAccount("cb-01"))?.passwordHash
        const keptBySameSave = yield* Effect.result(resolveSession(first.token))
        yield* officer("cb-01", "new-secret")
        return {
          hashBefore,
          hashKept,
          keptBySameSave,
          first: yield* Effect.result(resolveSession(first.token)),
          second: yield* Effect.result(resolveSession(second.token)),
          colleague: yield* Effect.result(resolveSession(colleague.token)),
          fresh: yield* Effect.result(signIn({ username: "cb-01", password: "new-secret" })),
        }
      }),
    )
    expect(outcome.hashKept).toBe(outcome.hashBefore)
    expect(outcome.keptBySameSave._tag).toBe("Success")
    expect(outcome.first._tag).toBe("Failure")
    expect(outcome.second._tag).toBe("Failure")
    expect(outcome.colleague._tag).toBe("Success")
    expect(outcome.fresh._tag).toBe("Success")
  })

  it("issues API keys with a prefix, resolves them by hash, refuses unknown ones", async () => {
    const outcome = await run(
      Effect.gen(function* () {
        const key = yield* issueApiKey({
          principalId: "client:gw",
          displayName: "Gateway",
          roles: ["integration-client"],
          scope: { _tag: "Integration", clientId: "gw", agencyCodes: ["000.11.50.H49"] },
        })
        const principal = yield* resolveApiKey(key)
        const unknown = yield* Effect.flip(resolveApiKey(`${key}x`))
        const stored = yield* (yield* AccountStore).findApiKey(key)
        return { key, principal, unknown, stored }
      }),
    )
    expect(outcome.key).toMatch(/^mck_[\w-]{43}$/)
    expect(outcome.principal.id).toBe("client:gw")
    expect(outcome.unknown._tag).toBe("Unauthenticated")
    expect(outcome.stored).toBeUndefined()
  })
})

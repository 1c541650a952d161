// Who is calling: resolves a credential (a bearer token, a session id, later a VNeID / SSO assertion through an
// adapter) to a Principal with its roles and scope. The development provider reads a fixed table of accounts.
import { Context, Data, Effect, Layer } from "effect"
import type { Principal } from "../authorization/principal.ts"

/** The credential is missing, unknown or expired (HTTP 401). */
export class Unauthenticated extends Data.TaggedError("Unauthenticated")<{ readonly reason: string }> {
  override get message(): string {
    return `chưa xác thực / not authenticated: ${this.reason}`
  }
}

export interface IdentityProviderShape {
  readonly resolve: (credential: string) => Effect.Effect<Principal, Unauthenticated>
}

export class IdentityProvider extends Context.Service<IdentityProvider, IdentityProviderShape>()(
  "@motcua/application/IdentityProvider",
) {
  /**
   * For development and demos only: `accounts` maps a token to its principal. Never use it in production: anyone
   * who knows a token is that account.
   */
  static readonly layerDevelopment = (accounts: Readonly<Record<string, Principal>>) =>
    Layer.succeed(
      IdentityProvider,
      IdentityProvider.of({
        resolve: (credential) => {
          const principal = Object.hasOwn(accounts, credential) ? accounts[credential] : undefined
          return principal === undefined
            ? Effect.fail(new Unauthenticated({ reason: credential === "" ? "no credential" : "unknown credential" }))
            : Effect.succeed(principal)
        },
      }),
    )
  static readonly layerTest = IdentityProvider.layerDevelopment
}

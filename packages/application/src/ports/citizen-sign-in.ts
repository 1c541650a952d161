// Citizens sign in with the national electronic identification (VNeID): since July 2025 online public services take
// citizens only through it. The port is the OpenID Connect round trip with the e-ID's provider: `begin` makes the
// authorisation request (with a PKCE verifier, a state and a nonce the caller keeps until the callback), `complete`
// takes the callback's URL with what was kept, exchanges the code and validates the ID token (issuer, audience,
// expiry, nonce, signature), and answers the citizen's verified identity. adapters/identity-oidc implements it.
import { Context, Data, type Effect } from "effect"
import type { ExternalServiceFailed } from "./external-errors.ts"

/** Where to send the citizen, and what to keep (server-side or in an HttpOnly cookie) until they come back. */
export interface EidAuthorization {
  readonly url: string
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
}

/** What the e-ID vouches for, from the validated ID token (and the userinfo endpoint where the provider has one). */
export interface EidIdentity {
  /** The provider's subject identifier. */
  readonly subject: string
  /** The 12-digit personal identification number (số định danh cá nhân). */
  readonly personalId: string
  readonly fullName?: string
  /** `YYYY-MM-DD`, when the provider gives it. */
  readonly birthDate?: string
  /** The account's identification level (VNeID level 1 or 2); 0 when the provider does not say. */
  readonly identityLevel: number
}

/** The e-ID's answer does not prove who the citizen is: wrong state, audience, nonce, expired token, reused code… */
export class EidSignInRefused extends Data.TaggedError("EidSignInRefused")<{
  readonly reason: string
  /** The identity is real but its identification level is below the one required (the citizen can raise it). */
  readonly levelTooLow?: true
}> {
  override get message(): string {
    return `đăng nhập bằng định danh điện tử không thành công / e-ID sign-in refused: ${this.reason}`
  }
}

export interface CitizenSignInShape {
  readonly begin: () => Effect.Effect<EidAuthorization, ExternalServiceFailed>
  readonly complete: (
    callbackUrl: string,
    kept: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
  ) => Effect.Effect<EidIdentity, EidSignInRefused | ExternalServiceFailed>
}

export class CitizenSignIn extends Context.Service<CitizenSignIn, CitizenSignInShape>()(
  "@motcua/application/CitizenSignIn",
) {}

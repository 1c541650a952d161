export { type ClaimNames, DEFAULT_CLAIMS, makeOidcSignIn, OidcSignIn, type OidcSignInConfig } from "./oidc-sign-in.ts"

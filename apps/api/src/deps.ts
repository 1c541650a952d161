// What the routes are given: the data and the effects they may not create themselves (time). The composition root
// (main.ts) builds these from the province's data; tests build them from the same data with a fixed clock.
import type { WebhookRules } from "@motcua/application"
import type { Assistant, Phraser } from "@motcua/assistant"
import { type Catalogue, type Jurisdiction, vietnamDate } from "@motcua/domain"
import type { ApiRuntime } from "./runtime.ts"
import type { SignInThrottle } from "./sign-in-throttle.ts"

/** A named readiness check (the database, later); it answers whether its dependency can serve requests. */
export interface ReadinessCheck {
  readonly name: string
  readonly check: () => boolean | Promise<boolean>
}

export interface ApiDeps {
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  /** The current instant; "today" for the catalogue is its civil date in Vietnam. */
  readonly now: () => Date
  readonly readiness: ReadonlyArray<ReadinessCheck>
  /** The application's services (storage, accounts, use cases); absent, the dossier routes answer 503. */
  readonly runtime: ApiRuntime | undefined
  /** Whether session cookies are marked Secure. */
  readonly secureCookies: boolean
  /** Failed sign-in limits (sign-in-throttle.ts); undefined when turned off. */
  readonly signInThrottle: SignInThrottle | undefined
  /** Most bytes one principal may have uploaded and not yet attached to a dossier (413 beyond). */
  readonly stagedBytesPerPrincipal: number
  /** Which webhook receivers may be subscribed (https only, unless plain http is allowed for development). */
  readonly webhooks: WebhookRules
  /** The citizen assistant for the procedures in force on a civil date. */
  readonly assistant: (date: string) => Assistant
  /** The language model that rephrases answers (checked against the facts), with its timeout; undefined: none. */
  readonly assistantModel: { readonly phraser: Phraser; readonly timeoutMs: number } | undefined
  /** Citizen sign-in with the national e-ID: our callback URL and the lowest identification level taken; none = off. */
  readonly eid?: { readonly redirectUri: string; readonly minimumLevel: number }
  /** Seconds a client address must wait before asking again, or undefined (counted); undefined when off. */
  readonly assistantRateLimit: ((address: string, now: number) => number | undefined) | undefined
}

/** "Today" in Vietnam for the app's clock: which procedure versions are in force (the domain's vietnamDate). */
export const vietnamToday = (deps: { readonly now: () => Date }): string => vietnamDate(deps.now().toISOString())

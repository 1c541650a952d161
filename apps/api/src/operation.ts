// One table of operations drives both the hono routes and the OpenAPI document, so the document cannot drift from
// what the app serves. An operation names the Schemas of its query, path parameters, body and success response;
// the app decodes the request with them (every invalid field reported with its path) before the handler runs, and
// the handler only calls domain functions and returns a Result. Errors go to errors.ts, the one mapping place.
import type { Principal } from "@motcua/application"
import type { Result, Schema } from "effect"
import type { ProblemKind } from "./problem.ts"

export type HttpMethod = "get" | "post"

type TypeOf<S> = S extends Schema.Top ? S["Type"] : undefined

export interface OperationInput<Q, P, B> {
  readonly query: TypeOf<Q>
  readonly params: TypeOf<P>
  readonly body: TypeOf<B>
  /** Who is calling: the authenticated principal for `auth: "required"` operations, else `anonymous`. */
  readonly principal: Principal
  /** The `Idempotency-Key` header, checked for shape (`idempotencyKey` of the operation). */
  readonly idempotencyKey: string | undefined
  /** The raw body of an `upload` operation, with its declared media type. */
  readonly upload: { readonly bytes: Uint8Array; readonly mediaType: string } | undefined
  /** The session token, when the caller is authenticated by the session cookie (sign-out ends it). */
  readonly sessionToken: string | undefined
  /** The caller's network address (client-address.ts): what per-client limits count by. */
  readonly clientAddress: string
  /** The JSON body's exact text, for operations that verify a signature over it (`signedBody`). */
  readonly rawBody: string | undefined
  /** A request header, for operations that verify a signature carried in headers. */
  readonly header: (name: string) => string | undefined
  /**
   * Every query parameter as sent (first value of each), for operations that verify a signature over the query
   * (the payment gateway's notices): `query` holds only what the operation's Schema names.
   */
  readonly rawQuery: Readonly<Record<string, string>>
}

/** What a handler may answer besides JSON: a ready Response (the OpenAPI document page, for instance). */
export type Reply = unknown

export interface OperationSpec<
  Deps,
  Q extends Schema.Top | undefined,
  P extends Schema.Top | undefined,
  B extends Schema.Top | undefined,
> {
  readonly method: HttpMethod
  /** OpenAPI template, `/api/v1/procedures/{code}`; the hono route is derived from it. */
  readonly path: string
  readonly operationId: string
  readonly tag: string
  /** Vietnamese first; the English follows in `description`. */
  readonly summary: string
  readonly description?: string
  readonly query?: Q
  readonly params?: P
  readonly body?: B
  /**
   * A plain structural check in front of `body`'s Schema for the common shape of the body: what it returns must be
   * what the Schema's decoding returns (same fields, same order), and it must accept only what the Schema accepts;
   * `undefined` leaves the body to the Schema (which then names every problem, or accepts it after all). Hot routes
   * only (filing), each with a property test against its Schema.
   */
  readonly plainBody?: (input: unknown) => TypeOf<B> | undefined
  /**
   * `required`: the caller must be authenticated (session cookie + CSRF token on unsafe methods, a bearer token of
   * the identity provider, or an API key): 401 otherwise, before the input is even decoded. `api-key`: only an
   * integration client's API key will do (machine-to-machine calls such as the payment callback). Absent: public.
   */
  readonly auth?: "required" | "api-key"
  /** Whether the `Idempotency-Key` header is required (400 without it) or optional. */
  readonly idempotencyKey?: "required" | "optional"
  /** The body is a document's bytes (PDF, JPEG or PNG), not JSON; limited by the document size limit. */
  readonly upload?: true
  readonly response: {
    readonly status: 200 | 201
    readonly description: string
    /** A Schema for JSON answers; a media type and a free description otherwise (HTML page). */
    readonly schema?: Schema.Top
    readonly mediaType?: string
    /** Other media types the same answer comes in when asked (e.g. `application/pdf` with `?format=pdf`): bytes. */
    readonly alternatives?: ReadonlyArray<string>
  }
  /** The problems this operation may answer with, besides those every operation may (400, 500). */
  readonly problems: ReadonlyArray<ProblemKind>
  readonly handle: (
    input: OperationInput<Q, P, B>,
    deps: Deps,
  ) => Result.Result<Reply, unknown> | Promise<Result.Result<Reply, unknown>>
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds operations of every input shape; each is typed where it is defined.
export type Operation<Deps> = OperationSpec<Deps, any, any, any>

/** Defines an operation with its handler typed from its Schemas. */
export const defineOperation =
  <Deps>() =>
  <Q extends Schema.Top | undefined, P extends Schema.Top | undefined, B extends Schema.Top | undefined>(
    spec: OperationSpec<Deps, Q, P, B>,
  ): OperationSpec<Deps, Q, P, B> =>
    spec

/** `/api/v1/procedures/{code}` → `/api/v1/procedures/:code`. */
export const honoPath = (template: string): string => template.replace(/\{(\w+)\}/g, ":$1")

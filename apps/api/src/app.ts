// The hono app: request ids and logs, size and media-type limits, input decoding with the operations' Schemas, and
// every error answered as problem details through errors.ts. Routes live in routes/ and only call the domain.

import { anonymous, DEFAULT_STAGED_BYTES_PER_PRINCIPAL, Unauthenticated } from "@motcua/application"
import type { Assistant, Phraser } from "@motcua/assistant"
import type { Catalogue, Jurisdiction } from "@motcua/domain"
import { DecodeError, decodeAll, unsafeTextProblems } from "@motcua/domain"
import { Result } from "effect"
import { type Context, Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { methodNotAllowed } from "hono/method-not-allowed"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { assistantRateLimit, assistantsFor, DEFAULT_ASSISTANT_PER_MINUTE } from "./assistant.ts"
import { type Authenticated, authenticate } from "./auth.ts"
import { clientAddress } from "./client-address.ts"
import type { ApiDeps, ReadinessCheck } from "./deps.ts"
import { renderDocsPage } from "./docs-page.ts"
import { toProblem } from "./errors.ts"
import { type Logger, loggablePath } from "./logging.ts"
import { type ApiInfo, openApiDocument } from "./openapi.ts"
import { honoPath, type Operation } from "./operation.ts"
import { ApiProblem, PROBLEM_CONTENT_TYPE } from "./problem.ts"
import { accountOperations } from "./routes/accounts.ts"
import { assistantOperations } from "./routes/assistant.ts"
import { auditOperations } from "./routes/audit.ts"
import { catalogueOperations } from "./routes/catalogue.ts"
import { counterAgentOperations } from "./routes/counter-agent.ts"
import { documentOperations } from "./routes/documents.ts"
import { dossierOperations } from "./routes/dossiers.ts"
import { EID_CALLBACK_PATH, eidFailure, eidFailureRedirect, eidOperations } from "./routes/eid.ts"
import { feeOperations } from "./routes/fees.ts"
import { healthOperations } from "./routes/health.ts"
import { jurisdictionOperations } from "./routes/jurisdiction.ts"
import { lookupOperations } from "./routes/lookup.ts"
import { notificationOperations } from "./routes/notifications.ts"
import { outboxOperations } from "./routes/outbox.ts"
import { paymentOperations } from "./routes/payments.ts"
import { populationOperations } from "./routes/population.ts"
import { postalOperations } from "./routes/postal.ts"
import { qualityOperations } from "./routes/quality.ts"
import { reportOperations } from "./routes/reports.ts"
import { resultOperations, verificationOutcome, verificationPage } from "./routes/results.ts"
import { walletOperations } from "./routes/wallet.ts"
import { WEBHOOK_DOCUMENTS, webhookOperations } from "./routes/webhooks.ts"
import type { ApiRuntime } from "./runtime.ts"
import { DEFAULT_SIGN_IN_THROTTLE, type SignInThrottleSettings, signInThrottle } from "./sign-in-throttle.ts"
import { webPages } from "./web-pages.ts"

export const DEFAULT_BODY_LIMIT = 1024 * 1024
/** Largest uploaded document (the document store's own limit should be the same or larger). */
export const DEFAULT_DOCUMENT_LIMIT = 10 * 1024 * 1024

export interface AppOptions {
  readonly catalogue: Catalogue
  readonly jurisdiction: Jurisdiction
  readonly logger: Logger
  /** The clock; "today" for the catalogue is the civil date in Vietnam at this instant. */
  readonly now?: () => Date
  /** Request ids for requests that bring none (or an unusable one) in `x-request-id`. */
  readonly requestId?: () => string
  /** Largest request body accepted, in bytes (1 MiB by default). */
  readonly bodyLimit?: number
  /** Extra readiness checks for /readyz (the database, …). */
  readonly readiness?: ReadonlyArray<ReadinessCheck>
  readonly info?: Partial<ApiInfo>
  /**
   * The application's services (createRuntime): dossiers, accounts, lookup, audit. Without it those routes answer
   * 503. Its database is added to the readiness checks.
   */
  readonly runtime?: ApiRuntime
  /** Mark session cookies `Secure` (default true; false only for plain-HTTP development and tests). */
  readonly secureCookies?: boolean
  /** Largest uploaded document in bytes (10 MiB by default): larger is 413. */
  readonly documentLimit?: number
  /** Most bytes one principal may have uploaded and not yet attached (50 MiB by default): more is 413. */
  readonly stagedBytesPerPrincipal?: number
  /** Failed sign-in limits per username and per address (5 and 20, 15 minutes by default); false turns them off. */
  readonly signInThrottle?: SignInThrottleSettings | false
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy you run; false by default). */
  readonly trustProxy?: boolean
  /** Webhook receivers may use plain http:// (development and tests; https:// only by default). */
  readonly allowHttpWebhooks?: boolean
  /** The built web pages (apps/web/dist) to serve on the same origin; none when undefined. */
  readonly webRoot?: string
  /** The citizen assistant per civil date (default: built from `catalogue`, `jurisdiction` and the sample data's vocabulary). */
  readonly assistant?: (date: string) => Assistant
  /** A language model to rephrase the assistant's answers (checked against the facts); none by default. */
  readonly assistantModel?: { readonly phraser: Phraser; readonly timeoutMs: number }
  /** Questions per minute per client address for the assistant (30 by default); false turns the limit off. */
  readonly assistantPerMinute?: number | false
  /** Citizen sign-in with the national e-ID (the runtime's CitizenSignIn): our callback URL and the level taken. */
  readonly eid?: { readonly redirectUri: string; readonly minimumLevel: number }
}

type Env = { Variables: { requestId: string } }

/** A request id a client may choose: short and plain, so it cannot smuggle anything into the logs. */
const USABLE_REQUEST_ID = /^[\w.:-]{1,128}$/

/** `application/json`, or any `+json` type, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i

export const API_INFO: ApiInfo = {
  title: "motcua API",
  version: "0.1.0",
  description:
    "API một cửa: danh mục thủ tục hành chính, đơn vị hành chính, điểm tiếp nhận và tính phí, lệ phí (Quảng Ninh). " +
    "One-stop-shop API: procedure catalogue, jurisdiction, intake points and fee quotes.",
}

export function createApp(options: AppOptions): Hono<Env> {
  const { logger } = options
  const deps: ApiDeps = {
    catalogue: options.catalogue,
    jurisdiction: options.jurisdiction,
    now: options.now ?? (() => new Date()),
    readiness: [
      ...(options.runtime === undefined ? [] : [{ name: "database", check: options.runtime.databaseReady }]),
      ...(options.readiness ?? []),
    ],
    runtime: options.runtime,
    secureCookies: options.secureCookies ?? true,
    signInThrottle:
      options.signInThrottle === false
        ? undefined
        : signInThrottle(
            options.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE,
            // counted in the runtime's store (the database: shared by every instance on it), else in memory
            options.runtime === undefined ? undefined : options.runtime.signInFailures,
          ),
    stagedBytesPerPrincipal: options.stagedBytesPerPrincipal ?? DEFAULT_STAGED_BYTES_PER_PRINCIPAL,
    webhooks: { allowHttp: options.allowHttpWebhooks ?? false },
    assistant: options.assistant ?? assistantsFor({ catalogue: options.catalogue, jurisdiction: options.jurisdiction }),
    assistantModel: options.assistantModel,
    ...(options.eid === undefined ? {} : { eid: options.eid }),
    assistantRateLimit:
      options.assistantPerMinute === false
        ? undefined
        : assistantRateLimit(options.assistantPerMinute ?? DEFAULT_ASSISTANT_PER_MINUTE),
  }
  const maxDocument = options.documentLimit ?? DEFAULT_DOCUMENT_LIMIT
  const newRequestId = options.requestId ?? (() => crypto.randomUUID())
  const maxBody = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const info: ApiInfo = { ...API_INFO, ...options.info }

  const app = new Hono<Env>()

  const problem = (c: Context<Env>, error: unknown): Response => {
    const { problem, unexpected, unauthenticatedReason } = toProblem(error, c.req.path)
    // the answer is generic; the log keeps why (masked like every line), for whoever investigates a refusal
    if (unauthenticatedReason !== undefined)
      logger.log("info", "unauthenticated", {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: loggablePath(c.req.path, routeSegments),
        reason: unauthenticatedReason,
      })
    if (unexpected !== undefined)
      logger.log("error", "unexpected error", {
        requestId: c.get("requestId"),
        method: c.req.method,
        path: loggablePath(c.req.path, routeSegments),
        error: unexpected,
        stack: unexpected instanceof Error ? unexpected.stack : undefined,
      })
    // a browser coming back from the e-ID gets a page that says what went wrong, not the problem's JSON
    if (
      options.webRoot !== undefined &&
      c.req.method === "GET" &&
      c.req.path === EID_CALLBACK_PATH &&
      (c.req.header("accept") ?? "").includes("text/html")
    )
      return eidFailureRedirect(eidFailure(error, c.req.query("error")), deps.secureCookies)
    return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
      "content-type": PROBLEM_CONTENT_TYPE,
    })
  }

  // Outermost: the request id and the one log line per request (path only: a query string may carry personal data).
  app.use(async (c, next) => {
    const started = performance.now()
    const given = c.req.header("x-request-id")
    const requestId = given !== undefined && USABLE_REQUEST_ID.test(given) ? given : newRequestId()
    c.set("requestId", requestId)
    await next()
    c.res.headers.set("x-request-id", requestId)
    const status = c.res.status
    logger.request(status >= 500 ? "error" : "info", {
      method: c.req.method,
      path: loggablePath(c.req.path, routeSegments),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId,
    })
  })
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const response = problem(
          c,
          new ApiProblem({
            kind: "method-not-allowed",
            detail: `Đường dẫn này chỉ nhận ${methods.join(", ")} (this path accepts ${methods.join(", ")}).`,
          }),
        )
        response.headers.set("allow", methods.join(", "))
        return response
      },
    }),
  )

  let document: Record<string, unknown> | undefined
  const openApi = () => {
    document ??= openApiDocument(operations, info, WEBHOOK_DOCUMENTS)
    return document
  }
  const metaOperations: Operation<ApiDeps>[] = [
    {
      method: "get",
      path: "/openapi.json",
      operationId: "openApiDocument",
      tag: "meta",
      summary: "Tài liệu OpenAPI 3.1 của API",
      description: "This API's OpenAPI 3.1 document, generated from the same Schemas that validate requests.",
      response: { status: 200, description: "OpenAPI 3.1", mediaType: "application/json" },
      problems: [],
      handle: () => Result.succeed(openApi()),
    },
    {
      method: "get",
      path: "/docs",
      operationId: "apiReference",
      tag: "meta",
      summary: "Trang tra cứu API (HTML, dùng được khi không có Internet)",
      description: "A browsable reference page rendered from the OpenAPI document; works offline.",
      response: { status: 200, description: "HTML", mediaType: "text/html" },
      problems: [],
      handle: () =>
        Result.succeed(
          new Response(renderDocsPage(openApi()), { headers: { "content-type": "text/html; charset=utf-8" } }),
        ),
    },
  ]
  const operations: ReadonlyArray<Operation<ApiDeps>> = [
    ...catalogueOperations,
    ...jurisdictionOperations,
    ...feeOperations,
    ...assistantOperations,
    ...accountOperations,
    ...eidOperations,
    ...counterAgentOperations,
    ...walletOperations,
    ...populationOperations,
    ...dossierOperations,
    ...documentOperations,
    ...paymentOperations,
    ...lookupOperations,
    ...resultOperations,
    ...auditOperations,
    ...webhookOperations,
    ...postalOperations,
    ...notificationOperations,
    ...outboxOperations,
    ...reportOperations,
    ...qualityOperations,
    ...healthOperations,
    ...metaOperations,
  ]

  const routeSegments = new Set(operations.flatMap((op) => op.path.split("/").filter((s) => !s.startsWith("{"))))

  for (const op of operations) {
    const run = async (c: Context<Env>): Promise<Response> => {
      // Deny by default: an operation that needs a caller gets none of its input looked at without one.
      let caller: Authenticated | undefined
      if (op.auth !== undefined) {
        if (deps.runtime === undefined) return problem(c, noRuntime())
        const authenticated = await authenticate(c, deps.runtime)
        if (Result.isFailure(authenticated)) return problem(c, authenticated.failure)
        if (op.auth === "api-key" && authenticated.success.via !== "api-key")
          return problem(
            c,
            new Unauthenticated({
              reason: "thao tác này chỉ nhận khóa API của hệ thống tích hợp (this operation takes only an API key)",
            }),
          )
        caller = authenticated.success
      }
      const idempotencyKey = readIdempotencyKey(op, c)
      if (Result.isFailure(idempotencyKey)) return problem(c, idempotencyKey.failure)
      const input = await readInput(op, c)
      if (Result.isFailure(input)) return problem(c, input.failure)
      let upload: { bytes: Uint8Array; mediaType: string } | undefined
      if (op.upload === true) {
        const read = await readUpload(c)
        if (Result.isFailure(read)) return problem(c, read.failure)
        upload = read.success
      }
      const result = await op.handle(
        {
          ...input.success,
          principal: caller?.principal ?? anonymous,
          idempotencyKey: idempotencyKey.success,
          upload,
          sessionToken: caller?.sessionToken,
          clientAddress: clientAddress(c, options.trustProxy === true),
          rawBody: input.success.rawBody,
          header: (name: string) => c.req.header(name),
          rawQuery: c.req.query(),
        },
        deps,
      )
      if (Result.isFailure(result)) return problem(c, result.failure)
      if (result.success instanceof Response) return result.success
      return c.json(result.success as object, op.response.status)
    }
    const limit = op.upload === true ? maxDocument : maxBody
    if (op.body === undefined && op.upload !== true) app.on(op.method.toUpperCase(), honoPath(op.path), run)
    else
      app.on(
        op.method.toUpperCase(),
        honoPath(op.path),
        declaredBodyLimit(limit, (c) =>
          problem(
            c,
            new ApiProblem({
              kind: "payload-too-large",
              detail: `Nội dung yêu cầu vượt quá ${limit} byte (the body exceeds ${limit} bytes).`,
            }),
          ),
        ),
        run,
      )
  }

  // The page behind a result's QR code: HTML without JavaScript (any phone's browser shows it), Vietnamese first; a
  // plain form posts a PDF to check against what was issued (the JSON forms are /api/v1/verify/{id}).
  const html = (body: string, status: 200 | 404 = 200) =>
    new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } })
  app.get("/verify/:id", async (c) => {
    const id = c.req.param("id")
    const outcome = await verificationOutcome(deps, id)
    return html(verificationPage(id, outcome), "missing" in outcome ? 404 : 200)
  })
  app.post("/verify/:id", bodyLimit({ maxSize: maxDocument }), async (c) => {
    const id = c.req.param("id")
    const form = await c.req.parseBody()
    const file = form.file
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
    const outcome = await verificationOutcome(deps, id, bytes)
    return html(verificationPage(id, outcome), "missing" in outcome ? 404 : 200)
  })

  const pages = options.webRoot === undefined ? undefined : webPages(options.webRoot)
  app.notFound(async (c) => {
    const page = await pages?.serve(c.req.method, c.req.path, c.req.header("accept-encoding"))
    if (page !== undefined) return page
    return problem(
      c,
      new ApiProblem({ kind: "not-found", detail: `Không có tài nguyên ${c.req.path} (no such resource).` }),
    )
  })
  app.onError((error, c) => problem(c, error))
  return app
}

/**
 * The body limit, decided from the declared `Content-Length` when there is one (Node's parser then delivers exactly
 * that many bytes, so it is the body's size), as hono's `bodyLimit` decides it — but without touching the request's
 * `body` stream: hono's middleware reads `c.req.raw.body` first, which makes @hono/node-server build a full Fetch
 * `Request` and a `ReadableStream` for every request, where `c.req.text()` would otherwise read the body once into a
 * buffer. A body sent in chunks (no length) goes through hono's `bodyLimit`, which counts as it reads and stops at
 * the limit.
 */
function declaredBodyLimit(maxSize: number, onError: (c: Context<Env>) => Response) {
  const chunked = bodyLimit({ maxSize, onError })
  return async (c: Context<Env>, next: () => Promise<void>): Promise<Response | undefined> => {
    const length = c.req.header("content-length")
    if (length === undefined || c.req.header("transfer-encoding") !== undefined)
      return (await chunked(c, next)) ?? undefined
    if (Number.parseInt(length, 10) > maxSize) return onError(c)
    await next()
    return undefined
  }
}

/** Decodes the query, path parameters and JSON body of a request with the operation's Schemas. */
async function readInput(
  op: Operation<ApiDeps>,
  c: Context<Env>,
): Promise<Result.Result<{ query: unknown; params: unknown; body: unknown; rawBody: string | undefined }, unknown>> {
  const query = op.query === undefined ? undefined : decodeAll(op.query, c.req.query(), "Tham số truy vấn", "query")
  const params =
    op.params === undefined ? undefined : decodeAll(op.params, c.req.param(), "Tham số đường dẫn", "params")
  // Both parts are checked before answering, so that one answer lists every invalid field; text no field may hold
  // (NUL, lone surrogates) is refused wherever it is, whatever the Schema says.
  const problems = [
    ...unsafeTextProblems(c.req.query(), "query"),
    ...unsafeTextProblems(c.req.param(), "params"),
    ...[params, query].flatMap((part) => (part !== undefined && Result.isFailure(part) ? part.failure.problems : [])),
  ]
  if (problems.length > 0) return Result.fail(new DecodeError({ what: "Tham số yêu cầu", problems }))
  let body: unknown
  let rawBody: string | undefined
  if (op.body !== undefined) {
    const parsed = await readJson(c)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    rawBody = parsed.success.text
    const unsafe = unsafeTextProblems(parsed.success.value, "body")
    if (unsafe.length > 0) return Result.fail(new DecodeError({ what: "Nội dung yêu cầu", problems: unsafe }))
    // a field the operation does not know is refused with its path: a misspelt one must not be silently dropped
    const plain = op.plainBody?.(parsed.success.value)
    if (plain !== undefined) body = plain
    else {
      const decoded = decodeAll(op.body, parsed.success.value, "Nội dung yêu cầu", "body", { unknownFields: "error" })
      if (Result.isFailure(decoded)) return decoded
      body = decoded.success
    }
  }
  return Result.succeed({
    query: query !== undefined && Result.isSuccess(query) ? query.success : undefined,
    params: params !== undefined && Result.isSuccess(params) ? params.success : undefined,
    body,
    rawBody,
  })
}

/** The body as JSON, with its text (read once): 415 unless it is declared JSON, 400 when it does not parse. */
async function readJson(
  c: Context<Env>,
): Promise<Result.Result<{ readonly value: unknown; readonly text: string }, ApiProblem>> {
  const type = c.req.header("content-type")
  if (type === undefined || !JSON_MEDIA_TYPE.test(type))
    return Result.fail(
      new ApiProblem({
        kind: "unsupported-media-type",
        detail: `Nội dung phải là application/json (the body must be application/json), nhận được: ${type ?? "không có"}.`,
        errors: [{ path: "headers.content-type", message: "phải là application/json (must be application/json)" }],
      }),
    )
  const text = await c.req.text()
  try {
    return Result.succeed({ value: JSON.parse(text) as unknown, text })
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "không đọc được"
    return Result.fail(
      new ApiProblem({
        kind: "invalid-input",
        detail: "Nội dung yêu cầu không phải JSON hợp lệ (the body is not valid JSON).",
        errors: [{ path: "body", message: reason }],
      }),
    )
  }
}

export const noRuntime = () =>
  new ApiProblem({
    kind: "unavailable",
    detail: "Máy chủ chạy không có cơ sở dữ liệu: chức năng hồ sơ không khả dụng (no application runtime).",
  })

/** `Idempotency-Key`: short and plain (it is stored and may be logged). */
const USABLE_IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/

function readIdempotencyKey(op: Operation<ApiDeps>, c: Context<Env>): Result.Result<string | undefined, ApiProblem> {
  if (op.idempotencyKey === undefined) return Result.succeed(undefined)
  const key = c.req.header("idempotency-key")
  if (key === undefined && op.idempotencyKey === "optional") return Result.succeed(undefined)
  if (key === undefined || !USABLE_IDEMPOTENCY_KEY.test(key))
    return Result.fail(
      new ApiProblem({
        kind: "invalid-input",
        detail:
          key === undefined
            ? "Thiếu tiêu đề Idempotency-Key (the Idempotency-Key header is required)."
            : "Idempotency-Key không hợp lệ: 1–200 ký tự chữ, số, . _ : - (letters, digits, . _ : -).",
        errors: [
          {
            path: "headers.idempotency-key",
            message: key === undefined ? "bắt buộc (required)" : "không hợp lệ (invalid)",
          },
        ],
      }),
    )
  return Result.succeed(key)
}

/** The document types accepted for upload; the store checks the bytes match (magic bytes). */
export const UPLOAD_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const

/** The raw body of an upload: 415 unless declared PDF, JPEG or PNG. */
async function readUpload(
  c: Context<Env>,
): Promise<Result.Result<{ bytes: Uint8Array; mediaType: string }, ApiProblem>> {
  const declared = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase()
  if (declared === undefined || !(UPLOAD_MEDIA_TYPES as ReadonlyArray<string>).includes(declared))
    return Result.fail(
      new ApiProblem({
        kind: "unsupported-media-type",
        detail: `Tài liệu phải là ${UPLOAD_MEDIA_TYPES.join(", ")} (the document must be PDF, JPEG or PNG), nhận được: ${declared ?? "không có"}.`,
        errors: [{ path: "headers.content-type", message: `phải là một trong ${UPLOAD_MEDIA_TYPES.join(", ")}` }],
      }),
    )
  return Result.succeed({ bytes: new Uint8Array(await c.req.arrayBuffer()), mediaType: declared })
}

// The OpenAPI 3.1 document, generated from the operations table and the same effect Schemas the app decodes with.
// All schemas are compiled together so that a Schema annotated with an `identifier` becomes one entry of
// `components.schemas`, referenced wherever it is used.
import { JsonSchema, type Schema, SchemaRepresentation } from "effect"
import type { Operation } from "./operation.ts"
import { PROBLEM_CONTENT_TYPE, PROBLEM_KINDS, ProblemDetails, type ProblemKind } from "./problem.ts"

type Json = Record<string, unknown>

export interface ApiInfo {
  readonly title: string
  readonly version: string
  readonly description: string
}

/** Problems every operation with input may answer; each operation adds its own. */
const INPUT_PROBLEMS: ReadonlyArray<ProblemKind> = ["invalid-input"]
const ALWAYS_PROBLEMS: ReadonlyArray<ProblemKind> = ["internal"]

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * `Schema.Number` also admits NaN and ±Infinity, which effect's generator spells as strings for its JSON codec.
 * The API reads plain JSON, which has no such values, so that branch is noise here: `{ anyOf: [number, "NaN"…] }`
 * becomes `{ type: "number" }` (the checks beside it, such as `exclusiveMinimum`, are kept).
 */
function tidy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tidy)
  if (!isObject(schema)) return schema
  const out: Json = {}
  for (const [k, v] of Object.entries(schema)) out[k] = tidy(v)
  const anyOf = out.anyOf
  if (
    Array.isArray(anyOf) &&
    anyOf.length === 2 &&
    isObject(anyOf[0]) &&
    anyOf[0].type === "number" &&
    isObject(anyOf[1]) &&
    anyOf[1].type === "string" &&
    Array.isArray(anyOf[1].enum) &&
    anyOf[1].enum.every((e) => e === "NaN" || e === "Infinity" || e === "-Infinity")
  ) {
    delete out.anyOf
    return { type: "number", ...out }
  }
  return out
}

/** Compiles the schemas together; the result has one JSON Schema per input schema and the shared components. */
function compile(schemas: ReadonlyArray<Schema.Top>): { schemas: unknown[]; components: Json } {
  const [first, ...rest] = schemas.map((s) => s.ast)
  if (first === undefined) return { schemas: [], components: {} }
  const representation = SchemaRepresentation.toRepresentations([first, ...rest])
  const multi = JsonSchema.toMultiDocumentOpenApi3_1(SchemaRepresentation.toJsonSchemaMultiDocument(representation))
  const components: Json = {}
  for (const [name, definition] of Object.entries(multi.definitions)) components[name] = tidy(definition)
  return { schemas: multi.schemas.map(tidy), components }
}

/** Query or path parameters from the JSON Schema of a Struct: one parameter per property. */
function parameters(location: "query" | "path", schema: unknown): Json[] {
  if (!isObject(schema) || !isObject(schema.properties)) return []
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(isObject(property) && typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }))
}

/** How callers authenticate (auth.ts): the officer's session cookie, or a bearer token (API key or citizen token). */
const SECURITY_SCHEMES: Json = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: "motcua_session",
    description:
      "Phiên cán bộ (POST /api/v1/session). Unsafe methods also need the session's CSRF token in `x-csrf-token`.",
  },
  bearer: {
    type: "http",
    scheme: "bearer",
    description: "Khóa API của hệ thống tích hợp (`mck_…`) hoặc mã định danh công dân từ nhà cung cấp định danh.",
  },
  apiKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "mck_…",
    description:
      "Chỉ khóa API của hệ thống tích hợp (`Authorization: Bearer mck_…`), không phiên cán bộ hay mã công dân. " +
      "(Only an integration client's API key.)",
  },
}
const SECURITY = [{ session: [] }, { bearer: [] }]
/** `security` of an operation: public ones say so with an empty list, rather than inheriting nothing by omission. */
const securityOf = (auth: "required" | "api-key" | undefined) =>
  auth === "required" ? SECURITY : auth === "api-key" ? [{ apiKey: [] }] : []

/** What each tag groups, for the reference's sections. */
const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  catalogue: "Danh mục thủ tục hành chính (the procedure catalogue)",
  results: "Kết quả đã ký số và kiểm tra kết quả bằng mã QR (signed results and their verification)",
  jurisdiction: "Đơn vị hành chính, cơ quan, điểm tiếp nhận (units, agencies, intake points)",
  fees: "Tính phí, lệ phí (fee quotes)",
  accounts: "Đăng nhập cán bộ, phiên (officers' sign-in and sessions)",
  dossiers: "Hồ sơ: nộp, xử lý, trả kết quả (dossiers: filing, handling, returning the result)",
  documents: "Tài liệu đính kèm (documents)",
  payments:
    "Thanh toán: yêu cầu thanh toán và mã VietQR, thông báo của ngân hàng và cổng thanh toán, đối chiếu, hoàn trả, biên lai điện tử (payments, reconciliation, refunds, e-receipts)",
  assistant: "Trợ lý hỏi đáp thủ tục cho công dân (the citizen assistant)",
  webhooks: "Đăng ký nhận sự kiện của hệ thống tích hợp (webhook subscriptions)",
  postal: "Thu gom hồ sơ và chuyển trả kết quả qua bưu chính (postal pick-up and delivery)",
  lookup: "Tra cứu hồ sơ công khai (public dossier lookup)",
  audit: "Nhật ký kiểm toán (the audit log and its hash chain)",
  feedback: "Đánh giá hồ sơ, phản ánh, kiến nghị (ratings and petitions)",
  sla: "Cảnh báo sắp đến hạn, quá hạn (service-level notices)",
  health: "Tình trạng máy chủ (liveness and readiness)",
  operations: "Vận hành: hàng đợi gửi đi, đồng bộ Cổng DVCQG (operations: the outbox, national portal sync)",
  wallet: "Kho dữ liệu điện tử của công dân (the citizen's e-wallet of papers and results)",
  meta: "Tài liệu API (this document and its reference page)",
  notifications: "Thông báo cho người nộp: tình trạng, kênh nhận (notices: delivery status, chosen channels)",
  reports:
    "Báo cáo, thống kê cho lãnh đạo; chỉ số chất lượng phục vụ, Quyết định 766 (reports for the leaders' dashboards; the service-quality index)",
}

const idempotencyParameter = (required: boolean): Json => ({
  name: "Idempotency-Key",
  in: "header",
  required,
  description:
    "Khóa chống lặp: gửi lại cùng khóa và cùng nội dung nhận lại kết quả đầu tiên; cùng khóa, nội dung khác → 422.",
  schema: { type: "string", pattern: "^[\\w.:-]{1,200}$" },
})

const UPLOAD_BODY: Json = {
  required: true,
  content: Object.fromEntries(
    ["application/pdf", "image/jpeg", "image/png"].map((type) => [
      type,
      { schema: { type: "string", format: "binary" } },
    ]),
  ),
}

const problemResponse = (kind: ProblemKind): Json => ({ $ref: `#/components/responses/${kind}` })

/** A message the API sends to subscribers (OpenAPI 3.1 `webhooks`): its name, words and body Schema. */
export interface WebhookDocument {
  readonly name: string
  readonly summary: string
  readonly description: string
  readonly schema: Schema.Top
}

export function openApiDocument<Deps>(
  operations: ReadonlyArray<Operation<Deps>>,
  info: ApiInfo,
  webhookDocuments: ReadonlyArray<WebhookDocument> = [],
): Json {
  // Every schema to compile, remembered by position so that each operation finds its own.
  const all: Schema.Top[] = [ProblemDetails]
  const at = (schema: Schema.Top | undefined): number | undefined =>
    schema === undefined ? undefined : all.push(schema) - 1
  const webhookSlots = webhookDocuments.map((w) => at(w.schema))
  const slots = operations.map((op) => ({
    query: at(op.query),
    params: at(op.params),
    body: at(op.body),
    response: at(op.response.schema),
  }))
  const compiled = compile(all)
  const schemaAt = (i: number | undefined) => (i === undefined ? undefined : compiled.schemas[i])

  const paths: Record<string, Record<string, Json>> = {}
  operations.forEach((op, i) => {
    const slot = slots[i]
    if (slot === undefined) return
    const hasInput = op.query !== undefined || op.params !== undefined || op.body !== undefined
    const problems = new Set<ProblemKind>([...(hasInput ? INPUT_PROBLEMS : []), ...op.problems, ...ALWAYS_PROBLEMS])
    const responses: Json = {
      [String(op.response.status)]: {
        description: op.response.description,
        content: {
          [op.response.mediaType ?? "application/json"]:
            op.response.schema === undefined ? {} : { schema: schemaAt(slot.response) },
          ...Object.fromEntries(
            (op.response.alternatives ?? []).map((type) => [type, { schema: { type: "string", format: "binary" } }]),
          ),
        },
      },
    }
    for (const kind of [...problems].sort((a, b) => PROBLEM_KINDS[a].status - PROBLEM_KINDS[b].status))
      responses[String(PROBLEM_KINDS[kind].status)] = problemResponse(kind)
    const operation: Json = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description === undefined ? {} : { description: op.description }),
      parameters: [
        ...parameters("path", schemaAt(slot.params)),
        ...parameters("query", schemaAt(slot.query)),
        ...(op.idempotencyKey === undefined ? [] : [idempotencyParameter(op.idempotencyKey === "required")]),
      ],
      ...(op.body === undefined
        ? {}
        : { requestBody: { required: true, content: { "application/json": { schema: schemaAt(slot.body) } } } }),
      ...(op.upload === true ? { requestBody: UPLOAD_BODY } : {}),
      security: securityOf(op.auth),
      responses,
    }
    const item = paths[op.path] ?? {}
    item[op.method] = operation
    paths[op.path] = item
  })

  // Only the problem responses some operation refers to: an unused component is noise in the reference.
  const used = new Set(operations.flatMap((op) => [...op.problems, ...INPUT_PROBLEMS, ...ALWAYS_PROBLEMS]))
  const responses: Json = {}
  for (const [kind, { title, titleEn }] of Object.entries(PROBLEM_KINDS)) {
    if (!used.has(kind as ProblemKind)) continue
    responses[kind] = {
      description: `${title} (${titleEn})`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: compiled.schemas[0] } },
    }
  }

  const webhooks: Record<string, Json> = {}
  webhookDocuments.forEach((w, i) => {
    webhooks[w.name] = {
      post: {
        operationId: w.name,
        summary: w.summary,
        description: w.description,
        // The receiver authenticates us by the Motcua-Signature HMAC below, not by a credential we present.
        security: [],
        parameters: [
          {
            name: "Motcua-Signature",
            in: "header",
            required: true,
            description: "t=<unix seconds>,v1=<hex HMAC-SHA256 over t.body>",
            schema: { type: "string" },
          },
          { name: "Motcua-Event-Id", in: "header", required: true, schema: { type: "string" } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: schemaAt(webhookSlots[i]) } } },
        responses: { "2XX": { description: "Đã nhận (received); anything else is retried" } },
      },
    }
  })

  return {
    openapi: "3.1.1",
    info: { ...info, license: { name: "Apache-2.0", identifier: "Apache-2.0" } },
    // Relative: the API answers on the origin that served this document (pnpm start: http://localhost:8080).
    servers: [{ url: "/", description: "máy chủ phục vụ tài liệu này (the server that serves this document)" }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({
      name,
      ...(TAG_DESCRIPTIONS[name] === undefined ? {} : { description: TAG_DESCRIPTIONS[name] }),
    })),
    paths,
    ...(webhookDocuments.length === 0 ? {} : { webhooks }),
    components: { schemas: compiled.components, responses, securitySchemes: SECURITY_SCHEMES },
  }
}

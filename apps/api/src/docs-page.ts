// The browsable API reference at /docs, rendered on the server from the OpenAPI document. It is one self-contained
// HTML page (inline CSS, no script, no CDN) because the machines that run motcua may have no internet access.
import { PROBLEM_KINDS } from "./problem.ts"

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v)

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

const refName = (ref: string): string => ref.slice(ref.lastIndexOf("/") + 1)
const anchor = (kind: "schema" | "op", name: string) => `${kind}-${name.replace(/[^\w-]/g, "-")}`

/** A short, linked description of a schema's type: `array of <Procedure>`, `"ward" | "commune"`, `string ≥ 1`. */
function typeOf(schema: unknown): string {
  if (!isObject(schema)) return "any"
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref)
    return `<a href="#${anchor("schema", name)}">${escapeHtml(name)}</a>`
  }
  if (Array.isArray(schema.enum))
    return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(" | ")
  if ("const" in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key]
    if (Array.isArray(options)) return options.map(typeOf).join(" | ")
  }
  if (schema.type === "array") return `array of ${typeOf(schema.items)}`
  const constraints = ["minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "minItems", "pattern"]
    .filter((k) => k in schema)
    .map((k) => `${k} ${escapeHtml(String(schema[k]))}`)
  const base = typeof schema.type === "string" ? schema.type : "object"
  return constraints.length === 0 ? base : `${base} <small>(${constraints.join(", ")})</small>`
}

/** A table of an object schema's properties, nested objects rendered in place. */
function propertiesTable(schema: unknown): string {
  if (!isObject(schema) || !isObject(schema.properties)) return `<p>${typeOf(schema)}</p>`
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  const rows = Object.entries(schema.properties).map(([name, property]) => {
    const nested =
      isObject(property) && isObject(property.properties) && property.$ref === undefined
        ? propertiesTable(property)
        : isObject(property) &&
            property.type === "array" &&
            isObject(property.items) &&
            isObject(property.items.properties)
          ? `array of ${propertiesTable(property.items)}`
          : typeOf(property)
    const description = isObject(property) && typeof property.description === "string" ? property.description : ""
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? " <b>*</b>" : ""}</td><td>${nested}</td><td>${escapeHtml(description)}</td></tr>`
  })
  return `<table><thead><tr><th>Trường</th><th>Kiểu</th><th>Mô tả</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
}

function operationSection(path: string, method: string, op: Json): string {
  const id = typeof op.operationId === "string" ? op.operationId : `${method}-${path}`
  const parameters = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : []
  const paramRows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p.name))}</code>${p.required === true ? " <b>*</b>" : ""}</td><td>${escapeHtml(String(p.in))}</td><td>${typeOf(p.schema)}</td><td>${escapeHtml(typeof p.description === "string" ? p.description : "")}</td></tr>`,
    )
    .join("")
  const body =
    isObject(op.requestBody) && isObject(op.requestBody.content)
      ? Object.entries(op.requestBody.content)
          .map(
            ([type, media]) =>
              `<p>Nội dung (<code>${escapeHtml(type)}</code>): ${typeOf(isObject(media) ? media.schema : undefined)}</p>`,
          )
          .join("")
      : ""
  const responses = isObject(op.responses)
    ? Object.entries(op.responses)
        .map(([status, response]) => {
          if (!isObject(response)) return ""
          if (typeof response.$ref === "string") {
            const kind = refName(response.$ref)
            return `<li><b>${escapeHtml(status)}</b> <a href="#problem-${escapeHtml(kind)}">${escapeHtml(kind)}</a></li>`
          }
          const content = isObject(response.content) ? Object.entries(response.content) : []
          const types = content
            .map(([type, media]) => `<code>${escapeHtml(type)}</code> ${isObject(media) ? typeOf(media.schema) : ""}`)
            .join(", ")
          return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(String(response.description ?? ""))} ${types}</li>`
        })
        .join("")
    : ""
  return `<section class="op" id="${anchor("op", id)}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary ?? ""))}</p>
${typeof op.description === "string" ? `<p class="en">${escapeHtml(op.description)}</p>` : ""}
${paramRows === "" ? "" : `<h4>Tham số</h4><table><thead><tr><th>Tên</th><th>Vị trí</th><th>Kiểu</th><th>Mô tả</th></tr></thead><tbody>${paramRows}</tbody></table>`}
${body === "" ? "" : `<h4>Nội dung yêu cầu</h4>${body}`}
<h4>Phản hồi</h4><ul>${responses}</ul>
</section>`
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1b1b1b;line-height:1.45}
h1{border-bottom:3px solid #b3261e;padding-bottom:.3rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc}
nav ul{columns:2}table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.op{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;padding:0 .4rem;font-size:.9em}
.get{background:#1565c0}.post{background:#2e7d32}.en{color:#555}code{background:#f6f6f6;padding:0 .2rem}table table{font-size:.95em}`

/** The whole reference page for an OpenAPI document. */
export function renderDocsPage(document: Json): string {
  const info = isObject(document.info) ? document.info : {}
  const title = escapeHtml(String(info.title ?? "API"))
  const paths = isObject(document.paths) ? Object.entries(document.paths) : []
  const operations = paths.flatMap(([path, item]) =>
    isObject(item) ? Object.entries(item).flatMap(([method, op]) => (isObject(op) ? [{ path, method, op }] : [])) : [],
  )
  const tags = [...new Set(operations.map(({ op }) => (Array.isArray(op.tags) ? String(op.tags[0]) : "other")))]
  const components = isObject(document.components) ? document.components : {}
  const schemas = isObject(components.schemas) ? Object.entries(components.schemas) : []

  const toc = operations
    .map(
      ({ path, method, op }) =>
        `<li><a href="#${anchor("op", String(op.operationId ?? path))}">${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</a></li>`,
    )
    .join("")
  const byTag = tags
    .map(
      (tag) =>
        `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations
          .filter(({ op }) => (Array.isArray(op.tags) ? String(op.tags[0]) : "other") === tag)
          .map(({ path, method, op }) => operationSection(path, method, op))
          .join("")}`,
    )
    .join("")
  const problems = Object.entries(PROBLEM_KINDS)
    .map(
      ([kind, p]) =>
        `<tr id="problem-${kind}"><td><code>${kind}</code></td><td>${p.status}</td><td>${escapeHtml(p.title)}</td><td>${escapeHtml(p.titleEn)}</td></tr>`,
    )
    .join("")
  const schemaSections = schemas
    .map(
      ([name, schema]) =>
        `<section id="${anchor("schema", name)}"><h3>${escapeHtml(name)}</h3>${isObject(schema) && typeof schema.description === "string" ? `<p>${escapeHtml(schema.description)}</p>` : ""}${propertiesTable(schema)}</section>`,
    )
    .join("")

  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head>
<body><h1>${title} <small>${escapeHtml(String(info.version ?? ""))}</small></h1>
<p>${escapeHtml(String(info.description ?? ""))}</p>
<p>Tài liệu OpenAPI 3.1 (máy đọc được): <a href="/openapi.json">/openapi.json</a></p>
<nav><h2>Các thao tác</h2><ul>${toc}</ul></nav>
${byTag}
<h2 id="problems">Lỗi (application/problem+json, RFC 9457)</h2>
<p>Mọi lỗi trả về <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code> và <code>errors</code>: danh sách <code>{ path, message }</code> cho từng trường không hợp lệ.</p>
<table><thead><tr><th>Loại</th><th>Mã</th><th>Tiêu đề</th><th>English</th></tr></thead><tbody>${problems}</tbody></table>
<h2 id="schemas">Lược đồ dữ liệu</h2>
${schemaSections}
</body></html>`
}

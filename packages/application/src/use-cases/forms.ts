// The standard one-stop forms of a dossier that apply to it now (the domain's builders: receipt, supplementation
// request, refusal, apology, stop notice, process-control slip, the tracking-log row), for whoever may read the
// dossier: each as its data and as labelled lines to print, the labels read from the form Schema's own `title`
// annotations (Vietnamese, as the form prints them); and one of them as PDF (the DocumentRenderer port,
// adapters/render-pdf), numbered and dated by the authority, with a QR code to the dossier's public lookup page.
import {
  ApologySlip,
  apologySlip,
  type DossierView,
  type FormNotApplicable,
  type Procedure,
  ProcessControlSlip,
  processControlSlip,
  ReceiptSlip,
  RefusalSlip,
  receiptSlip,
  refusalSlip,
  StopNotice,
  SupplementationRequestSlip,
  stopNotice,
  supplementationRequestSlip,
  TrackingLogEntry,
  trackingLogEntry,
  vietnamDate,
  vietnamDateTime,
} from "@motcua/domain"
import { Data, Effect, Result, type Schema, SchemaAST } from "effect"
import { authorizeOn, type LoadedDossier, loadDossier } from "../dossier/engine.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock } from "../ports/clock.ts"
import { lookupUrl, PublicPages } from "../ports/issued-results.ts"
import { DocumentRenderer, type StandardForm } from "../ports/renderer.ts"

/** One printed line of a form: its label, as the form prints it, and the value. */
export interface FormLine {
  readonly label: string
  readonly value: string
}

export interface DossierForm {
  readonly form: string
  readonly title: string
  readonly data: unknown
  readonly lines: ReadonlyArray<FormLine>
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

const shown = (value: unknown): string =>
  typeof value === "string" && INSTANT.test(value) ? vietnamDateTime(value) : String(value)

/** The labelled lines of a value by its Schema's AST: nested records prefix their label, list items are numbered. */
function linesOf(ast: SchemaAST.AST, value: unknown, prefix: string): FormLine[] {
  if (value === undefined || value === null) return []
  if (SchemaAST.isObjects(ast) && typeof value === "object" && !Array.isArray(value)) {
    return ast.propertySignatures.flatMap((property) => {
      const name = String(property.name)
      if (name === "form" || name === "title") return []
      const title = SchemaAST.resolveTitle(property.type) ?? name
      return linesOf(
        property.type,
        (value as Record<string, unknown>)[name],
        prefix === "" ? title : `${prefix} — ${title}`,
      )
    })
  }
  if (SchemaAST.isArrays(ast) && Array.isArray(value)) {
    const item = ast.rest[0]
    if (value.length === 0) return []
    if (item === undefined || !value.some((v) => typeof v === "object" && v !== null))
      return [{ label: prefix, value: value.map(shown).join("; ") }]
    return value.flatMap((v, i) => linesOf(item, v, `${prefix} ${i + 1}`))
  }
  return [{ label: prefix, value: shown(value) }]
}

type Builder = (view: DossierView, procedure: Procedure) => Result.Result<unknown, FormNotApplicable>

const FORMS: ReadonlyArray<readonly [Schema.Top, Builder]> = [
  [ReceiptSlip, receiptSlip],
  [ProcessControlSlip, processControlSlip],
  [SupplementationRequestSlip, supplementationRequestSlip],
  [RefusalSlip, refusalSlip],
  [ApologySlip, apologySlip],
  [StopNotice, stopNotice],
  [
    TrackingLogEntry,
    (view, procedure) => Result.succeed({ form: "tracking-log-entry", ...trackingLogEntry(view, procedure) }),
  ],
]

/** The forms that apply to the dossier now, in the order above (those that do not apply yet are left out). */
export const dossierForms = Effect.fnUntraced(function* (principal: Parameters<typeof authorizeOn>[0], code: string) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  return formsOf(loaded)
})

/** The form asked for is not one that applies to the dossier now (HTTP 404); says which ones do. */
export class FormNotAvailable extends Data.TaggedError("FormNotAvailable")<{
  readonly code: string
  readonly form: string
  readonly available: ReadonlyArray<string>
}> {
  override get message(): string {
    const list = this.available.join(", ")
    return `hồ sơ ${this.code} không có biểu mẫu ${this.form} lúc này (có: ${list === "" ? "không có" : list}) / the dossier has no form ${this.form} now (it has: ${list === "" ? "none" : list})`
  }
}

/** Short names printed in a form's number (`<dossier code>/<short name>`). */
const NUMBER_SUFFIX: Readonly<Record<string, string>> = {
  receipt: "TN",
  "process-control": "KSQT",
  "supplementation-request": "BS",
  refusal: "TC",
  apology: "XL",
  "stop-notice": "DXL",
  "tracking-log-entry": "STD",
}

/**
 * One of the forms that apply to the dossier now, as PDF: issued by the dossier's authority, numbered
 * `<dossier code>/<short name>`, dated today (Vietnam), its QR code to the dossier's public lookup page. The
 * tracking-log row is printed as a one-row tracking log.
 */
export const dossierFormPdf = Effect.fnUntraced(function* (
  principal: Parameters<typeof authorizeOn>[0],
  code: string,
  form: string,
) {
  const loaded = yield* loadDossier(code)
  yield* authorizeOn(principal, "dossier.read", loaded)
  const forms = formsOf(loaded)
  const found = forms.find((f) => f.form === form || (form === "tracking-log" && f.form === "tracking-log-entry"))
  if (found === undefined)
    return yield* Effect.fail(new FormNotAvailable({ code, form, available: forms.map((f) => f.form) }))
  const renderer = yield* DocumentRenderer
  const pages = yield* PublicPages
  const catalog = yield* CatalogStore
  const at = yield* (yield* Clock).now
  const agencyCode = loaded.context.agencyCode
  const issuer = catalog.jurisdiction.agencies.find((a) => a.code === agencyCode)?.name ?? agencyCode
  const data =
    found.form === "tracking-log-entry"
      ? ({
          form: "tracking-log",
          title: "SỔ THEO DÕI HỒ SƠ",
          entries: [Object.fromEntries(Object.entries(found.data as object).filter(([key]) => key !== "form"))],
        } as unknown as StandardForm)
      : (found.data as StandardForm)
  const bytes = yield* renderer.renderForm(data, {
    issuer,
    number: `${code}/${NUMBER_SUFFIX[found.form] ?? found.form}`,
    place: pages.place,
    date: vietnamDate(at),
    qrUrl: lookupUrl(pages, code),
  })
  return { bytes, fileName: `${code}-${found.form === "tracking-log-entry" ? "tracking-log" : found.form}.pdf` }
})

function formsOf(loaded: LoadedDossier): DossierForm[] {
  const view: DossierView = loaded.dossier
  return FORMS.flatMap(([schema, build]): DossierForm[] => {
    const built = build(view, loaded.procedure)
    if (Result.isFailure(built)) return []
    const data = built.success as { readonly form: string; readonly title?: string }
    return [
      {
        form: data.form,
        title: data.title ?? "SỔ THEO DÕI HỒ SƠ (dòng của hồ sơ)",
        data,
        lines: linesOf(schema.ast, data, ""),
      },
    ]
  })
}

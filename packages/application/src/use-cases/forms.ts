// The standard one-stop forms of a dossier that apply to it now (the domain's builders: receipt, supplementation
// request, refusal, apology, stop notice, process-control slip, the tracking-log row), for whoever may read the
// dossier: each as its data and as labelled lines to print, the labels read from the form Schema's own `title`
// annotations (Vietnamese, as the form prints them). Rendering to PDF is other work.
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
  vietnamDateTime,
} from "@motcua/domain"
import { Effect, Result, type Schema, SchemaAST } from "effect"
import { authorizeOn, loadDossier } from "../dossier/engine.ts"

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
})

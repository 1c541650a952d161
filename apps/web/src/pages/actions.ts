// What each lifecycle action asks of the officer, to build its form: the API's request bodies (schema.ts) less
// expectedVersion, which the page sends from the version it shows (a stale page gets 409 and reloads). Which actions
// a page shows is the API's answer (the dossier's `actions`: what the policy and the machine allow the caller now).
export type ActionName =
  | "accept"
  | "refuse"
  | "request-supplementation"
  | "receive-supplement"
  | "request-payment"
  | "confirm-payment"
  | "complete-step"
  | "transfer"
  | "approve"
  | "reject"
  | "sign"
  | "replace-result"
  | "mark-result-ready"
  | "return-result"
  | "withdraw"
  | "stop"
  | "extend-with-apology"
  | "correct"

export type Field =
  | { readonly name: string; readonly kind: "reasons" }
  /** The procedure's papers to tick (each sent with its documentId), and other papers, one per line. */
  | { readonly name: string; readonly kind: "documents" }
  | { readonly name: string; readonly kind: "text"; readonly optional?: boolean }
  | { readonly name: string; readonly kind: "number" }
  | { readonly name: string; readonly kind: "instant" }
  | { readonly name: string; readonly kind: "choice"; readonly options: ReadonlyArray<string> }
  /** A PDF or image staged first (POST /api/v1/documents); the body carries its id. */
  | { readonly name: string; readonly kind: "file"; readonly optional?: boolean; readonly many?: boolean }

export const ACTION_FIELDS: Readonly<Record<ActionName, ReadonlyArray<Field>>> = {
  accept: [],
  refuse: [{ name: "reasons", kind: "reasons" }],
  "request-supplementation": [
    { name: "missing", kind: "documents" },
    { name: "applicantDeadline", kind: "instant" },
  ],
  // the citizen's answer has a form of its own (supplement.tsx): the papers asked for, uploaded
  "receive-supplement": [],
  "request-payment": [
    { name: "itemName", kind: "text" },
    { name: "itemAmount", kind: "number" },
  ],
  "confirm-payment": [
    { name: "paymentId", kind: "text" },
    { name: "amount", kind: "number" },
  ],
  "complete-step": [{ name: "note", kind: "text", optional: true }],
  transfer: [{ name: "agencyCode", kind: "text" }],
  approve: [{ name: "note", kind: "text", optional: true }],
  reject: [{ name: "reasons", kind: "reasons" }],
  sign: [{ name: "documentId", kind: "file" }],
  // the corrected result: uploaded, or (without a file) rendered from the dossier as it stands
  "replace-result": [
    { name: "documentId", kind: "file", optional: true },
    { name: "reason", kind: "text" },
  ],
  "mark-result-ready": [{ name: "resultDocumentIds", kind: "file", optional: true, many: true }],
  "return-result": [{ name: "method", kind: "choice", options: ["counter", "post", "e-wallet"] }],
  withdraw: [{ name: "reason", kind: "text", optional: true }],
  stop: [{ name: "reasons", kind: "reasons" }],
  "extend-with-apology": [
    { name: "newAppointment", kind: "instant" },
    { name: "reason", kind: "text" },
  ],
  correct: [
    { name: "field", kind: "choice", options: ["applicant.name", "applicant.address", "applicant.phone"] },
    { name: "to", kind: "text" },
    { name: "reason", kind: "text" },
  ],
}

/** The actions whose request needs an Idempotency-Key (a payment recorded twice must count once). */
export const IDEMPOTENT: ReadonlySet<ActionName> = new Set(["confirm-payment"])

/**
 * The request body of an action from the form's values; `uploaded` holds the ids of the files staged for its file
 * fields.
 */
export function actionBody(
  action: ActionName,
  values: Readonly<Record<string, string>>,
  expectedVersion: number,
  uploaded: Readonly<Record<string, ReadonlyArray<string>>> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion }
  for (const field of ACTION_FIELDS[action]) {
    const raw = (values[field.name] ?? "").trim()
    if (field.kind === "documents") {
      const ticked = Object.entries(values)
        .filter(([key, value]) => key.startsWith(`${field.name}:`) && value !== "")
        .map(([key, description]) => ({ documentId: key.slice(field.name.length + 1), description }))
      const others = raw
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .map((description) => ({ description }))
      body[field.name] = [...ticked, ...others]
    } else if (field.kind === "reasons") {
      const lines = raw
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
      body[field.name] = field.name === "missing" ? lines.map((description) => ({ description })) : lines
    } else if (field.kind === "number") body[field.name] = Number(raw)
    else if (field.kind === "instant") body[field.name] = raw === "" ? raw : `${raw}:00+07:00`
    else if (field.kind === "file") {
      const ids = uploaded[field.name] ?? []
      if (field.many === true) {
        if (ids.length > 0) body[field.name] = ids
      } else if (ids[0] !== undefined) body[field.name] = ids[0]
    } else if (raw !== "" || !("optional" in field && field.optional === true)) body[field.name] = raw
  }
  if (action === "request-payment") {
    const { itemName, itemAmount, ...rest } = body
    return { ...rest, items: [{ name: itemName, amount: itemAmount }] }
  }
  if (action === "correct") {
    const { field, to, ...rest } = body
    return { ...rest, changes: [{ field, to }] }
  }
  return body
}

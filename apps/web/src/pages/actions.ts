// What each lifecycle action asks of the officer, to build its form: the API's request bodies (schema.d.ts) less
// expectedVersion, which the page sends from the version it shows (a stale page gets 409 and reloads).
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
  | "mark-result-ready"
  | "return-result"
  | "withdraw"
  | "stop"
  | "extend-with-apology"

export type Field =
  | { readonly name: string; readonly kind: "reasons" }
  | { readonly name: string; readonly kind: "text"; readonly optional?: boolean }
  | { readonly name: string; readonly kind: "number" }
  | { readonly name: string; readonly kind: "instant" }
  | { readonly name: string; readonly kind: "choice"; readonly options: ReadonlyArray<string> }

export const ACTION_FIELDS: Readonly<Record<ActionName, ReadonlyArray<Field>>> = {
  accept: [],
  refuse: [{ name: "reasons", kind: "reasons" }],
  "request-supplementation": [
    { name: "missing", kind: "reasons" },
    { name: "applicantDeadline", kind: "instant" },
  ],
  "receive-supplement": [],
  "request-payment": [],
  "confirm-payment": [
    { name: "paymentId", kind: "text" },
    { name: "amount", kind: "number" },
  ],
  "complete-step": [{ name: "note", kind: "text", optional: true }],
  transfer: [{ name: "agencyCode", kind: "text" }],
  approve: [{ name: "note", kind: "text", optional: true }],
  reject: [{ name: "reasons", kind: "reasons" }],
  sign: [{ name: "documentId", kind: "text" }],
  "mark-result-ready": [],
  "return-result": [{ name: "method", kind: "choice", options: ["counter", "post", "e-wallet"] }],
  withdraw: [{ name: "reason", kind: "text", optional: true }],
  stop: [{ name: "reasons", kind: "reasons" }],
  "extend-with-apology": [
    { name: "newAppointment", kind: "instant" },
    { name: "reason", kind: "text" },
  ],
}

/** The request body of an action from the form's values. */
export function actionBody(
  action: ActionName,
  values: Readonly<Record<string, string>>,
  expectedVersion: number,
): Record<string, unknown> {
  const body: Record<string, unknown> = { expectedVersion }
  for (const field of ACTION_FIELDS[action]) {
    const raw = (values[field.name] ?? "").trim()
    if (field.kind === "reasons") {
      const lines = raw
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
      body[field.name] = field.name === "missing" ? lines.map((description) => ({ description })) : lines
    } else if (field.kind === "number") body[field.name] = Number(raw)
    else if (field.kind === "instant") body[field.name] = raw === "" ? raw : `${raw}:00+07:00`
    else if (raw !== "" || !("optional" in field && field.optional === true)) body[field.name] = raw
  }
  return body
}

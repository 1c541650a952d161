// Every page text exists in Vietnamese and English: the two catalogues have the same keys, no value is empty, and
// every key the pages ask for (t("…") in the sources, and the keys built from data: actions and their fields and
// choices, channels, national statuses, roles, timeliness, return methods, digitised papers' sources) exists in both.
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect, it } from "vitest"
import { currentOpenApiDocument } from "../../scripts/openapi-types.ts"
import { ACTION_FIELDS } from "../pages/actions.ts"
import { FIELD_SOURCES } from "../pages/counter-devices.tsx"
import { DELIVERY_STATUSES, NOTICE_CHANNELS, NOTICE_KINDS, noticeKindKey } from "../pages/dossier-citizen.tsx"
import { DRILL_DOWNS } from "../pages/index766.tsx"
import { WAITING_STATES } from "../pages/outbox.tsx"
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from "../pages/pay.tsx"
import { HELD_REASONS, REFUND_REASONS, REFUND_STATUSES } from "../pages/payments.tsx"
import { PETITION_STATUSES } from "../pages/petitions.tsx"
import { PETITION_KINDS, PETITION_STEPS, PETITION_TOPICS } from "../pages/petitions-desk.tsx"
import { EID_FAILURES } from "../pages/sign-in-failed.tsx"
import { PAPER_SOURCES } from "../papers.ts"
import { en } from "./en.ts"
import { vi } from "./vi.ts"

type Tree = { readonly [key: string]: string | Tree }

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}
function valueAt(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree)
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : []
  })
}

const SRC = fileURLToPath(new URL("..", import.meta.url))

it("Vietnamese and English have the same keys, none empty", () => {
  expect(keys(en as Tree).sort()).toEqual(keys(vi as Tree).sort())
  for (const key of keys(vi as Tree)) {
    expect((valueAt(vi as Tree, key) as string).trim(), `vi ${key}`).not.toBe("")
    expect((valueAt(en as Tree, key) as string).trim(), `en ${key}`).not.toBe("")
  }
})

/** The roles the API knows (the work queue's `role` parameter in its OpenAPI document). */
async function apiRoles(): Promise<string[]> {
  const document = (await currentOpenApiDocument()) as {
    paths: Record<string, { get?: { parameters?: { name: string; schema?: { enum?: string[] } }[] } }>
  }
  const role = document.paths["/api/v1/work-queue"]?.get?.parameters?.find((p) => p.name === "role")
  return role?.schema?.enum ?? []
}

it("every key the pages use is translated", async () => {
  const appRoles = await apiRoles()
  expect(appRoles).toContain("post-office-agent")
  const used = new Set<string>()
  for (const file of sources(SRC))
    for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([\w.-]+)"/g)) used.add(match[1] as string)
  for (const [action, fields] of Object.entries(ACTION_FIELDS)) {
    used.add(`action.${action}`)
    for (const field of fields) {
      used.add(`field.${field.name}`)
      if (field.kind === "choice") for (const option of field.options) used.add(`choice.${option.replace(".", "_")}`)
    }
  }
  for (const channel of ["counter", "online", "post"]) used.add(`procedure.channel_${channel}`)
  for (let code = 1; code <= 10; code++) used.add(`status.${code}`)
  for (const role of [...appRoles.filter((r) => r !== "integration-client"), "system"]) used.add(`role.${role}`)
  for (const t of ["early", "on-time", "late"]) used.add(`timeliness.${t}`)
  for (const method of ["counter", "post", "e-wallet"]) used.add(`method.${method}`)
  // the citizen's pages: notices, payment requests, petitions and the gateway's return, by their data
  for (const kind of [...NOTICE_KINDS, "something-new"]) used.add(noticeKindKey(kind))
  for (const channel of NOTICE_CHANNELS) used.add(`citizen.notices.channel_${channel}`)
  for (const status of DELIVERY_STATUSES) used.add(`citizen.notices.status_${status}`)
  for (const status of PAYMENT_STATUSES) used.add(`citizen.pay.status_${status}`)
  for (const channel of PAYMENT_CHANNELS) used.add(`citizen.pay.channel_${channel}`)
  for (const reason of EID_FAILURES) used.add(`citizen.eidFailed.${reason}`)
  for (const outcome of ["confirmed", "duplicate", "held", "not-paid", "rejected"])
    used.add(`citizen.payReturn.${outcome}`)
  // the officer pages: fields a card fills, the index's lists, held money, refunds, petitions
  for (const field of ["name", "idNumber", "address"]) used.add(`desk.field_${field}`)
  for (const source of FIELD_SOURCES)
    for (const key of ["conflictHeading", "from", "use"]) used.add(`desk.${key}_${source}`)
  for (const field of ["fullName", "dateOfBirth"]) used.add(`desk.mismatch_${field}`)
  for (const which of Object.values(DRILL_DOWNS)) used.add(`index.which_${which}`)
  for (const reason of HELD_REASONS) used.add(`pay.held_${reason}`)
  for (const reason of REFUND_REASONS) used.add(`pay.refund_${reason}`)
  for (const status of REFUND_STATUSES) used.add(`pay.status_${status}`)
  for (const status of PETITION_STATUSES) used.add(`petition.status_${status}`)
  for (const kind of PETITION_KINDS) used.add(`petition.kind_${kind}`)
  for (const topic of PETITION_TOPICS) used.add(`petition.topic_${topic}`)
  for (const step of PETITION_STEPS) {
    used.add(`petition.step_${step}`)
    if (step !== "classify" && step !== "publish") used.add(`petition.text_${step}`)
  }
  for (const state of WAITING_STATES) used.add(`outbox.state_${state}`)
  for (const source of PAPER_SOURCES) used.add(`papers.source_${source}`)
  for (const key of ["pay.approvedDone", "pay.rejectedDone"]) used.add(key)
  expect(used.size).toBeGreaterThan(200)
  for (const catalogue of [vi, en]) {
    const missing = [...used].filter((key) => typeof valueAt(catalogue as Tree, key) !== "string")
    expect(missing).toEqual([])
  }
})

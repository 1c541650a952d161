// Test support for the use cases: every port in memory, the real Quảng Ninh data, a stopped clock, principals of
// the ward of Hồng Gai, and a filing of permanent residence registration (1.004222, decided by the ward police).
// Other packages' tests (the API's) share these fixtures as `@motcua/application/testing`.
import { loadQuangNinh } from "@motcua/catalog-quangninh"
import { Effect, Layer, Result } from "effect"
import type { Principal } from "../authorization/principal.ts"
import { PaymentSettings } from "../payments/settings.ts"
import { CallLog } from "../ports/call-log.ts"
import { CatalogStore } from "../ports/catalog-store.ts"
import { Clock, TestClock } from "../ports/clock.ts"
import { IdCardReader, Scanner } from "../ports/devices.ts"
import { DocumentStore } from "../ports/document-store.ts"
import { Ids } from "../ports/ids.ts"
import { IssuedResultStore, PublicPages } from "../ports/issued-results.ts"
import { Notifier } from "../ports/notifier.ts"
import { PaymentGateway, TEST_CALLBACK_SIGNATURE } from "../ports/payment-gateway.ts"
import { PortalSync } from "../ports/portal-sync.ts"
import { DocumentRenderer } from "../ports/renderer.ts"
import { Signer } from "../ports/signer.ts"
import { layerMemoryStorage } from "../ports/storage.ts"
import { TransferNotices } from "../ports/transfer-notices.ts"
import { WalletStore } from "../ports/wallet-store.ts"
import type { FilingInput } from "../use-cases/filing.ts"
import { saveToWallet } from "../wallet/use-cases.ts"

export const data = Result.getOrThrow(loadQuangNinh())

/** Monday 6 October 2025, 08:00 in Vietnam. */
export const START = "2025-10-06T01:00:00.000Z"

export const AGENCY = "000.11.50.H49" // Công an phường Hồng Gai
export const OTHER_AGENCY = "000.11.51.H49"
export const UNIT = "06685"
export const INTAKE = "ttphcc-06685"
export const POST_OFFICE = "po-quangninh"

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Every port the use cases need, in memory, sharing one database and one call log. */
export const testLayer = (options: { readonly start?: string } = {}) =>
  Layer.mergeAll(
    layerMemoryStorage(),
    CatalogStore.layerTest({
      catalogue: data.catalogue,
      jurisdiction: data.jurisdiction,
      ...(data.holidays === undefined ? {} : { holidays: data.holidays }),
    }),
    Clock.layerTest(options.start ?? START),
    Ids.layerTest,
    PortalSync.layerTest,
    Notifier.layerTest,
    PaymentGateway.layerTest,
    Signer.layerTest,
    DocumentRenderer.layerTest,
    IssuedResultStore.layerMemory,
    PublicPages.layerTest,
    IdCardReader.layerTest([]),
    Scanner.layerTest([]),
    PaymentSettings.layer({ accounts: data.paymentAccounts, gateway: true }),
    TransferNotices.layerTest,
    WalletStore.layerMemory,
  ).pipe(Layer.provideMerge(CallLog.layer))

export type TestServices = Layer.Success<ReturnType<typeof testLayer>>

/** Runs a test program against a fresh set of in-memory ports. */
export const runTest = <A, E>(program: Effect.Effect<A, E, TestServices>): Promise<A> =>
  Effect.runPromise(Effect.provide(program, testLayer()))

/** Moves the test clock forward. */
export const advance = (ms: number) =>
  Effect.gen(function* () {
    const clock = yield* TestClock
    yield* clock.advance(ms)
  })

const staff = (
  id: string,
  roles: Principal["roles"],
  scope: { agencyCodes?: string[]; unitCodes?: string[]; intakePointIds?: string[] },
): Principal => ({
  id,
  roles,
  scope: {
    _tag: "Staff",
    level: "commune",
    agencyCodes: scope.agencyCodes ?? [],
    unitCodes: scope.unitCodes ?? [],
    intakePointIds: scope.intakePointIds ?? [],
  },
})

export const principals = {
  citizen: { id: "022090001234", roles: ["citizen"], scope: { _tag: "Citizen", citizenId: "022090001234" } },
  otherCitizen: { id: "022090009999", roles: ["citizen"], scope: { _tag: "Citizen", citizenId: "022090009999" } },
  counter: staff("cb-hg-01", ["counter-officer"], { unitCodes: [UNIT], intakePointIds: [INTAKE] }),
  counter2: staff("cb-hg-02", ["counter-officer"], { unitCodes: [UNIT], intakePointIds: [INTAKE] }),
  foreignCounter: staff("cb-hh-01", ["counter-officer"], { unitCodes: ["06688"], intakePointIds: ["ttphcc-06688"] }),
  /** A post office agent of the provincial post office's central office in Hồng Gai (intake point po-quangninh). */
  postOffice: staff("bd-hg-01", ["post-office-agent"], { intakePointIds: [POST_OFFICE] }),
  specialist: staff("cv-hg-01", ["specialist"], { agencyCodes: [AGENCY] }),
  foreignSpecialist: staff("cv-hh-01", ["specialist"], { agencyCodes: [OTHER_AGENCY] }),
  leader: staff("ld-hg-01", ["authority-leader"], { agencyCodes: [AGENCY] }),
  clerk: staff("vt-hg-01", ["clerk"], { agencyCodes: [AGENCY] }),
  auditor: staff("tt-01", ["auditor"], { agencyCodes: [AGENCY] }),
  gateway: {
    id: "client:payment-gateway",
    roles: ["integration-client"],
    scope: { _tag: "Integration", clientId: "payment-gateway", agencyCodes: [AGENCY] },
  },
} satisfies Record<string, Principal>

/** An online filing of permanent residence registration in the ward of Hồng Gai. */
export const residenceFiling = (overrides: Partial<FilingInput> = {}): FilingInput => ({
  procedureCode: "1.004222",
  applicant: {
    id: "022090001234",
    name: "Nguyễn Văn An",
    kind: "citizen",
    address: "Tổ 5, khu 3, phường Hồng Gai",
    phone: "0912345678",
  },
  residence: { provinceCode: "22", unitCode: UNIT },
  subjectUnitCode: UNIT,
  summary: "Đăng ký thường trú tại Tổ 5, khu 3, phường Hồng Gai",
  documents: [{ id: "ct01" }, { id: "cho-o-hop-phap" }],
  ...overrides,
})

/**
 * The filing with the papers behind its documents, brought the real way (a document's `digitised` and `fromEWallet`
 * flags come only from these records: domain digitisedDocuments): each of `scanned` a one-page PDF uploaded by
 * `principal` and filed as one of `papers` (recorded as digitised at filing); each of `fromWallet` a paper the
 * citizen `principal` keeps in their e-wallet, filed as one of `fromWallet` (digitised, taken from the citizen's
 * store). The documents are listed in the filing when they are not yet.
 */
export const withPapers = (
  principal: Principal,
  filing: FilingInput,
  papers: { readonly scanned?: ReadonlyArray<string>; readonly fromWallet?: ReadonlyArray<string> },
) =>
  Effect.gen(function* () {
    const documents = yield* DocumentStore
    const scanned = papers.scanned ?? []
    const fromWallet = papers.fromWallet ?? []
    const staged = yield* Effect.forEach(scanned, (documentId) =>
      documents.put(pdf(`giấy tờ ${documentId} đã số hóa`), "application/pdf", { principalId: principal.id }),
    )
    const kept = yield* Effect.forEach(fromWallet, (documentId) =>
      saveToWallet(principal, { documentType: documentId, name: documentId }, pdf(`giấy tờ ${documentId} trong kho`)),
    )
    const listed = new Set(filing.documents.map((d) => d.id))
    return {
      ...filing,
      documents: [
        ...filing.documents,
        ...[...scanned, ...fromWallet].filter((id) => !listed.has(id)).map((id) => ({ id })),
      ],
      papers: [
        ...(filing.papers ?? []),
        ...staged.map((meta, i) => ({ documentId: scanned[i] as string, attachmentId: meta.id })),
      ],
      ...(kept.length === 0
        ? {}
        : {
            fromWallet: [
              ...(filing.fromWallet ?? []),
              ...kept.map((entry, i) => ({ documentId: fromWallet[i] as string, walletEntryId: entry.id })),
            ],
          }),
    } satisfies FilingInput
  })

/** The gateway's callback for the 10 000 đ fee of `dossierCode`, paid on 8 October 2025; the test gateway accepts it. */
export const paidCallback = (dossierCode: string) => ({
  signature: TEST_CALLBACK_SIGNATURE,
  paymentId: "napas-0001",
  dossierCode,
  amount: 10000,
  paidAt: "2025-10-08T04:00:00.000Z",
})

/** A small valid PDF (the document store checks the magic bytes). */
/** A small PDF with one empty page (readable by PDF libraries) carrying `text` in a comment. */
export const pdf = (text: string): Uint8Array =>
  new TextEncoder().encode(
    `%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" +
      "trailer << /Root 1 0 R >>\n%%EOF\n",
  )

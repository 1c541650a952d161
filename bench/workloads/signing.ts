// The signing benchmark's two sides, on the same result PDFs (rendered by adapters/render-pdf, written to files
// before timing) and the same key (a PKCS#12 file of the development CA, `motcua keys dev-ca`'s kind):
// - measured: the Signer port of adapters/signature-x509 (X509Signer, the key read from its .p12 file once, as the
//   server does), one result at a time: the file read, checked as signable, a signature field added, the byte range
//   hashed, the CMS built (SHA-256, RSA, the chain, signing time) and embedded, the signed file written;
// - floor: `openssl cms -sign` of the same file with the same key and chain, one process per result, one at a time
//   (the key and chain as PEM files, since openssl cms reads no PKCS#12): a detached CMS (SHA-256) over the whole
//   file, written as DER. It neither reads the PDF nor writes a signed PDF: it is the signature alone.
// Each side's output is checked, outside timing: the adapter's file by our verifier (or pdfsig and openssl in the
// smoke run), openssl's CMS by `openssl cms -verify` against the development root over the same file.
import { execFile, execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { Signer } from "@motcua/application"
import { renderResultPdf } from "@motcua/render-pdf"
import {
  certificatesFromPem,
  createDevelopmentCa,
  readPkcs12,
  signaturesIn,
  verifyPdf,
  X509Signer,
} from "@motcua/signature-x509"
import { Effect, ManagedRuntime } from "effect"

const run = promisify(execFile)
const SIGNER_ID = "ld-hg-01"

export interface SigningSides {
  /** The result files both sides sign, in turn. */
  readonly files: ReadonlyArray<string>
  /** Signs files[i] for each i with the adapter (signed PDF written next to it). */
  readonly adapter: (indices: ReadonlyArray<number>) => Promise<void>
  /** Signs files[i] for each i with `openssl cms -sign` (detached CMS written next to it). */
  readonly openssl: (indices: ReadonlyArray<number>) => Promise<void>
  /** Checks what the adapter last wrote for files[i]: our verifier says valid (throws otherwise). */
  readonly checkAdapter: (index: number) => Promise<void>
  /** Checks what openssl last wrote for files[i]: `openssl cms -verify` against the root (throws otherwise). */
  readonly checkOpenssl: (index: number) => void
  /** Where the adapter's signed PDF of files[i] is. */
  readonly signedPdf: (index: number) => string
  readonly rootFile: string
  readonly close: () => Promise<void>
}

/** `count` distinct result documents (other dossier codes and verification URLs), the key, and both sides. */
export async function openSigning(count = 12): Promise<SigningSides> {
  const dir = mkdtempSync(join(tmpdir(), "motcua-bench-signing-"))
  const at = new Date()
  const ca = createDevelopmentCa(
    [{ signerId: SIGNER_ID, name: "Trần Văn Lãnh Đạo", organisation: "Công an phường Hồng Gai" }],
    { now: at },
  )
  const signerFile = ca.signers.get(SIGNER_ID)
  if (signerFile === undefined) throw new Error("the development CA issued no certificate")
  const p12Dir = join(dir, "signers")
  mkdirSync(p12Dir)
  writeFileSync(join(p12Dir, `${SIGNER_ID}.p12`), signerFile.p12)
  // openssl cms reads PEM: the same key and chain, taken out of the same PKCS#12 file
  const { key, chain } = readPkcs12(signerFile.p12, ca.password)
  const pem = (name: string, text: string) => {
    const file = join(dir, name)
    writeFileSync(file, text)
    return file
  }
  const keyFile = pem("key.pem", key.export({ type: "pkcs8", format: "pem" }).toString())
  const certFile = pem("signer.pem", chain[0]?.toString() ?? "")
  const chainFile = pem("chain.pem", chain.slice(1).map(String).join(""))
  const rootFile = pem("root.pem", ca.rootPem)

  const files: string[] = []
  for (let i = 0; i < count; i++) {
    const code = `000.11.50.H49-251006-${String(i + 1).padStart(4, "0")}`
    const pdf = await renderResultPdf({
      frame: {
        issuer: "Công an phường Hồng Gai",
        number: `${code}/KQ`,
        place: "Quảng Ninh",
        date: "2025-10-10",
        qrUrl: `https://dichvucong.quangninh.gov.vn/verify/BENCH${String(i).padStart(11, "0")}`,
      },
      title: "Thông báo kết quả giải quyết thủ tục đăng ký cư trú",
      dossierCode: code,
      procedureCode: "1.004222",
      procedureName: "Đăng ký thường trú",
      applicantName: "Nguyễn Thị Hường",
      decision: "approved",
      note: "Đồng ý đăng ký thường trú tại Tổ 5, khu 3, phường Hồng Gai.",
      signerTitle: "Thủ trưởng cơ quan Công an phường Hồng Gai",
      signerName: "Trần Văn Lãnh Đạo",
    })
    const file = join(dir, `result-${i}.pdf`)
    writeFileSync(file, pdf)
    files.push(file)
  }

  const runtime = ManagedRuntime.make(
    X509Signer.layer({
      p12Dir,
      p12Password: ca.password,
      trustedRootsPem: ca.rootPem,
      location: "Quảng Ninh",
      now: () => new Date(),
    }),
  )
  const roots = certificatesFromPem(ca.rootPem)
  const signedPdf = (i: number) => `${files[i]}.signed.pdf`
  const cmsOf = (i: number) => `${files[i]}.p7s`
  const fileAt = (i: number) => {
    const file = files[i]
    if (file === undefined) throw new Error(`no result file ${i}`)
    return file
  }

  const signOne = (i: number) =>
    Signer.use((signer) =>
      Effect.gen(function* () {
        const bytes = new Uint8Array(readFileSync(fileAt(i)))
        const signed = yield* signer.sign({ signerId: SIGNER_ID, bytes, reference: `bench/${i}` })
        if (signed.signedDocument === undefined) throw new Error("the X.509 signer returned no signed PDF")
        writeFileSync(signedPdf(i), signed.signedDocument)
      }),
    )

  return {
    files,
    adapter: async (indices) => {
      for (const i of indices) await runtime.runPromise(signOne(i))
    },
    openssl: async (indices) => {
      for (const i of indices)
        await run("openssl", [
          "cms",
          "-sign",
          "-binary",
          "-md",
          "sha256",
          "-in",
          fileAt(i),
          "-signer",
          certFile,
          "-inkey",
          keyFile,
          "-certfile",
          chainFile,
          "-outform",
          "DER",
          "-out",
          cmsOf(i),
        ])
    },
    checkAdapter: async (i) => {
      const report = await verifyPdf(new Uint8Array(readFileSync(signedPdf(i))), roots)
      if (!report.valid) throw new Error(`the adapter's signature of ${fileAt(i)} does not verify: ${report.messages}`)
      if (signaturesIn(new Uint8Array(readFileSync(signedPdf(i)))).length !== 1)
        throw new Error(`the adapter's signed ${fileAt(i)} has not exactly one signature`)
    },
    checkOpenssl: (i) => {
      const result = spawnSync(
        "openssl",
        ["cms", "-verify", "-binary", "-inform", "DER", "-in", cmsOf(i), "-content", fileAt(i)].concat([
          "-CAfile",
          rootFile,
          "-purpose",
          "any",
          "-out",
          "/dev/null",
        ]),
        { encoding: "utf8" },
      )
      if (result.status !== 0)
        throw new Error(`openssl's signature of ${fileAt(i)} does not verify: ${result.stdout}${result.stderr}`)
    },
    signedPdf,
    rootFile,
    close: async () => {
      await runtime.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The smoke run: one signature each side; pdfsig and openssl accept the adapter's, openssl accepts its own. */
export async function smokeSigning(): Promise<{ pdfsig: string; opensslOnAdapter: string }> {
  const sides = await openSigning(1)
  try {
    await sides.adapter([0])
    await sides.openssl([0])
    await sides.checkAdapter(0)
    sides.checkOpenssl(0)
    const signed = new Uint8Array(readFileSync(sides.signedPdf(0)))
    const pdfsig = spawnSync("pdfsig", ["-nocert", sides.signedPdf(0)], { encoding: "utf8" }).stdout
    const [signature] = signaturesIn(signed)
    if (signature === undefined) throw new Error("no signature in the adapter's PDF")
    const dir = mkdtempSync(join(tmpdir(), "motcua-bench-smoke-"))
    try {
      writeFileSync(join(dir, "sig.der"), signature.cms)
      writeFileSync(join(dir, "content.bin"), signature.signedBytes)
      const check = spawnSync(
        "openssl",
        ["cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.der", "-content", "content.bin"].concat([
          "-CAfile",
          sides.rootFile,
          "-purpose",
          "any",
          "-out",
          "/dev/null",
        ]),
        { cwd: dir, encoding: "utf8" },
      )
      return { pdfsig, opensslOnAdapter: `${check.stdout}${check.stderr}` }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  } finally {
    await sides.close()
  }
}

/** openssl's version, for the log. */
export const opensslVersion = (): string => execFileSync("openssl", ["version"], { encoding: "utf8" }).trim()

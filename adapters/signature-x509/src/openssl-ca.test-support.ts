// A certificate authority made by OpenSSL itself for the tests (a root, an intermediate and signing certificates in
// PKCS#12 files), so that what we sign is checked against certificates our own code did not make. Also runs the
// tools we did not write: pdfsig and openssl cms -verify.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface OpensslCa {
  readonly dir: string
  readonly rootPem: string
  readonly rootFile: string
  readonly intermediatePem: string
  /** Issues a signing certificate (RSA 2048) under the intermediate and returns its PKCS#12 file's bytes. */
  readonly issue: (
    name: string,
    options?: { readonly days?: number; readonly startDate?: string; readonly endDate?: string; readonly ec?: boolean },
  ) => { readonly p12: Uint8Array; readonly password: string; readonly certPem: string; readonly keyPem: string }
  /** Revokes an issued certificate (`openssl ca -revoke`), with a CRL reason. */
  readonly revoke: (certPem: string, reason?: string) => void
  /** The CRLs (`openssl ca -gencrl`), PEM: the intermediate's (of the signers) and the root's (of the intermediate). */
  readonly crls: () => string
  readonly remove: () => void
}

const openssl = (args: string[], cwd: string) => execFileSync("openssl", args, { cwd, stdio: "pipe" })

const caConfig = (dir: string) => `
[ ca ]
default_ca = intermediate
[ intermediate ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = anything
copy_extensions = none
unique_subject = no
[ root ]
dir = ${dir}
database = ${dir}/root-index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = anything
[ anything ]
commonName = supplied
organizationName = optional
countryName = optional
[ signer ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`

/** Makes a root (self-signed) and an intermediate CA with OpenSSL in a temporary folder. */
export function opensslCa(): OpensslCa {
  const dir = mkdtempSync(join(tmpdir(), "motcua-ca-"))
  const run = (args: string[]) => openssl(args, dir)
  writeFileSync(join(dir, "ca.cnf"), caConfig(dir))
  writeFileSync(join(dir, "index.txt"), "")
  writeFileSync(join(dir, "root-index.txt"), "")
  writeFileSync(join(dir, "serial"), "1000\n")
  execFileSync("mkdir", ["-p", join(dir, "issued")])
  run(
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem", "-days", "3650"]
      .concat(["-subj", "/C=VN/O=motcua test/CN=Test Root CA", "-addext", "basicConstraints=critical,CA:true"])
      .concat(["-addext", "keyUsage=critical,keyCertSign,cRLSign"]),
  )
  run(
    ["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "int.key", "-out", "int.csr"].concat([
      "-subj",
      "/C=VN/O=motcua test/CN=Test Intermediate CA",
    ]),
  )
  run(
    [
      "x509",
      "-req",
      "-in",
      "int.csr",
      "-CA",
      "root.pem",
      "-CAkey",
      "root.key",
      "-CAcreateserial",
      "-out",
      "int.pem",
    ].concat(["-days", "1825", "-extfile", "ca.cnf", "-extensions", "ca_ext"]),
  )
  let count = 0
  return {
    dir,
    rootFile: join(dir, "root.pem"),
    rootPem: readFileSync(join(dir, "root.pem"), "utf8"),
    intermediatePem: readFileSync(join(dir, "int.pem"), "utf8"),
    issue: (name, options = {}) => {
      count++
      const base = `signer-${count}`
      const keyArgs = options.ec ? ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"] : ["-newkey", "rsa:2048"]
      run(
        ["req", ...keyArgs, "-nodes", "-keyout", `${base}.key`, "-out", `${base}.csr`].concat([
          "-subj",
          `/C=VN/O=UBND phuong Hong Gai/CN=${name}`,
          "-utf8",
        ]),
      )
      const validity =
        options.startDate !== undefined || options.endDate !== undefined
          ? [
              ...(options.startDate === undefined ? [] : ["-startdate", options.startDate]),
              ...(options.endDate === undefined ? ["-days", "365"] : ["-enddate", options.endDate]),
            ]
          : ["-days", String(options.days ?? 365)]
      run(
        ["ca", "-batch", "-config", "ca.cnf", "-cert", "int.pem", "-keyfile", "int.key", "-in", `${base}.csr`].concat([
          "-out",
          `${base}.pem`,
          "-extensions",
          "signer",
          "-notext",
          "-utf8",
          ...validity,
        ]),
      )
      const password = `pass-${count}`
      run(
        ["pkcs12", "-export", "-inkey", `${base}.key`, "-in", `${base}.pem`, "-certfile", "int.pem"].concat([
          "-out",
          `${base}.p12`,
          "-passout",
          `pass:${password}`,
          "-name",
          name,
        ]),
      )
      return {
        p12: new Uint8Array(readFileSync(join(dir, `${base}.p12`))),
        password,
        certPem: readFileSync(join(dir, `${base}.pem`), "utf8"),
        keyPem: readFileSync(join(dir, `${base}.key`), "utf8"),
      }
    },
    revoke: (certPem, reason = "keyCompromise") => {
      writeFileSync(join(dir, "revoke.pem"), certPem)
      run(
        ["ca", "-config", "ca.cnf", "-cert", "int.pem", "-keyfile", "int.key", "-revoke", "revoke.pem"].concat([
          "-crl_reason",
          reason,
        ]),
      )
    },
    crls: () => {
      run(
        ["ca", "-gencrl", "-config", "ca.cnf", "-cert", "int.pem", "-keyfile", "int.key", "-crldays", "30"].concat([
          "-out",
          "int.crl",
        ]),
      )
      run(
        ["ca", "-gencrl", "-config", "ca.cnf", "-name", "root", "-cert", "root.pem", "-keyfile", "root.key"].concat([
          "-crldays",
          "30",
          "-out",
          "root.crl",
        ]),
      )
      return readFileSync(join(dir, "int.crl"), "utf8") + readFileSync(join(dir, "root.crl"), "utf8")
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** pdfsig's report of a file (exit status and output). */
export function pdfsig(pdf: Uint8Array): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "motcua-pdfsig-"))
  try {
    const file = join(dir, "signed.pdf")
    writeFileSync(file, pdf)
    const result = spawnSync("pdfsig", ["-nocert", file], { encoding: "utf8" })
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `openssl cms -verify` of a detached CMS over `content` against the root: exit status and output. */
export function opensslCmsVerify(
  cms: Uint8Array,
  content: Uint8Array,
  rootFile: string,
): { status: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "motcua-cms-"))
  try {
    writeFileSync(join(dir, "sig.der"), cms)
    writeFileSync(join(dir, "content.bin"), content)
    const result = spawnSync(
      "openssl",
      [
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        "sig.der",
        "-content",
        "content.bin",
        "-CAfile",
        rootFile,
      ].concat(["-purpose", "any", "-out", "/dev/null"]),
      { cwd: dir, encoding: "utf8" },
    )
    return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

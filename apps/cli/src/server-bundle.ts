// The command line bundled ahead (`pnpm run build:server`, build-server.ts): which one main.ts runs. The bundle is run
// only when its manifest's SHA-256 of every source it was built from (the repository's files it holds, the lockfile,
// the build's own code) matches the files as they are now — hashed at start with the project's hash
// (compiled-sources.ts), a few ms; a stale or missing bundle is never run, the sources are. MOTCUA_BUNDLE=off runs the
// sources; MOTCUA_BUNDLE=on requires the bundle (an error when it is missing or stale). docs/deployment.md.
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { REPOSITORY, sourceHash } from "@motcua/api/compiled-sources"

/** Where `build:server` writes the bundle (git-ignored). */
export const SERVER_BUNDLE_FOLDER = join(REPOSITORY, "build", "server")
/** The bundle's entry in its folder, and its manifest. */
export const SERVER_BUNDLE_ENTRY = "motcua.js"
export const SERVER_BUNDLE_MANIFEST = "manifest.json"
/** `on` requires the bundle, `off` runs the sources; unset: the bundle when it matches the sources. */
export const SERVER_BUNDLE_VARIABLE = "MOTCUA_BUNDLE"

export interface BundleManifest {
  readonly entry: string
  /** Path relative to the repository → SHA-256 of its content when the bundle was built. */
  readonly sources: Readonly<Record<string, string>>
}

export type BundleChoice =
  | { readonly run: "bundle"; readonly entry: string; readonly why: string }
  | { readonly run: "sources"; readonly why: string }

/** The first source whose content differs from the manifest's, or undefined when all match. */
export function staleSource(manifest: BundleManifest, root: string = REPOSITORY): string | undefined {
  for (const [path, hash] of Object.entries(manifest.sources)) {
    const file = join(root, path)
    if (!existsSync(file) || sourceHash(readFileSync(file)) !== hash) return path
  }
  return undefined
}

function readManifest(folder: string): BundleManifest | string {
  const path = join(folder, SERVER_BUNDLE_MANIFEST)
  if (!existsSync(path)) return `không có bản dựng sẵn (no bundle built): ${path}`
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"))
    if (typeof parsed !== "object" || parsed === null) throw new Error("not an object")
    const { entry, sources } = parsed as Record<string, unknown>
    if (typeof entry !== "string" || typeof sources !== "object" || sources === null)
      throw new Error("no entry/sources")
    if (Object.values(sources).some((h) => typeof h !== "string")) throw new Error("a source's hash is not text")
    return { entry, sources: sources as Record<string, string> }
  } catch (error) {
    return `bản kê của bản dựng hỏng (the bundle's manifest is unreadable): ${path}: ${(error as Error).message}`
  }
}

/** Which the command line runs: the bundle in `folder` when it matches the sources, else the sources, and why. */
export function chooseServerBundle(
  env: Readonly<Record<string, string | undefined>>,
  folder: string = SERVER_BUNDLE_FOLDER,
  root: string = REPOSITORY,
): BundleChoice {
  const wanted = env[SERVER_BUNDLE_VARIABLE]
  if (wanted !== undefined && wanted !== "" && wanted !== "on" && wanted !== "off")
    throw new Error(`${SERVER_BUNDLE_VARIABLE}=${wanted}: chỉ nhận (only) on | off`)
  if (wanted === "off") return { run: "sources", why: `${SERVER_BUNDLE_VARIABLE}=off` }
  const manifest = readManifest(folder)
  const refuse = (why: string): BundleChoice => {
    if (wanted === "on") throw new Error(`${SERVER_BUNDLE_VARIABLE}=on: ${why} — pnpm run build:server`)
    return { run: "sources", why }
  }
  if (typeof manifest === "string") return refuse(manifest)
  const entry = join(folder, manifest.entry)
  if (!existsSync(entry)) return refuse(`bản dựng thiếu tệp (the bundle lacks its entry): ${entry}`)
  const stale = staleSource(manifest, root)
  if (stale !== undefined) return refuse(`bản dựng cũ hơn mã nguồn (the bundle is stale): ${stale} đã đổi (changed)`)
  return { run: "bundle", entry, why: `khớp mã nguồn (matches the sources): ${folder}` }
}

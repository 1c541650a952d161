// Document bytes on the file system, one file per document under `<dir>/<first two characters of the id>/<id>`.
// A file is written to a temporary name, synced and renamed into place (then the folder is synced), so a document
// row never points at a partly written file. Metadata and the link to a dossier live in the `document` table.
import { randomBytes } from "node:crypto"
import { link, mkdir, open, readdir, readFile, rm, stat } from "node:fs/promises"
import { join } from "node:path"

const TEMP_MARK = ".tmp-"

export const documentPath = (dir: string, id: string) => join(dir, id.slice(0, 2), id)

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r")
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes a document's file, never over another: the synced temporary file is linked to the document's name (which
 * fails when that name exists) and then removed. Returns "exists" (and writes nothing) when a file has the name.
 */
export async function writeDocumentFile(dir: string, id: string, bytes: Uint8Array): Promise<"written" | "exists"> {
  const target = documentPath(dir, id)
  const folder = join(dir, id.slice(0, 2))
  await mkdir(folder, { recursive: true })
  const temp = `${target}${TEMP_MARK}${randomBytes(6).toString("hex")}`
  const handle = await open(temp, "wx")
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await link(temp, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
    await rm(temp, { force: true })
    return "exists"
  }
  await rm(temp, { force: true })
  await syncFolder(folder)
  return "written"
}

export const readDocumentFile = (dir: string, id: string): Promise<Uint8Array> => readFile(documentPath(dir, id))

export const removeDocumentFile = (dir: string, id: string): Promise<void> => rm(documentPath(dir, id), { force: true })

export interface StoredFile {
  /** The document id, or undefined for a temporary file left by an interrupted write. */
  readonly id: string | undefined
  readonly path: string
  readonly modifiedMs: number
}

/** Every file under the documents folder (an absent folder has none). */
export async function listDocumentFiles(dir: string): Promise<StoredFile[]> {
  const files: StoredFile[] = []
  let folders: string[]
  try {
    folders = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return files
    throw error
  }
  for (const folder of folders) {
    const folderPath = join(dir, folder)
    if (!(await stat(folderPath)).isDirectory()) continue
    for (const name of await readdir(folderPath)) {
      const path = join(folderPath, name)
      const info = await stat(path)
      if (!info.isFile()) continue
      files.push({ id: name.includes(TEMP_MARK) ? undefined : name, path, modifiedMs: info.mtimeMs })
    }
  }
  return files
}

export const removeFile = (path: string): Promise<void> => rm(path, { force: true })

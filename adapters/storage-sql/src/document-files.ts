// Document bytes on the file system, one file per document under `<dir>/<first two characters of the id>/<id>`.
// A file is written to a temporary name, linked into place and synced (then the folder is synced), so a document
// row — written only after this returns — never points at a partly written or lost file. Metadata and the link to a
// dossier live in the `document` table.
import { randomBytes } from "node:crypto"
import { closeSync, fsync, linkSync, mkdirSync, openSync, writeSync } from "node:fs"
import { readdir, readFile, rm, stat, unlink } from "node:fs/promises"
import { join } from "node:path"

const TEMP_MARK = ".tmp-"

export const documentPath = (dir: string, id: string) => join(dir, id.slice(0, 2), id)

const fsyncAsync = (fd: number) =>
  new Promise<void>((resolve, reject) => fsync(fd, (error) => (error === null ? resolve() : reject(error))))

/**
 * Writes a document's file, never over another: a temporary file is written and linked to the document's name
 * (which fails when that name exists); the file and its folder are then synced and the temporary name removed.
 * Returns "exists" (and writes nothing) when a file has the name.
 *
 * The writes go to the page cache synchronously (a document is 10 MiB at most by default: a few milliseconds at
 * worst), and only the two fsyncs (and the temporary name's removal) wait, at once, off the event loop: one turn of
 * the loop instead of the ten a chain of asynchronous calls takes, each of which waits its turn behind everything
 * else the process does (under the national day's load that chain took ~0.6 s a document, most of the time of
 * `sign`). Returns once both fsyncs are done.
 */
export async function writeDocumentFile(dir: string, id: string, bytes: Uint8Array): Promise<"written" | "exists"> {
  const target = documentPath(dir, id)
  const folder = join(dir, id.slice(0, 2))
  mkdirSync(folder, { recursive: true })
  const temp = `${target}${TEMP_MARK}${randomBytes(6).toString("hex")}`
  const fd = openSync(temp, "wx")
  try {
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    try {
      linkSync(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
      return "exists"
    }
    // the file's bytes and its name (the folder's entry) made durable, both fsyncs under way at once; the temporary
    // name removed meanwhile (off the event loop: an unlink waits for the file system's journal, ~4 ms a file under
    // the national day's fsyncs; one left by a crash is an interrupted write, swept)
    const folderFd = openSync(folder, "r")
    try {
      await Promise.all([fsyncAsync(fd), fsyncAsync(folderFd), unlink(temp)])
    } finally {
      closeSync(folderFd)
    }
  } finally {
    closeSync(fd)
  }
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

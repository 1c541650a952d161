// Document files as a hand-written store writes them, with the same system calls in the same order as storage-sql's
// document-files.ts: `<dir>/<first two characters>/<id>`, written synchronously to a temporary name, linked into
// place (never over another file), then the file and its folder synced at once while the temporary name is removed.
// Both floors' signature step stores the signed PDF so. (Until session 10 the floor synced the file, then linked,
// then synced the folder: two fsyncs one after the other against the adapter's two at once, a slower floor.)
import { randomBytes } from "node:crypto"
import { closeSync, fsync, linkSync, mkdirSync, openSync, writeSync } from "node:fs"
import { readFile, unlink } from "node:fs/promises"
import { join } from "node:path"

export const floorDocumentPath = (dir: string, id: string) => join(dir, id.slice(0, 2), id)

const syncFile = (fd: number) =>
  new Promise<void>((resolve, reject) => fsync(fd, (error) => (error === null ? resolve() : reject(error))))

export async function writeFloorDocument(dir: string, id: string, bytes: Uint8Array): Promise<void> {
  const folder = join(dir, id.slice(0, 2))
  const target = join(folder, id)
  mkdirSync(folder, { recursive: true })
  const temp = `${target}.tmp-${randomBytes(6).toString("hex")}`
  const fd = openSync(temp, "wx")
  try {
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    linkSync(temp, target)
    const folderFd = openSync(folder, "r")
    try {
      await Promise.all([syncFile(fd), syncFile(folderFd), unlink(temp)])
    } finally {
      closeSync(folderFd)
    }
  } finally {
    closeSync(fd)
  }
}

export const readFloorDocument = (dir: string, id: string) => readFile(floorDocumentPath(dir, id))

// Reading a catalogue bundle (`{ "format": …, "version": …, "files": { "<name>": <content>, … } }`) one file at a
// time: the bundle is read in chunks, its two outer levels scanned here (strictly: keys, colons, commas, braces), and
// each member of `files` parsed by JSON.parse on its own bytes and handed over before the next is read. So importing a
// bundle holds one of its files at a time, never the whole text nor the whole parsed tree (`catalogue import` of a
// large catalogue: docs/performance.md, "Memory"). Problems are given with the byte offset where the scan stopped.
import { closeSync, openSync, readSync } from "node:fs"

export interface BundleMember {
  /** `format`, `version` (the bundle's own fields) or `files` member names. */
  readonly name: string
  readonly value: unknown
}

export class BundleSyntaxError extends Error {}

const CHUNK = 1 << 20
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Scans `file`, calling `onTop(name, value)` for each outer member other than `files` (`format`, `version`, …) and
 * `onFile(name, value)` for each member of `files`, in order. Throws BundleSyntaxError when the outer levels are not
 * a JSON object (with `files` an object), or when a member's value is not valid JSON (with the member's name).
 * `chunkBytes`: how much is read at a time (1 MiB; the tests read a few bytes at a time).
 */
export function scanBundle(
  file: string,
  onTop: (name: string, value: unknown) => void,
  onFile: (name: string, value: unknown) => void,
  chunkBytes = CHUNK,
): { readonly sawFiles: boolean } {
  const fd = openSync(file, "r")
  const buffer = Buffer.allocUnsafe(chunkBytes)
  // where the scan is: the outer object (level 1) or inside `files` (level 2); what is expected next there
  let level = 0
  let expect: "start" | "key-or-close" | "key" | "colon" | "value" | "comma-or-close" | "end" = "start"
  let sawFiles = false
  // the key being read, and the value being captured (its bytes, its own nesting depth and string state)
  let key: Buffer[] | undefined
  let keyEscaped = false
  let currentKey = ""
  let capture: Buffer[] | undefined
  let captureFrom = 0
  let depth = 0
  let inString = false
  let escaped = false
  let scalar = false
  let offset = 0
  const fail = (at: number, what: string): never => {
    throw new BundleSyntaxError(`byte ${at}: ${what}`)
  }
  const finishValue = (chunk: Buffer, end: number) => {
    const parts = capture ?? []
    parts.push(chunk.subarray(captureFrom, end))
    capture = undefined
    let value: unknown
    try {
      value = JSON.parse(Buffer.concat(parts).toString("utf8"))
    } catch (error) {
      throw new BundleSyntaxError(`"${currentKey}": ${(error as Error).message}`)
    }
    if (level === 1) onTop(currentKey, value)
    else onFile(currentKey, value)
    expect = "comma-or-close"
  }
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null)
      if (read === 0) break
      const chunk = buffer.subarray(0, read)
      captureFrom = 0
      for (let i = 0; i < read; i++) {
        const b = chunk[i] as number
        const at = offset + i
        if (key !== undefined) {
          // inside a key's string
          if (keyEscaped) keyEscaped = false
          else if (b === BACKSLASH) keyEscaped = true
          else if (b === QUOTE) {
            key.push(chunk.subarray(captureFrom, i + 1))
            try {
              currentKey = JSON.parse(Buffer.concat(key).toString("utf8")) as string
            } catch {
              fail(at, "tên không hợp lệ (invalid key)")
            }
            key = undefined
            expect = "colon"
          }
          continue
        }
        if (capture !== undefined) {
          // inside a member's value: follow its strings and nesting until it ends
          if (inString) {
            if (escaped) escaped = false
            else if (b === BACKSLASH) escaped = true
            else if (b === QUOTE) {
              inString = false
              if (depth === 0) finishValue(chunk, i + 1)
            }
            continue
          }
          if (b === QUOTE) inString = true
          else if (b === 0x7b || b === 0x5b) depth++
          else if (b === 0x7d || b === 0x5d || b === 0x2c || SPACE.has(b)) {
            if (scalar && depth === 0) {
              // a number, true, false or null ends at the first space, comma or closing brace
              finishValue(chunk, i)
              i-- // the byte ending it belongs to the outer level
              continue
            }
            if (b === 0x7d || b === 0x5d) {
              depth--
              if (depth === 0) finishValue(chunk, i + 1)
            }
          }
          continue
        }
        if (SPACE.has(b)) continue
        switch (expect) {
          case "start":
            if (b !== 0x7b) fail(at, "phải là đối tượng JSON (must be a JSON object)")
            level = 1
            expect = "key-or-close"
            break
          case "key-or-close":
          case "key":
            if (b === QUOTE) {
              key = []
              captureFrom = i
            } else if (b === 0x7d && expect === "key-or-close") {
              level--
              expect = level === 0 ? "end" : "comma-or-close"
            } else fail(at, "cần tên trong ngoặc kép (a quoted key expected)")
            break
          case "colon":
            if (b !== 0x3a) fail(at, "cần dấu hai chấm (':' expected)")
            expect = "value"
            break
          case "value":
            if (level === 1 && currentKey === "files") {
              if (b !== 0x7b)
                fail(at, 'files phải là đối tượng tên tệp → nội dung ("files" must map file names to contents)')
              sawFiles = true
              level = 2
              expect = "key-or-close"
              break
            }
            capture = []
            captureFrom = i
            inString = b === QUOTE
            escaped = false
            scalar = b !== QUOTE && b !== 0x7b && b !== 0x5b
            depth = b === 0x7b || b === 0x5b ? 1 : 0
            break
          case "comma-or-close":
            if (b === 0x2c) expect = "key"
            else if (b === 0x7d) {
              level--
              expect = level === 0 ? "end" : "comma-or-close"
            } else fail(at, "cần dấu phẩy hoặc } (',' or '}' expected)")
            break
          case "end":
            fail(at, "dữ liệu thừa sau đối tượng (unexpected data after the object)")
        }
      }
      // the buffer is read into again: what continues into the next chunk is copied
      if (key !== undefined) key.push(Buffer.from(chunk.subarray(captureFrom, read)))
      if (capture !== undefined) capture.push(Buffer.from(chunk.subarray(captureFrom, read)))
      offset += read
    }
  } finally {
    closeSync(fd)
  }
  if (capture !== undefined && scalar && depth === 0 && !inString) fail(offset, "thiếu } (unexpected end)")
  if (expect !== "end") fail(offset, "hết tệp giữa chừng (unexpected end of the file)")
  return { sawFiles }
}

// Text that no field may hold, whatever its schema: NUL (it truncates text in C libraries, PostgreSQL refuses it in
// text columns) and lone UTF-16 surrogates (not Unicode: they cannot be stored as UTF-8 and come back altered).
// One rule for every input: request bodies, query strings and path parameters (the API), catalogue files.
import { formatPath, type Problem } from "./decode.ts"

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Why `text` may not be stored, or undefined when it may. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes("\u0000")) return "chứa ký tự NUL (contains a NUL character)"
  if (LONE_SURROGATE.test(text)) return "chứa ký tự UTF-16 không hợp lệ (contains a lone surrogate: not Unicode)"
  return undefined
}

/** Every string (and object key) in a JSON-like value that may not be stored, with its path. */
export function unsafeTextProblems(value: unknown, prefix = ""): Problem[] {
  const problems: Problem[] = []
  const visit = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === "string") {
      const reason = unsafeTextReason(node)
      if (reason !== undefined) problems.push({ path: formatPath(path, prefix), message: reason })
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, [...path, i])
    } else if (typeof node === "object" && node !== null)
      for (const [key, item] of Object.entries(node)) {
        const reason = unsafeTextReason(key)
        if (reason !== undefined) problems.push({ path: formatPath(path, prefix), message: `tên trường ${reason}` })
        else visit(item, [...path, key])
      }
  }
  visit(value, [])
  return problems
}

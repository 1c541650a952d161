// The fee facts a question gives in words: "3 bản sao", "2 trang", "giá trị 500 triệu", "nhà 120 m2", "4 người".
// Only what is written is taken; a count that is missing is assumed to be one and said so (see assistant.ts).
import { foldText } from "@motcua/domain"

export interface QuestionFacts {
  readonly quantities?: {
    readonly copy?: number
    readonly page?: number
    readonly person?: number
    readonly certificate?: number
    readonly item?: number
    readonly vehicle?: number
  }
  readonly declaredValue?: number
  readonly area?: number
}

const COUNTS: ReadonlyArray<readonly [RegExp, keyof NonNullable<QuestionFacts["quantities"]>]> = [
  [/(\d{1,4})\s*(ban sao|ban|copies|copy)\b/u, "copy"],
  [/(\d{1,4})\s*(trang|pages?)\b/u, "page"],
  // People counted by what they are, too: "25 công nhân", "10 lao động", "4 sinh viên", "12 workers".
  [
    /(\d{1,4})\s*(nguoi|persons?|people|nhan khau|cong nhan|lao dong|nhan vien|sinh vien|hoc sinh|workers?|employees?|students?)\b/u,
    "person",
  ],
  [/(\d{1,4})\s*(phieu|certificates?)\b/u, "certificate"],
  [/(\d{1,4})\s*(xe|vehicles?)\b/u, "vehicle"],
]

export function readFacts(question: string, previous?: QuestionFacts): QuestionFacts {
  const text = foldText(question)
  const quantities: Record<string, number> = { ...previous?.quantities }
  for (const [pattern, unit] of COUNTS) {
    const m = pattern.exec(text)
    if (m?.[1] !== undefined) quantities[unit] = Number(m[1])
  }
  const area = /(\d{1,6}(?:[.,]\d+)?)\s*(m2|m²|met vuong|square met)/u.exec(text)
  const value = /(\d{1,9}(?:[.,]\d+)?)\s*(ty|trieu|nghin|dong|d)\b/u.exec(text)
  const multiplier: Record<string, number> = { ty: 1e9, trieu: 1e6, nghin: 1e3, dong: 1, d: 1 }
  const out: { quantities?: Record<string, number>; declaredValue?: number; area?: number } = {}
  if (Object.keys(quantities).length > 0) out.quantities = quantities
  if (area?.[1] !== undefined) out.area = Number(area[1].replace(",", "."))
  else if (previous?.area !== undefined) out.area = previous.area
  if (value?.[1] !== undefined && value[2] !== undefined)
    out.declaredValue = Math.round(Number(value[1].replace(",", ".")) * (multiplier[value[2]] ?? 1))
  else if (previous?.declaredValue !== undefined) out.declaredValue = previous.declaredValue
  return out
}

// i18next with the two catalogues bundled (no network fetch for translations: a slow connection loads one file).
// The chosen language is kept in localStorage; Vietnamese is the default.
import i18next from "i18next"
import { initReactI18next } from "react-i18next"
import { en } from "./en.ts"
import { vi } from "./vi.ts"

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
export type Catalogue = Widen<typeof vi>

export const LANGUAGES = ["vi", "en"] as const
export type Language = (typeof LANGUAGES)[number]
const STORAGE_KEY = "motcua.language"

export function initialLanguage(): Language {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY)
  return stored === "en" ? "en" : "vi"
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language)
  document.documentElement.lang = language
  void i18next.changeLanguage(language)
}

export function initI18n(): typeof i18next {
  const language = initialLanguage()
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: "vi",
    interpolation: { escapeValue: false },
  })
  if (typeof document !== "undefined") document.documentElement.lang = language
  return i18next
}

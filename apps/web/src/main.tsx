import "@fontsource/be-vietnam-pro/vietnamese-400.css"
import "@fontsource/be-vietnam-pro/vietnamese-600.css"
import "@fontsource/be-vietnam-pro/latin-400.css"
import "@fontsource/be-vietnam-pro/latin-600.css"
import "./styles.css"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { RouterProvider } from "react-router"
import { initI18n } from "./i18n/index.ts"
import { router } from "./routes.tsx"
import { MeProvider } from "./session.tsx"

initI18n()
const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } })
const root = document.getElementById("root")
if (root === null) throw new Error("#root is missing from index.html")
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <MeProvider>
        <RouterProvider router={router} />
      </MeProvider>
    </QueryClientProvider>
  </StrictMode>,
)

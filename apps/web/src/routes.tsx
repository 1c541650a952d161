// Every page and its address. Pages other than the citizen's home are split into their own chunks, so the first
// load of the home page carries only what it shows.
import { lazy, Suspense } from "react"
import { createBrowserRouter } from "react-router"
import { Layout } from "./layout.tsx"
import { SearchPage } from "./pages/search.tsx"
import { Loading } from "./ui.tsx"

const ProcedurePage = lazy(() => import("./pages/procedure.tsx"))
const LookupPage = lazy(() => import("./pages/lookup.tsx"))
const SignInPage = lazy(() => import("./pages/sign-in.tsx"))
const SignInFailedPage = lazy(() => import("./pages/sign-in-failed.tsx"))
const QueuePage = lazy(() => import("./pages/queue.tsx"))
const DossierPage = lazy(() => import("./pages/dossier.tsx"))
const FilePage = lazy(() => import("./pages/file.tsx"))
const MinePage = lazy(() => import("./pages/mine.tsx"))
const AgentPage = lazy(() => import("./pages/agent.tsx"))
const DashboardPage = lazy(() => import("./pages/dashboard.tsx"))
const PaymentsPage = lazy(() => import("./pages/payments.tsx"))
const IndexPage = lazy(() => import("./pages/index766.tsx"))
const SlaPage = lazy(() => import("./pages/sla.tsx"))
const PetitionsDeskPage = lazy(() => import("./pages/petitions-desk.tsx"))
const NotFoundPage = lazy(() => import("./pages/not-found.tsx"))
// the citizen's own pages and the public verification and petitions (issue 11)
const WalletPage = lazy(() => import("./pages/wallet.tsx"))
const PayPage = lazy(() => import("./pages/pay.tsx"))
const PayReturnPage = lazy(() => import("./pages/pay-return.tsx"))
const VerifyPage = lazy(() => import("./pages/verify.tsx"))
const NotificationsPage = lazy(() => import("./pages/notifications.tsx"))
const PetitionsPage = lazy(() => import("./pages/petitions.tsx"))

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
)

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <SearchPage /> },
      { path: "/thu-tuc/:code", element: page(ProcedurePage) },
      { path: "/thu-tuc/:code/nop", element: page(FilePage) },
      { path: "/tra-cuu", element: page(LookupPage) },
      { path: "/tra-cuu/:code", element: page(LookupPage) },
      { path: "/dang-nhap", element: page(SignInPage) },
      { path: "/dang-nhap/that-bai", element: page(SignInFailedPage) },
      { path: "/can-bo/ho-so", element: page(QueuePage) },
      { path: "/ho-so/:code", element: page(DossierPage) },
      { path: "/ca-nhan/ho-so", element: page(MinePage) },
      { path: "/diem-tiep-nhan", element: page(AgentPage) },
      { path: "/lanh-dao/bao-cao", element: page(DashboardPage) },
      { path: "/ca-nhan/kho-du-lieu", element: page(WalletPage) },
      { path: "/ca-nhan/thong-bao", element: page(NotificationsPage) },
      { path: "/ho-so/:code/thanh-toan", element: page(PayPage) },
      { path: "/thanh-toan/ket-qua", element: page(PayReturnPage) },
      { path: "/xac-thuc", element: page(VerifyPage) },
      { path: "/xac-thuc/:id", element: page(VerifyPage) },
      { path: "/phan-anh", element: page(PetitionsPage) },
      { path: "/lanh-dao/chi-so", element: page(IndexPage) },
      { path: "/can-bo/thanh-toan", element: page(PaymentsPage) },
      { path: "/can-bo/canh-bao", element: page(SlaPage) },
      { path: "/can-bo/phan-anh", element: page(PetitionsDeskPage) },
      { path: "*", element: page(NotFoundPage) },
    ],
  },
])

// The frame of every page: a skip link, the header with navigation for who is signed in, the language switch, and
// the main landmark the skip link targets.
import { useTranslation } from "react-i18next"
import { Link, NavLink, Outlet, useNavigate } from "react-router"
import { type Language, setLanguage } from "./i18n/index.ts"
import { signOut, useMe } from "./session.tsx"

export function Layout() {
  const { t, i18n } = useTranslation()
  const me = useMe()
  const navigate = useNavigate()
  const other: Language = i18n.language === "en" ? "vi" : "en"
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          <span className="brand-title">{t("app.title")}</span>
          <span className="brand-sub">{t("app.subtitle")}</span>
        </Link>
        <nav aria-label={t("app.nav")}>
          <NavLink to="/">{t("nav.procedures")}</NavLink>
          <NavLink to="/tra-cuu">{t("nav.lookup")}</NavLink>
          {me.isCitizen && <NavLink to="/ca-nhan/ho-so">{t("nav.myDossiers")}</NavLink>}
          {me.isCitizen && <NavLink to="/ca-nhan/kho-du-lieu">{t("citizen.nav.wallet")}</NavLink>}
          {me.isCitizen && <NavLink to="/ca-nhan/thong-bao">{t("citizen.nav.notifications")}</NavLink>}
          <NavLink to="/phan-anh">{t("citizen.nav.petitions")}</NavLink>
          <NavLink to="/xac-thuc">{t("citizen.nav.verify")}</NavLink>
          {me.isOfficer && !me.isAgent && <NavLink to="/can-bo/ho-so">{t("nav.queue")}</NavLink>}
          {me.intakePointIds.length > 0 && <NavLink to="/diem-tiep-nhan">{t("nav.intakePoint")}</NavLink>}
          {me.paymentCentreIds.length > 0 && <NavLink to="/can-bo/thanh-toan">{t("officerNav.payments")}</NavLink>}
          {me.readsSla && <NavLink to="/can-bo/canh-bao">{t("officerNav.sla")}</NavLink>}
          {me.readsPetitions && <NavLink to="/can-bo/phan-anh">{t("officerNav.petitions")}</NavLink>}
          {me.seesReports && <NavLink to="/lanh-dao/bao-cao">{t("nav.dashboard")}</NavLink>}
          {me.seesReports && <NavLink to="/lanh-dao/chi-so">{t("officerNav.index")}</NavLink>}
          {me.principal === undefined ? (
            <NavLink to="/dang-nhap">{t("nav.signIn")}</NavLink>
          ) : (
            <button
              type="button"
              className="link"
              onClick={async () => {
                await signOut()
                await me.refresh()
                navigate("/")
              }}
            >
              {t("nav.signOut")}
            </button>
          )}
          <button
            type="button"
            className="link"
            lang={other}
            aria-label={`${t("app.language")}: ${t("app.switchTo")}`}
            onClick={() => setLanguage(other)}
          >
            {t("app.switchTo")}
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}

import { type DossierEventType, rolesThatMaySend, stepBoundEvents } from "@motcua/domain"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type AppAction,
  appActions,
  authorize,
  inScope,
  type PolicyTarget,
  permissionMatrix,
  permissionRows,
  reaches,
  reachOf,
  rolesFor,
  type ScopeRule,
  targetReach,
} from "./policy.ts"
import { type AppRole, anonymous, appRoles, type Principal, type PrincipalScope } from "./principal.ts"

// One dossier, and for each scope rule a scope that satisfies it and one that does not.
const target: PolicyTarget = {
  agencyCode: "000.11.50.H49",
  unitCode: "06685",
  intakePointId: "ttphcc-06685",
  ownerIds: ["022090001234"],
}
const staff = (codes: Partial<Record<"agencyCodes" | "unitCodes" | "intakePointIds", string[]>>): PrincipalScope => ({
  _tag: "Staff",
  level: "commune",
  agencyCodes: codes.agencyCodes ?? [],
  unitCodes: codes.unitCodes ?? [],
  intakePointIds: codes.intakePointIds ?? [],
})
const scopes: Record<ScopeRule, { readonly inside: PrincipalScope; readonly outside: PrincipalScope }> = {
  public: { inside: staff({}), outside: staff({}) },
  own: {
    inside: { _tag: "Citizen", citizenId: "022090001234" },
    outside: { _tag: "Citizen", citizenId: "022090009999" },
  },
  intake: { inside: staff({ intakePointIds: ["ttphcc-06685"] }), outside: staff({ intakePointIds: ["ttphcc-06688"] }) },
  agency: { inside: staff({ agencyCodes: ["000.11.50.H49"] }), outside: staff({ agencyCodes: ["000.11.51.H49"] }) },
  "intake-point": {
    inside: staff({ intakePointIds: ["ttphcc-06685"] }),
    outside: staff({ unitCodes: ["06688"], intakePointIds: ["ttphcc-06688"] }),
  },
  client: {
    inside: { _tag: "Integration", clientId: "gw", agencyCodes: ["000.11.50.H49"] },
    outside: { _tag: "Integration", clientId: "gw", agencyCodes: ["000.00.00.H49"] },
  },
  // the province's administrator lists no authority: its province-level scope is the whole province
  province: {
    inside: { _tag: "Staff", level: "province", agencyCodes: [], unitCodes: [], intakePointIds: [] },
    outside: staff({ agencyCodes: ["000.11.51.H49"], unitCodes: ["06688"] }),
  },
}
const principal = (role: AppRole, scope: PrincipalScope): Principal => ({ id: `acc-${role}`, roles: [role], scope })

describe("the authorisation matrix, every role × every action × in and out of scope", () => {
  for (const role of appRoles) {
    for (const action of appActions) {
      const rule = permissionMatrix[role][action]
      it(`${role} ${action}: ${rule === undefined ? "denied (not in the matrix)" : `allowed in scope "${rule}" only`}`, () => {
        // for an unlisted action, try the scopes of every rule: it must be denied in all of them
        const candidates = rule === undefined ? Object.values(scopes) : [scopes[rule]]
        for (const { inside, outside } of candidates) {
          const inDecision = authorize(principal(role, inside), action, target)
          const outDecision = authorize(principal(role, outside), action, target)
          expect(inDecision.allow).toBe(rule !== undefined)
          if (inDecision.allow) expect(inDecision).toEqual({ allow: true, role, rule })
          // out of scope is always denied (the public lookup has no scope: it stays allowed)
          expect(outDecision.allow).toBe(rule === "public")
          if (!outDecision.allow) expect(outDecision.reason).toContain(principal(role, outside).id)
        }
      })
    }
  }
})

describe("deny by default", () => {
  it("denies an account without roles everything, and anonymous everything but nothing public", () => {
    for (const action of appActions) {
      for (const { inside } of Object.values(scopes)) {
        expect(authorize({ id: "x", roles: [], scope: inside }, action, target).allow).toBe(false)
      }
      expect(authorize(anonymous, action, target).allow).toBe(false)
    }
  })

  it("denies every scoped rule on an empty target", () => {
    for (const rule of ["own", "intake", "agency", "intake-point", "client", "province"] as const) {
      expect(inScope(scopes[rule].inside, rule, {})).toBe(false)
    }
  })

  it("never lets a staff scope pass for a citizen rule or a citizen scope pass for a staff rule", () => {
    expect(inScope(scopes.agency.inside, "own", target)).toBe(false)
    expect(inScope(scopes.own.inside, "agency", target)).toBe(false)
    expect(inScope(scopes.own.inside, "client", target)).toBe(false)
    expect(inScope(scopes.own.inside, "province", target)).toBe(false)
    expect(inScope(scopes.client.inside, "province", target)).toBe(false)
  })

  it("a province-level scope is the whole province only for the province rule; a listed scope stays listed", () => {
    const province = scopes.province.inside
    // any dossier of the province, by its authority or its unit
    expect(inScope(province, "province", { agencyCode: "000.00.99.H49" })).toBe(true)
    expect(inScope(province, "province", { unitCode: "06994" })).toBe(true)
    // the same empty lists reach nothing under the other staff rules
    for (const rule of ["intake", "agency", "intake-point"] as const)
      expect(inScope(province, rule, target)).toBe(false)
    // a commune-level scope under the province rule reaches what it lists, as `agency` does
    expect(inScope(staff({ unitCodes: ["06685"] }), "province", target)).toBe(true)
    expect(inScope(staff({ unitCodes: ["06688"] }), "province", target)).toBe(false)
    // a province-level scope with a role granting the action only by `agency` gets nothing more than its list
    expect(authorize(principal("province-admin", province), "report.read", target).allow).toBe(true)
    expect(authorize(principal("province-admin", province), "dossier.read", target).allow).toBe(false)
    expect(authorize(principal("auditor", province), "report.read", target).allow).toBe(false)
  })
})

describe("what a grant reaches, as a list to filter by (reachOf)", () => {
  const provinceScope = scopes.province.inside
  it("the province's administrator on a province-level scope reaches the whole province for reports", () => {
    expect(reachOf(principal("province-admin", provinceScope), "report.read")).toEqual({ _tag: "Province" })
    // a grant by `agency` reaches the (empty) list, whatever the level
    expect(reachOf(principal("province-admin", provinceScope), "sla.read")).toEqual({
      _tag: "Listed",
      agencyCodes: [],
      unitCodes: [],
      intakePointIds: [],
    })
  })
  it("a listed scope reaches its lists; a role without the grant or a non-staff principal reaches nothing", () => {
    const listed = staff({ agencyCodes: ["000.11.50.H49"], unitCodes: ["06685"] })
    expect(reachOf(principal("province-admin", listed), "report.read")).toEqual({
      _tag: "Listed",
      agencyCodes: ["000.11.50.H49"],
      unitCodes: ["06685"],
      intakePointIds: [],
    })
    expect(reachOf(principal("auditor", provinceScope), "report.read")?._tag).toBe("Listed")
    expect(reachOf(principal("specialist", provinceScope), "report.read")).toBeUndefined()
    expect(reachOf(principal("citizen", scopes.own.inside), "report.read")).toBeUndefined()
    expect(reachOf({ id: "x", roles: [], scope: provinceScope }, "report.read")).toBeUndefined()
  })
  it("reaches the province exactly when some role grants the action by `province` on a province-level scope (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...appRoles]),
        fc.constantFrom("province" as const, "commune" as const),
        fc.constantFrom(...appActions),
        (roles, level, action: AppAction) => {
          const scope: PrincipalScope = { _tag: "Staff", level, agencyCodes: [], unitCodes: [], intakePointIds: [] }
          const reach = reachOf({ id: "p", roles, scope }, action)
          const rules = roles.map((r) => permissionMatrix[r][action]).filter((r) => r !== undefined)
          if (rules.length === 0) expect(reach).toBeUndefined()
          else expect(reach?._tag).toBe(level === "province" && rules.includes("province") ? "Province" : "Listed")
        },
      ),
    )
  })

  it("lists the matrix as rows, and which roles may take each action", () => {
    const rows = permissionRows()
    expect(rows.length).toBe(appRoles.reduce((n, role) => n + Object.keys(permissionMatrix[role]).length, 0))
    for (const action of appActions) {
      expect(rolesFor(action)).toEqual(appRoles.filter((role) => permissionMatrix[role][action] !== undefined))
    }
    // no action is granted to nobody (an action no role may take would be dead code)
    for (const action of appActions) expect(rolesFor(action).length).toBeGreaterThan(0)
  })
})

describe("any principal, any action, any target (property)", () => {
  const code = fc.constantFrom("000.11.50.H49", "000.11.51.H49", "06685", "06688", "ttphcc-06685", "022090001234")
  const codes = fc.array(code, { maxLength: 3 })
  const scopeArb: fc.Arbitrary<PrincipalScope> = fc.oneof(
    fc.record({
      _tag: fc.constant("Staff" as const),
      level: fc.constantFrom("province" as const, "commune" as const),
      agencyCodes: codes,
      unitCodes: codes,
      intakePointIds: codes,
    }),
    fc.record({ _tag: fc.constant("Citizen" as const), citizenId: code }),
    fc.record({ _tag: fc.constant("Integration" as const), clientId: fc.constant("c"), agencyCodes: codes }),
  )
  const targetArb: fc.Arbitrary<PolicyTarget> = fc.record(
    {
      agencyCode: code,
      unitCode: code,
      intakePointId: code,
      holderAgencyCode: code,
      ownerIds: codes,
    },
    { requiredKeys: [] },
  )
  it("allows exactly when one of the principal's roles grants the action with its scope satisfied", () => {
    fc.assert(
      fc.property(
        fc.subarray([...appRoles]),
        scopeArb,
        fc.constantFrom(...appActions),
        targetArb,
        (roles, scope, action: AppAction, t) => {
          const decision = authorize({ id: "p", roles, scope }, action, t)
          const expected = roles.some((role) => {
            const rule = permissionMatrix[role][action]
            return rule !== undefined && inScope(scope, rule, t)
          })
          expect(decision.allow).toBe(expected)
          if (decision.allow) {
            expect(roles).toContain(decision.role)
            expect(permissionMatrix[decision.role][action]).toBe(decision.rule)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
  it("a dossier is in a principal's targetReach exactly when authorize allows it (property)", () => {
    // a dossier's target always names its authority (the stores' agency_code is never null)
    const dossierTarget = fc.tuple(code, targetArb).map(([agencyCode, t]): PolicyTarget => ({ ...t, agencyCode }))
    let listed = 0
    fc.assert(
      fc.property(
        fc.subarray([...appRoles]),
        scopeArb,
        fc.constantFrom(...appActions),
        dossierTarget,
        (roles, scope, action: AppAction, t) => {
          const principal = { id: "p", roles, scope }
          const reach = targetReach(principal, action)
          if (reach === undefined) {
            // only when no role grants the action, or a rule looks at the owners or the client
            const rules = roles.flatMap((role) => permissionMatrix[role][action] ?? [])
            expect(rules.length === 0 || rules.includes("own") || rules.includes("client")).toBe(true)
            return
          }
          if (reach._tag === "Columns") listed++
          expect(reaches(reach, t)).toBe(authorize(principal, action, t).allow)
        },
      ),
      { numRuns: 3000 },
    )
    expect(listed).toBeGreaterThan(100)
  })
})

describe("the policy and the domain's permissions agree (one rule, stated in two layers)", () => {
  // Each dossier action of the policy and the domain event it sends; the integration client is the domain's system.
  const eventOf: Partial<Record<AppAction, DossierEventType | "file">> = {
    "dossier.fileOnline": "file",
    "dossier.intake": "file",
    "dossier.accept": "accept",
    "dossier.refuse": "refuse",
    "dossier.requestSupplementation": "requestSupplementation",
    "dossier.receiveSupplement": "supplementReceived",
    "dossier.requestPayment": "requestFinancialObligation",
    "dossier.confirmPayment": "paymentConfirmed",
    "dossier.confirmPaymentCallback": "paymentConfirmed",
    "dossier.completeStep": "completeStep",
    "dossier.transfer": "transfer",
    "dossier.approve": "approve",
    "dossier.reject": "reject",
    "dossier.sign": "sign",
    "dossier.replaceResult": "replaceResult",
    "dossier.markResultReady": "resultReady",
    "dossier.returnResult": "returnResult",
    "dossier.withdraw": "withdraw",
    "dossier.stop": "stop",
    "dossier.extendWithApology": "extendWithApology",
    "dossier.correct": "correct",
    "dossier.deadlinePassed": "supplementationDeadlinePassed",
  }
  const domainRole = (role: AppRole) => (role === "integration-client" ? "system" : role)
  const grantedTo = (actions: ReadonlyArray<AppAction>) =>
    [
      ...new Set(
        appRoles.filter((role) => actions.some((a) => permissionMatrix[role][a] !== undefined)).map(domainRole),
      ),
    ].sort()
  const actionsOf = (event: DossierEventType | "file") =>
    appActions.filter((action) => eventOf[action] === event) as AppAction[]
  const events = [...new Set(Object.values(eventOf))] as Array<DossierEventType | "file">

  it("every dossier action names the event it sends", () => {
    // reading sends nothing; digitising a paper records it and the flags it gives, in any state, without an event
    const eventless = ["dossier.read", "dossier.readAudit", "dossier.digitise"]
    for (const action of appActions.filter((a) => a.startsWith("dossier.") && !eventless.includes(a)))
      expect(eventOf[action], action).toBeDefined()
  })

  it("an event the domain grants by role: the policy grants it to exactly those roles", () => {
    for (const event of events.filter((e) => e === "file" || stepBoundEvents[e] === undefined)) {
      expect(grantedTo(actionsOf(event)), event).toEqual([...rolesThatMaySend(event)].sort())
    }
  })

  it("a step-bound event: the policy grants it only to roles that can hold a step allowing it", () => {
    for (const event of events.filter((e) => e !== "file" && stepBoundEvents[e] !== undefined)) {
      const domain = rolesThatMaySend(event)
      for (const role of grantedTo(actionsOf(event))) expect(domain, `${event} by ${role}`).toContain(role)
    }
  })

  it("the two leader roles have the same grants", () => {
    expect(permissionMatrix["unit-leader"]).toEqual(permissionMatrix["authority-leader"])
  })
})

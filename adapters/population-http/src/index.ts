export { POPULATION_PROTOCOL, PopulationHttp, type PopulationHttpSettings, populationHttpRegistry } from "./registry.ts"

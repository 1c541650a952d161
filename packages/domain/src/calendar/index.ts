// Working-day calendar of the domain core: Vietnamese lunar calendar, public holidays, working days and hours.

export {
  type Calendar,
  CalendarConfig,
  type CalendarConfigJson,
  ClockTime,
  makeCalendar,
  Weekday,
  WorkingPeriod,
} from "./calendar.ts"
export { CalendarInputError } from "./errors.ts"
export {
  DayOffKind,
  HolidayOverrideDay,
  HolidayOverrideKind,
  HolidayOverrides,
  type HolidayOverridesJson,
  HolidayYearOverride,
  type PublicHoliday,
  publicHolidays,
  type WorkingDayOverride,
  workingDayOverrides,
} from "./holidays.ts"
export { type CivilDate, existingCivilDate, Instant, LocalDate } from "./local-date.ts"
export { type LunarDate, lunarToSolar, solarToLunar } from "./lunar.ts"
export {
  addWorkingDays,
  addWorkingHours,
  isWorkingDay,
  nextWorkingMoment,
  type Pause,
  type WorkingTime,
  workingTimeBetween,
} from "./working-time.ts"

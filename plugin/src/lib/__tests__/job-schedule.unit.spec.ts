import { jobSchedule } from "../job-schedule"

describe("jobSchedule", () => {
  it("keeps the job's own cron when COMEBACK_JOB_SCHEDULE is unset or blank", () => {
    expect(jobSchedule("*/5 * * * *", {})).toBe("*/5 * * * *")
    expect(jobSchedule("*/5 * * * *", { COMEBACK_JOB_SCHEDULE: "  " })).toBe("*/5 * * * *")
  })

  it("uses the override, with or without a seconds field", () => {
    expect(jobSchedule("*/5 * * * *", { COMEBACK_JOB_SCHEDULE: "*/4 * * * * *" })).toBe("*/4 * * * * *")
    expect(jobSchedule("*/5 * * * *", { COMEBACK_JOB_SCHEDULE: "* * * * *" })).toBe("* * * * *")
  })

  it("refuses an override that is not a cron pattern, naming the variable", () => {
    expect(() => jobSchedule("*/5 * * * *", { COMEBACK_JOB_SCHEDULE: "5s" })).toThrow("COMEBACK_JOB_SCHEDULE")
  })
})

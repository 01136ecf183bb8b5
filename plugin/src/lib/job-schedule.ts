/**
 * A scheduled job's schedule: its production cron, unless COMEBACK_JOB_SCHEDULE
 * overrides every job's. The override exists so a test can watch several
 * firings in a minute (`npm run topology` uses a six-field cron with seconds,
 * e.g. "*\/5 * * * * *"); production leaves it unset. Read when the job module
 * loads, so it applies from the process's start.
 */
export function jobSchedule(cron: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.COMEBACK_JOB_SCHEDULE?.trim()
  if (!override) return cron
  const fields = override.split(/\s+/).length
  if (fields !== 5 && fields !== 6) {
    throw new Error(`COMEBACK_JOB_SCHEDULE: "${override}" is not a cron pattern (5 fields, or 6 with seconds)`)
  }
  return override
}

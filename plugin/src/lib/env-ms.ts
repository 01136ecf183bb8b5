/** A duration in milliseconds from the environment: `fallback` when unset, empty or not a number ≥ 0. */
export function envMilliseconds(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env) {
  const raw = env[name]
  const value = raw === undefined || raw === "" ? fallback : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}

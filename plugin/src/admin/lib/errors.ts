/**
 * Comeback's 400s name their fields ("Invalid request: cap: Number must be
 * greater than or equal to 1; release_date: Invalid date"). This splits such a
 * message into per-field messages so a form can show each under its field, and
 * keeps whatever names no known field as the form-level message.
 */
export type ServerErrors = { fields: Record<string, string>; message?: string }

export function errorMessage(error: unknown): string {
  if (!error) return ""
  if (typeof error === "string") return error
  const e = error as { message?: string }
  return e.message || "Something went wrong"
}

export function serverErrors(error: unknown, knownFields: string[]): ServerErrors {
  const raw = errorMessage(error).replace(/^Invalid request:\s*/, "")
  const fields: Record<string, string> = {}
  const rest: string[] = []
  // Split only where the next "field:" starts: a message may itself contain "; ".
  for (const part of raw.split(/;\s*(?=[a-z_][a-z0-9_.]*:\s)/i).filter(Boolean)) {
    const match = part.match(/^([a-z_][a-z0-9_.]*):\s*(.+)$/i)
    const field = match && knownFields.find((name) => match[1] === name || match[1].startsWith(`${name}.`))
    if (match && field) fields[field] = fields[field] ? `${fields[field]}; ${match[2]}` : match[2]
    else {
      // "cap must be at least 3" style messages from workflows also name a field.
      const named = knownFields.find((name) => new RegExp(`\\b${name}\\b`).test(part))
      if (named && !fields[named]) fields[named] = part
      else rest.push(part)
    }
  }
  return { fields, message: rest.length ? rest.join("; ") : undefined }
}

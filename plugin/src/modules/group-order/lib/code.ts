import { randomInt } from "node:crypto"

/** No 0/O, 1/I/L: a code read aloud or copied from a screenshot survives. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
export const CODE_LENGTH = 8

/** A short, unguessable group code: 8 characters of 31 (≈ 8.5 × 10¹¹ codes), from the OS's CSPRNG. */
export function newGroupCode(): string {
  let code = ""
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

/** What fans type, made canonical: case and spaces/dashes do not matter. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "")

/** The code of the Medusa promotion behind a group's tier, e.g. `K7M2QX9A-T2`. */
export const tierPromotionCode = (groupCode: string, tier: number) => `${groupCode}-T${tier}`

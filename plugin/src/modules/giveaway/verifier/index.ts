import { createHash } from "node:crypto"
import { VERIFIER_SOURCE } from "./source.generated"

/**
 * The standalone verifier's text, as served to fans. Embedded at development
 * time (scripts/embed-verifier.mjs) because the build compiles only
 * TypeScript; a unit test keeps it identical to verify-draw.js.
 */
export const verifierSource = () => ({ source: VERIFIER_SOURCE, sha256: createHash("sha256").update(VERIFIER_SOURCE).digest("hex") })

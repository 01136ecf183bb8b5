/**
 * An absolute link to a backend route for plain anchors (downloads): the
 * browser then streams the file with the admin's session cookie, and nothing is
 * buffered in the page. Same base as the admin's js-sdk client.
 */
export function backendUrl(path: string): string {
  const base = (import.meta.env.VITE_BACKEND_URL || "/").replace(/\/$/, "")
  return `${base}${path}`
}

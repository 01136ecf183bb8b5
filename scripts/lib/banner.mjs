// Waits for the server, then prints the admin URL, demo credentials and keys,
// read back through the admin API (so what is printed is known to work).
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export async function printBanner({ port, env, timeoutMs = 300_000 }) {
  const base = `http://localhost:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    await sleep(1000)
  }
  const email = env.DEMO_ADMIN_EMAIL || "admin@comeback.test"
  const password = env.DEMO_ADMIN_PASSWORD || "comeback-admin"
  try {
    const auth = await fetch(`${base}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    }).then((r) => r.json())
    const keys = await fetch(`${base}/admin/api-keys?type=publishable&fields=title,token`, {
      headers: { authorization: `Bearer ${auth.token}` },
    }).then((r) => r.json())
    const lines = [
      "",
      "  Comeback is running",
      `  Admin:            ${base}/app`,
      `  Admin login:      ${email} / ${password}`,
      ...keys.api_keys.filter((k) => k.title !== "Default Publishable API Key").map((k) => `  Publishable key:  ${k.token}  (${k.title})`),
      `  Store API:        ${base}/store  (send x-publishable-api-key)`,
      "",
    ]
    console.log(lines.join("\n"))
  } catch (error) {
    console.log(`[comeback] server up at ${base}, but reading the demo keys failed: ${error.message}`)
  }
}

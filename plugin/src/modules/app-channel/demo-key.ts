/**
 * DEMO ONLY. The signing key of an imaginary "app backend", committed so a
 * fresh clone can mint app attestations (`npm run app-token`) and try the
 * app-only flow locally. Anyone can read it: it is trusted only when
 * APP_ATTESTATION_DEMO=true (set by `npm run dev` and `npm test`); the store refuses
 * to boot with it among APP_ATTESTATION_KEYS otherwise.
 */
export const DEMO_APP_KEY = {
  kid: "demo-2026-11",
  private_key_pem: `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJYDQZ7IgWVaLDTUYWu/9xRU7K9+CktEFl3vq4PkUvJ1
-----END PRIVATE KEY-----
`,
  public_key_pem: `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA1iCdqt3B3qsNdZOK4QcsYRVeIbYHwdkhKD5TKHnfXbU=
-----END PUBLIC KEY-----
`,
}

import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"
import { isTimeZone } from "./zoned-time"

export { formatInZone, fromZonedInput, isTimeZone, toZonedInput, viewerTimeZone, zoneLabel } from "./zoned-time"

/**
 * The store's time zone: `time_zone` in the store's metadata (Settings → Store →
 * Metadata), an IANA name such as "Asia/Seoul". UTC when unset or invalid.
 */
export function useStoreTimeZone(): string {
  const { data } = useQuery({
    queryKey: ["comeback", "store-time-zone"],
    queryFn: () => sdk.admin.store.list({ fields: "id,metadata" }),
    staleTime: 5 * 60_000,
  })
  const zone = data?.stores?.[0]?.metadata?.time_zone
  return typeof zone === "string" && isTimeZone(zone) ? zone : "UTC"
}

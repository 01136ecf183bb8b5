import { defineRouteConfig } from "@medusajs/admin-sdk"
import { RocketLaunch } from "@medusajs/icons"
import { Container, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DailyChart } from "../../components/drops/daily-chart"
import { DropsTable } from "../../components/drops/drops-table"
import { LiveView } from "../../components/drops/live-view"
import { useAlbums } from "../../components/drops/use-albums"
import { usePlans } from "../../components/preorders/api"
import { withFeature } from "../../lib/features"

/** Drops: every album version on pre-order, an album's pre-orders per day, and the live view of a drop's opening hour. */
const DropsPage = () => {
  const { data } = usePlans({ limit: 200, status: ["active", "released"], order: "-release_date" })
  const productIds = [...new Set((data?.preorder_plans ?? []).map((p) => p.product_id))]
  const { albums } = useAlbums(productIds)
  const [albumId, setAlbumId] = useState<string>()
  useEffect(() => {
    if (!albumId && productIds.length) setAlbumId(productIds[0])
  }, [albumId, productIds.join(",")])
  const chosen = albums.find((a) => a.id === albumId)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <DropsTable />
      </Container>
      <Container className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Text size="small" weight="plus">
          Album
        </Text>
        <div className="w-72">
          <Select value={albumId} onValueChange={setAlbumId} disabled={!albums.length}>
            <Select.Trigger aria-label="Album">
              <Select.Value placeholder="No album on pre-order" />
            </Select.Trigger>
            <Select.Content>
              {albums.map((a) => (
                <Select.Item key={a.id} value={a.id}>
                  {a.title}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </Container>
      <LiveView productId={albumId} albumTitle={chosen?.title} />
      <DailyChart productId={albumId} albumTitle={chosen?.title} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Drops", icon: RocketLaunch })

export default withFeature("preorders", DropsPage, "page")

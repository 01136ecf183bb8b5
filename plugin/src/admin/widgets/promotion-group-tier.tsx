import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Users } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { StateBadge } from "../components/status-badge"
import { usePromotionGroup } from "../components/group-orders/api"
import { GROUP_COLORS, TierProgress } from "../components/group-orders/format"
import { withFeature } from "../lib/features"

/**
 * On a group tier promotion (`<CODE>-T<n>`): whose it is and where to run it.
 * These promotions are created, switched on and off by their group; staff edit
 * the campaign, not them. Renders nothing on any other promotion.
 */
const PromotionGroupTierWidget = ({ data }: DetailWidgetProps<HttpTypes.AdminPromotion>) => {
  const { data: owner } = usePromotionGroup(data.id)
  const group = owner?.group_order
  if (!group || !owner?.tier) return null
  return (
    <Container className="divide-y p-0" data-testid="promotion-group-tier">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Users className="text-ui-fg-subtle" />
          <Heading level="h2">Group order tier</Heading>
        </div>
        <StateBadge state={group.status} colors={GROUP_COLORS} />
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small">
          Tier {owner.tier.tier} of {owner.tier.of} of group{" "}
          <Link to={`/group-orders/groups/${group.id}`} className="text-ui-fg-interactive font-mono hover:underline">
            {group.code}
          </Link>{" "}
          in <Link to={`/group-orders/${group.campaign_id}`} className="text-ui-fg-interactive hover:underline">{group.campaign_title}</Link>:{" "}
          {owner.tier.percent}% off from {owner.tier.min_units} units.
        </Text>
        <TierProgress compact units={group.units} tiers={group.campaign.tiers} />
        <Text size="xsmall" className="text-ui-fg-muted">
          Managed by the group: it applies only to carts in this group at this tier and is switched off when the group settles or is
          cancelled. Change tiers on the campaign, not here.
        </Text>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "promotion.details.side" })

export default withFeature("group_orders", PromotionGroupTierWidget, "widget")

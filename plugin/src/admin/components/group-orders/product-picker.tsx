import { Badge, Checkbox, Input, Text, clx } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"

type Product = { id: string; title: string; variants?: { id: string; title: string | null; sku: string | null }[] | null }

/**
 * Picks what a campaign counts from the catalog: whole products (every
 * version) or single variants. Search hits the admin's product list; the
 * current selection stays visible as badges.
 */
export function ProductPicker({
  productIds,
  variantIds,
  onChange,
  disabled,
}: {
  productIds: string[]
  variantIds: string[]
  onChange: (value: { product_ids: string[]; variant_ids: string[] }) => void
  disabled?: boolean
}) {
  const [q, setQ] = useState("")
  const fields = "id,title,variants.id,variants.title,variants.sku"
  const search = useQuery({
    queryKey: ["comeback", "product-picker", q],
    queryFn: () => sdk.admin.product.list({ q: q || undefined, limit: 8, fields }),
  })
  const chosen = useQuery({
    queryKey: ["comeback", "product-picker", "chosen", productIds, variantIds],
    queryFn: async () => {
      const products = productIds.length ? (await sdk.admin.product.list({ id: productIds, limit: productIds.length, fields })).products : []
      const variants = variantIds.length
        ? (await sdk.admin.productVariant.list({ id: variantIds, limit: variantIds.length, fields: "id,title,sku,product.title" } as any)).variants
        : []
      return { products: products as Product[], variants: variants as any[] }
    },
  })
  const toggleProduct = (id: string) =>
    onChange({ product_ids: productIds.includes(id) ? productIds.filter((p) => p !== id) : [...productIds, id], variant_ids: variantIds })
  const toggleVariant = (id: string) =>
    onChange({ product_ids: productIds, variant_ids: variantIds.includes(id) ? variantIds.filter((v) => v !== id) : [...variantIds, id] })

  return (
    <div className="flex flex-col gap-y-2" data-testid="product-picker">
      <div className="flex flex-wrap gap-1">
        {(chosen.data?.products ?? []).map((p) => (
          <Badge key={p.id} size="2xsmall" color="blue">
            {p.title} (all versions)
          </Badge>
        ))}
        {(chosen.data?.variants ?? []).map((v) => (
          <Badge key={v.id} size="2xsmall">
            {v.product?.title ? `${v.product.title} · ` : ""}
            {v.title ?? v.sku}
          </Badge>
        ))}
        {!productIds.length && !variantIds.length && <Text size="small" className="text-ui-fg-muted">Nothing chosen yet</Text>}
      </div>
      {!disabled && (
        <>
          <Input size="small" type="search" placeholder="Search products" value={q} onChange={(e) => setQ(e.target.value)} aria-label="Search products" />
          <div className="shadow-borders-base max-h-64 overflow-y-auto rounded-md">
            {(search.data?.products ?? []).map((p: Product) => (
              <div key={p.id} className="border-ui-border-base border-b last:border-b-0">
                <label className="hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-2 px-3 py-2">
                  <Checkbox checked={productIds.includes(p.id)} onCheckedChange={() => toggleProduct(p.id)} aria-label={`All of ${p.title}`} />
                  <Text size="small" weight="plus">
                    {p.title}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-muted">
                    every version
                  </Text>
                </label>
                {(p.variants ?? []).map((v) => (
                  <label
                    key={v.id}
                    className={clx("hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-2 py-1.5 pl-9 pr-3", productIds.includes(p.id) && "opacity-50")}
                  >
                    <Checkbox
                      checked={variantIds.includes(v.id)}
                      disabled={productIds.includes(p.id)}
                      onCheckedChange={() => toggleVariant(v.id)}
                      aria-label={`${p.title} ${v.title ?? v.sku}`}
                    />
                    <Text size="small">{v.title}</Text>
                    {v.sku && (
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {v.sku}
                      </Text>
                    )}
                  </label>
                ))}
              </div>
            ))}
            {search.data && !search.data.products.length && (
              <Text size="small" className="text-ui-fg-muted px-3 py-2">
                No products match
              </Text>
            )}
          </div>
        </>
      )}
    </div>
  )
}

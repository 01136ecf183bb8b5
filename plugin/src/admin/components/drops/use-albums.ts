import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type Album = { id: string; title: string; thumbnail: string | null; variants: { id: string; title: string | null }[] }

/** Titles of the albums (products) and versions (variants) behind a set of plans, from Medusa's own product API. */
export function useAlbums(productIds: string[]) {
  const ids = [...new Set(productIds)].sort()
  const { data } = useQuery({
    queryKey: ["comeback", "drop-albums", ids],
    queryFn: () => sdk.admin.product.list({ id: ids, limit: ids.length, fields: "id,title,thumbnail,variants.id,variants.title" }),
    enabled: ids.length > 0,
    staleTime: 60_000,
  })
  const albums = (data?.products ?? []) as unknown as Album[]
  const album = (productId: string) => albums.find((a) => a.id === productId)
  const versionTitle = (productId: string, variantId: string) => album(productId)?.variants.find((v) => v.id === variantId)?.title ?? variantId
  return { albums, album, versionTitle }
}

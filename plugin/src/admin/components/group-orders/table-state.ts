import type { DataTableFilteringState, DataTablePaginationState, DataTableSortingState } from "@medusajs/ui"
import { useState } from "react"

/**
 * State of a server-paged DataTable (page, search, filters, sort) and the
 * query our list routes take for it: `limit`, `offset`, `q`, `status`, `order`.
 */
export function useServerTable(options: { pageSize?: number; sort?: DataTableSortingState | null } = {}) {
  const pageSize = options.pageSize ?? 20
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize })
  const [search, setSearch] = useState("")
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [sorting, setSorting] = useState<DataTableSortingState | null>(options.sort ?? null)
  const status = filtering.status as string[] | undefined
  const query = {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    q: search || undefined,
    status: status?.length ? status : undefined,
    order: sorting ? `${sorting.desc ? "-" : ""}${sorting.id}` : undefined,
  }
  return {
    query,
    table: {
      pagination: { state: pagination, onPaginationChange: setPagination },
      search: { state: search, onSearchChange: (v: string) => { setSearch(v); setPagination((p) => ({ ...p, pageIndex: 0 })) } },
      filtering: { state: filtering, onFilteringChange: (v: DataTableFilteringState) => { setFiltering(v); setPagination((p) => ({ ...p, pageIndex: 0 })) } },
      sorting: { state: sorting, onSortingChange: setSorting },
    },
  }
}

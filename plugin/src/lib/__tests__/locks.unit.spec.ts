import { InMemoryLockingProvider } from "@medusajs/locking/dist/providers/in-memory"
import { acquireAllOrNothing } from "../locks"

describe("acquireAllOrNothing", () => {
  it("leaves no key of a batch locked when one key is busy, and takes them all once it is free", async () => {
    const locking = new InMemoryLockingProvider()
    await locking.acquire("finance-row:b", { ownerId: "subscriber", expire: 60 })
    const batch = ["finance-row:a", "finance-row:b", "finance-row:c"]

    await expect(acquireAllOrNothing(locking, batch, { ownerId: "batch", expireSeconds: 60, timeoutSeconds: 0.05, retryMs: 10 })).rejects.toThrow(
      'Failed to acquire lock for key "finance-row:b"'
    )
    // Another refresh of order a or c is not held up by the batch that gave up.
    await expect(locking.acquire("finance-row:a", { ownerId: "other", expire: 60 })).resolves.toBeUndefined()
    await locking.release("finance-row:a", { ownerId: "other" })

    const waiting = acquireAllOrNothing(locking, batch, { ownerId: "batch", expireSeconds: 60, timeoutSeconds: 5, retryMs: 10 })
    setTimeout(() => void locking.release("finance-row:b", { ownerId: "subscriber" }), 50)
    await expect(waiting).resolves.toBeUndefined()
    await expect(locking.acquire("finance-row:c", { ownerId: "other", expire: 60 })).rejects.toThrow()
    expect(await locking.release(batch, { ownerId: "batch" })).toBe(true)
  })

  it("gives back only its own keys when it fails", async () => {
    const locking = new InMemoryLockingProvider()
    await locking.acquire("finance-row:a", { ownerId: "subscriber", expire: 60 })
    await expect(acquireAllOrNothing(locking, ["finance-row:a"], { ownerId: "batch", expireSeconds: 60, timeoutSeconds: 0, retryMs: 10 })).rejects.toThrow()
    // The subscriber still holds its key.
    await expect(locking.acquire("finance-row:a", { ownerId: "other", expire: 60 })).rejects.toThrow()
  })
})

import { usePrompt } from "@medusajs/ui"

/**
 * Medusa's confirmation prompt with our defaults: `await confirm({ title,
 * description })` is true only when staff confirmed. `verificationText` makes
 * them type a word first, for what cannot be undone.
 */
export function useConfirm() {
  const prompt = usePrompt()
  return (options: { title: string; description: string; confirmText?: string; cancelText?: string; verificationText?: string; variant?: "danger" | "confirmation" }) =>
    prompt({
      title: options.title,
      description: options.description,
      confirmText: options.confirmText ?? "Continue",
      cancelText: options.cancelText ?? "Cancel",
      verificationText: options.verificationText,
      variant: options.variant ?? "confirmation",
    })
}

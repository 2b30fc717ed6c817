import { live, restricted, type ProviderAdapter, type VerifyResult } from './adapter'

interface CheckEndpoint {
  readonly name: string
  /** A documented, cheap, read-only endpoint that needs a valid key. */
  readonly path: string
  /** Statuses the provider documents for a valid key that lacks permission for this read (Stripe's 403). */
  readonly restrictedOn?: readonly number[]
  /** Account details worth keeping from the answer (never the whole body). */
  readonly account?: (body: unknown) => Record<string, unknown>
}

/** Verification through one documented, read-only endpoint; 401 (and 403 unless listed) is an invalid key. */
export function checkEndpoint({ name, path, restrictedOn = [], account }: CheckEndpoint): ProviderAdapter {
  return {
    async verify(call): Promise<VerifyResult> {
      const { status, body } = await call({ path, accept: restrictedOn })
      if (restrictedOn.includes(status))
        return restricted(
          `${name} knows this key, but it may not read ${path} (HTTP ${status}): it lacks that permission.`,
        )
      const details = account?.(body) ?? {}
      return live(
        `${name} accepted the key (GET ${path}).`,
        Object.keys(details).length === 0 ? {} : { account: details },
      )
    },
  }
}

import { asObject, live, rejected, type ProviderAdapter } from './adapter'
import { KeywardError } from '../../errors'

// Linear GraphQL API (https://linear.app/developers/graphql): POST /graphql; the `viewer` query reads the key's user
// and changes nothing. A bad key answers with `errors[].extensions.code` AUTHENTICATION_ERROR (HTTP 400 or 401).
const VIEWER = 'query KeywardVerify { viewer { id name } }'

function errorCodes(body: unknown): string[] {
  const errors = asObject(body).errors
  return (Array.isArray(errors) ? errors : []).map((error) => String(asObject(asObject(error).extensions).code ?? ''))
}

export const linearAdapter: ProviderAdapter = {
  async verify(call) {
    const { status, body } = await call({
      method: 'POST',
      path: '/graphql',
      body: { query: VIEWER },
      accept: [400, 401],
    })
    if (errorCodes(body).includes('AUTHENTICATION_ERROR') || status === 401)
      throw rejected('Linear', 'AUTHENTICATION_ERROR')
    const viewer = asObject(asObject(asObject(body).data).viewer)
    if (status === 400 || typeof viewer.id !== 'string')
      throw new KeywardError(
        'PROVIDER_BAD_RESPONSE',
        `Linear answered the viewer query without a viewer (HTTP ${status}).`,
      )
    return live(`Linear accepted the key (viewer ${typeof viewer.name === 'string' ? viewer.name : viewer.id}).`, {
      account: { userId: viewer.id, ...(typeof viewer.name === 'string' ? { name: viewer.name } : {}) },
    })
  },
}

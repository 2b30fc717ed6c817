import { asObject, live, rejected, text, type ProviderAdapter } from './adapter'
import { KeywardError } from '../../errors'

// Slack Web API: auth.test (https://api.slack.com/methods/auth.test) and auth.revoke
// (https://api.slack.com/methods/auth.revoke). Both answer HTTP 200 with `ok`; a bad token is `ok: false` with
// `error` invalid_auth, not_authed, account_inactive, token_revoked or token_expired.
const DEAD = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'])

function checkOk(body: unknown, method: string): Record<string, unknown> {
  const answer = asObject(body)
  if (answer.ok === true) return answer
  const error = text(body, 'error') ?? 'unknown_error'
  if (DEAD.has(error)) throw rejected('Slack', error)
  throw new KeywardError('PROVIDER_ERROR', `Slack answered ${method} with "${error.slice(0, 80)}".`)
}

export const slackAdapter: ProviderAdapter = {
  async verify(call) {
    const answer = checkOk((await call({ method: 'POST', path: '/auth.test' })).body, 'auth.test')
    const account = Object.fromEntries(
      [
        ['team', answer.team],
        ['teamId', answer.team_id],
        ['user', answer.user],
        ['userId', answer.user_id],
        ['url', answer.url],
      ].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    )
    const keyType = typeof answer.bot_id === 'string' ? 'bot' : 'user'
    return live(
      `Slack accepted the key (${keyType} token${typeof answer.team === 'string' ? ` for ${answer.team}` : ''}).`,
      { account, keyType },
    )
  },
  async revoke(call) {
    const answer = checkOk((await call({ method: 'POST', path: '/auth.revoke' })).body, 'auth.revoke')
    if (answer.revoked !== true)
      throw new KeywardError('PROVIDER_ERROR', 'Slack answered auth.revoke without revoking the token.')
  },
}

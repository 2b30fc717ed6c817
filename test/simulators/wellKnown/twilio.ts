// Twilio REST API 2010-04-01, from Twilio's own documents:
// - Auth: HTTP Basic, API key SID (SK…) as user and its secret as password (twilio.com/docs/iam/api-keys).
// - Key types (twilio.com/docs/iam/api-keys/key-resource-v1, "Types of keys"): Main = full access; Standard =
//   "Access to all Twilio API resources, except for Accounts (/Accounts) or Keys (/Accounts/{SID}/Keys, /v1/Keys)";
//   Restricted = only what its policy grants. Only Standard and Restricted keys can be created by API.
// - GET /2010-04-01/Accounts/{AccountSid}/Balance.json → {account_sid, balance, currency} (twilio/twilio-oai
//   spec/json/twilio_api_v2010.json, operationId FetchBalance; AccountSid `^AC[0-9a-fA-F]{32}$`).
// - A bad pair: 401 {code: 20003, message: "Authenticate"} (twilio.com/docs/errors/20003).
// ASSUMPTIONS (the documents name the refusal but not its answer): a Standard or Restricted key on /Accounts or the
// Keys resources gets the same 401 20003 as a bad pair — which is why reading /Accounts stored every Standard key
// as invalid; a Restricted key without the balance permission gets 403 code 20403; another account's SID 404 20404.
import { startSimulator, type Reply, type RunningSimulator } from '../simulatorServer'

export interface TwilioKey {
  readonly secret: string
  readonly type: 'main' | 'standard' | 'restricted'
  /** Restricted keys only: whether the policy lets it read the account balance. */
  readonly mayReadBalance?: boolean
}

const error = (status: number, code: number, message: string): Reply => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
})

export function startTwilioSimulator(
  keys: ReadonlyMap<string, TwilioKey>,
  accountSid: string,
): Promise<RunningSimulator> {
  return startSimulator((request) => {
    const [sid = '', secret] = Buffer.from(String(request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':')
    const key = keys.get(sid)
    if (key === undefined || key.secret !== secret) return error(401, 20003, 'Authenticate')
    const account = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})(\/.*)?\.json$/.exec(request.path)
    const accountsResource =
      request.path === '/2010-04-01/Accounts.json' || (account !== null && account[2] === undefined)
    const keysResource = account?.[2]?.startsWith('/Keys') === true
    if ((accountsResource || keysResource) && key.type !== 'main') return error(401, 20003, 'Authenticate')
    if (account !== null && account[1] !== accountSid) return error(404, 20404, 'The requested resource was not found')
    if (request.method === 'GET' && account?.[2] === '/Balance') {
      if (key.type === 'restricted' && key.mayReadBalance !== true) return error(403, 20403, 'Forbidden')
      return { status: 200, body: { account_sid: accountSid, balance: '12.34', currency: 'USD' } }
    }
    if (request.method === 'GET' && accountsResource) {
      const resource = { sid: accountSid, friendly_name: 'Acme', status: 'active', type: 'Full' }
      return { status: 200, body: account === null ? { accounts: [resource] } : resource }
    }
    return error(404, 20404, 'The requested resource was not found')
  })
}

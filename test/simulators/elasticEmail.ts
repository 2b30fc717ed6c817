// Elastic Email API v4, as its official SDK (@elasticemail/elasticemail-client 4.0.26) and generated docs define it:
// - auth: header `X-ElasticEmail-ApiKey` (dist/ApiClient.js, authentications.apikey); base `…/v4`.
// - GET /security/apikeys → ApiKey[]; GET|PUT|DELETE /security/apikeys/{name} (dist/api/SecurityApi.js).
// - ApiKey = AccessLevel[], Name, DateCreated, LastUse, Expires, RestrictAccessToIPRange — no token, not even part of
//   one (dist/model/ApiKey.js). POST takes ApiKeyPayload (Name and AccessLevel required: model/ApiKeyPayload.js
//   RequiredProperties) and answers 201 with NewApiKey = ApiKey + Token (model/NewApiKey.js).
// - Access levels (model/AccessLevel.js): listing/reading keys needs `Security` (ElasticEmail/elasticemail-python
//   docs/SecurityApi.md: "Required Access Level: Security"; newer docs: ViewAccessTokens), creating/updating/deleting
//   needs `ModifyAccessTokens` (older: `Security`). Both old and new names are honoured here.
// - Errors: Elastic Email's API reference (elasticemail.com/developers/api-documentation/rest-api, "Errors") answers a
//   missing, invalid or expired key with 400 and `{ "Error": "…" }` — e.g. "APIKey Expired" — the same status as a
//   known key that lacks an access level; only the Error text tells them apart. ASSUMPTIONS (the SDK types no error
//   body; only a live call can settle the wording): "APIKey Invalid" for an unknown key, "APIKey Missing" for none,
//   "Access level … required." for a known key without the level. A 401 is kept for nothing here.
// - An account holds at most 15 API keys (ASSUMPTION from Elastic Email's help text; 400 with an Error when full).
import { randomBytes } from 'node:crypto'
import { startSimulator, type Reply, type RunningSimulator } from './simulatorServer'

export interface ElasticKey {
  name: string
  token: string
  accessLevel: string[]
  expires: string | null
  ipRanges: string[]
  dateCreated?: string
  lastUse?: string | null
}

const MAX_KEYS = 15
const VIEW = ['Security', 'ViewAccessTokens']
const MODIFY = ['Security', 'ModifyAccessTokens']

/** 96 upper-case letters and digits (the dashboard's keys; ASSUMPTION: no document gives the alphabet). */
export function newElasticToken(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return [...randomBytes(96)].map((byte) => alphabet[byte % alphabet.length]).join('')
}

/** The ApiKey model: everything but the token. */
function apiKey(key: ElasticKey) {
  return {
    AccessLevel: key.accessLevel,
    Name: key.name,
    DateCreated: key.dateCreated ?? '2026-01-01T00:00:00Z',
    LastUse: key.lastUse ?? null,
    Expires: key.expires,
    RestrictAccessToIPRange: key.ipRanges,
  }
}

function refused(message: string): Reply {
  return { status: 400, body: { Error: message } }
}

export async function startElasticEmailSimulator(keys: ElasticKey[]): Promise<RunningSimulator & { baseUrl: string }> {
  const simulator = await startSimulator((request) => {
    const presented = request.headers['x-elasticemail-apikey']
    if (presented === undefined || presented === '') return refused('APIKey Missing')
    const caller = keys.find((key) => key.token === presented)
    if (caller === undefined) return refused('APIKey Invalid')
    if (caller.expires !== null && Date.parse(caller.expires) < Date.now()) return refused('APIKey Expired')
    const may = (levels: readonly string[]) => caller.accessLevel.some((level) => levels.includes(level))
    if (request.path === '/v4/security/apikeys') {
      if (request.method === 'GET')
        return may(VIEW) ? { status: 200, body: keys.map(apiKey) } : refused('Access level Security required.')
      if (request.method === 'POST') {
        if (!may(MODIFY)) return refused('Access level ModifyAccessTokens required.')
        const body = (request.body ?? {}) as {
          Name?: unknown
          AccessLevel?: unknown
          Expires?: unknown
          RestrictAccessToIPRange?: unknown
        }
        if (typeof body.Name !== 'string' || !Array.isArray(body.AccessLevel))
          return refused('Name and AccessLevel are required.')
        if (keys.some((key) => key.name === body.Name)) return refused(`An API key named ${body.Name} already exists.`)
        if (keys.length >= MAX_KEYS) return refused('Maximum number of API keys (15) reached.')
        const created: ElasticKey = {
          name: body.Name,
          token: newElasticToken(),
          accessLevel: body.AccessLevel.map(String),
          expires: typeof body.Expires === 'string' ? body.Expires : null,
          ipRanges: Array.isArray(body.RestrictAccessToIPRange) ? body.RestrictAccessToIPRange.map(String) : [],
          dateCreated: new Date().toISOString(),
        }
        keys.push(created)
        return { status: 201, body: { Token: created.token, ...apiKey(created) } }
      }
    }
    const name = /^\/v4\/security\/apikeys\/([^/]+)$/.exec(request.path)?.[1]
    if (name !== undefined) {
      if (!may(request.method === 'GET' ? VIEW : MODIFY))
        return refused(`Access level ${request.method === 'GET' ? 'Security' : 'ModifyAccessTokens'} required.`)
      const index = keys.findIndex((key) => key.name === decodeURIComponent(name))
      if (index < 0) return refused(`API key ${decodeURIComponent(name)} not found.`)
      if (request.method === 'DELETE') {
        keys.splice(index, 1)
        return { status: 200 }
      }
      return { status: 200, body: apiKey(keys[index] as ElasticKey) }
    }
    return { status: 404, body: { Error: 'Not found.' } }
  })
  return { ...simulator, baseUrl: `${simulator.origin}/v4` }
}

// Contract: Twilio's official SDK (twilio 6.3.1) drives the Twilio simulator. The SDK builds each request (path,
// HTTP Basic with the API key SID and secret, the account SID in the URL) and parses each answer into its own
// models or its RestException; this test only hands the SDK an http client that sends api.twilio.com's requests to
// the simulator on 127.0.0.1 — transport, nothing else. If the SDK cannot read an answer, or sees another error than
// the simulator means, the simulator is wrong, and so would be the adapter tested against it.
import twilio from 'twilio'
import RequestClient from 'twilio/lib/base/RequestClient'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../simulators/simulatorServer'
import { startTwilioSimulator, type TwilioKey } from '../../simulators/wellKnown/twilio'

const ACCOUNT = `AC${'0f'.repeat(16)}`
const keys = new Map<string, TwilioKey>([
  [`SK${'a1'.repeat(16)}`, { secret: 'standard-secret-0123456789abcdef', type: 'standard' }],
  [`SK${'b2'.repeat(16)}`, { secret: 'main-secret-0123456789abcdefghij', type: 'main' }],
  [`SK${'c3'.repeat(16)}`, { secret: 'restricted-secret-0123456789abcd', type: 'restricted' }],
])
let simulator: RunningSimulator

/** The SDK's own request client, its requests for api.twilio.com sent to the simulator instead. */
class LoopbackClient extends RequestClient {
  constructor(private readonly origin: string) {
    super()
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request({ ...options, uri: options.uri.replace('https://api.twilio.com', this.origin) })
  }
}

/** An SDK client for one API key, as Twilio documents it: key SID and secret, plus the account SID. */
function client(sid: string) {
  const key = keys.get(sid)
  if (key === undefined) throw new Error(`no key ${sid}`)
  return twilio(sid, key.secret, { accountSid: ACCOUNT, httpClient: new LoopbackClient(simulator.origin) })
}

/** The status and Twilio error code a failed SDK call raised (its RestException). */
async function failure(call: Promise<unknown>): Promise<{ status?: number; code?: number } | 'no error'> {
  return call.then(
    () => 'no error' as const,
    (error: { status?: number; code?: number }) => ({ status: error.status, code: error.code }),
  )
}

beforeAll(async () => {
  simulator = await startTwilioSimulator(keys, ACCOUNT)
})
afterAll(async () => {
  await simulator.close()
})

describe('twilio SDK against the simulator', () => {
  it('a Standard key fetches the balance (FetchBalance) into the SDK’s BalanceInstance', async () => {
    const balance = await client(`SK${'a1'.repeat(16)}`).balance.fetch()
    expect(balance).toMatchObject({ accountSid: ACCOUNT, balance: '12.34', currency: 'USD' })
    expect(simulator.requests.at(-1)?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Balance.json`)
  })

  it('a Standard key may not fetch the account itself; a Main key may', async () => {
    expect(
      await failure(
        client(`SK${'a1'.repeat(16)}`)
          .api.v2010.accounts(ACCOUNT)
          .fetch(),
      ),
    ).toEqual({
      status: 401,
      code: 20003,
    })
    expect(
      (
        await client(`SK${'b2'.repeat(16)}`)
          .api.v2010.accounts(ACCOUNT)
          .fetch()
      ).sid,
    ).toBe(ACCOUNT)
  })

  it('a Restricted key without the balance permission gets 403 (20403); a wrong secret 401 (20003)', async () => {
    expect(await failure(client(`SK${'c3'.repeat(16)}`).balance.fetch())).toEqual({ status: 403, code: 20403 })
    const wrong = twilio(`SK${'a1'.repeat(16)}`, 'not-the-secret', {
      accountSid: ACCOUNT,
      httpClient: new LoopbackClient(simulator.origin),
    })
    expect(await failure(wrong.balance.fetch())).toEqual({ status: 401, code: 20003 })
  })
})

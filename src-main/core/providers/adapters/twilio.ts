import { KeywardError } from '../../errors'
import { live, rejected, restricted, text, type ProviderAdapter } from './adapter'

// Twilio REST API 2010-04-01. Auth: HTTP Basic, API key SID as user, its secret as password
// (twilio.com/docs/iam/api-keys). A Standard key — the default, and the only kind besides Restricted that can be
// created by API — has "access to all Twilio API resources, except for Accounts (/Accounts) or Keys" (Key resource
// v1, "Types of keys"), so the account resource cannot verify it. Verify reads the account's balance instead:
// GET /Accounts/{AccountSid}/Balance.json → {account_sid, balance, currency} (twilio-oai twilio_api_v2010.json,
// FetchBalance), which every Main and Standard key may read. The URL needs the account SID: Twilio's SDKs ask for
// it beside an API key too. A bad pair is 401 (error 20003). Assumed: 403 (20403) for a Restricted key whose policy
// does not grant the balance, 404 for an account the key does not belong to.
export const TWILIO_ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/

export const twilioAdapter: ProviderAdapter = {
  async verify(call, key) {
    const accountSid = text(key.metadata, 'accountSid')
    if (accountSid === undefined || !TWILIO_ACCOUNT_SID.test(accountSid)) {
      throw new KeywardError(
        'INVALID_INPUT',
        "Twilio checks an API key against its account: record the Account SID (AC…, on the Console's dashboard) — " +
          `keyward edit ${key.ref} --metadata '{"accountSid":"AC…"}'. Nothing was asked of Twilio.`,
      )
    }
    const { status } = await call({ path: `/Accounts/${accountSid}/Balance.json`, accept: [401, 403, 404] })
    if (status === 401) throw rejected('Twilio', 'HTTP 401 (error 20003: the key SID and secret do not match)')
    if (status === 403)
      return restricted('Twilio knows this key, but its policy does not let it read the account balance.')
    if (status === 404) {
      throw new KeywardError(
        'INVALID_INPUT',
        `Twilio has no account ${accountSid} for this key: check the recorded Account SID. The key was not judged.`,
      )
    }
    return live(`Twilio accepted the API key for account ${accountSid}.`)
  },
}

import { asObject, live, text, type ProviderAdapter } from './adapter'

// Twilio REST API 2010-04-01 (https://www.twilio.com/docs/iam/api/account): HTTP Basic with the API key SID as user
// and its secret as password; GET /Accounts/{AccountSid}.json reads the account, GET /Accounts.json lists the
// account(s) the credentials reach. A bad pair is 401 (error 20003). Assumed (not settled by the docs): a Standard
// API key may read its own account resource.
export const twilioAdapter: ProviderAdapter = {
  async verify(call, key) {
    const accountSid = text(key.metadata, 'accountSid')
    const { body } = await call({
      path: accountSid === undefined ? '/Accounts.json?PageSize=1' : `/Accounts/${encodeURIComponent(accountSid)}.json`,
    })
    const listed = asObject(body).accounts
    const account = accountSid === undefined ? asObject(Array.isArray(listed) ? listed[0] : undefined) : asObject(body)
    const sid = text(account, 'sid')
    return live(
      `Twilio accepted the API key${sid === undefined ? '' : ` for account ${sid}`}.`,
      sid === undefined ? {} : { accountSid: sid },
    )
  },
}

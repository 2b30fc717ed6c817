import { asObject, live, text, type ProviderAdapter } from './adapter'
import { KeywardError } from '../../errors'

// AWS STS GetCallerIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html): POST
// with Action/Version form parameters, signed with SigV4 by the access key id + secret access key. "No permissions
// are required to perform this operation", so a valid key is never restricted; a bad id is 403
// InvalidClientTokenId, a bad secret 403 SignatureDoesNotMatch. Asked for JSON (Accept: application/json), the
// query API answers {GetCallerIdentityResponse: {GetCallerIdentityResult: {Account, Arn, UserId}}}.
export const awsAdapter: ProviderAdapter = {
  async verify(call) {
    const { body } = await call({
      method: 'POST',
      path: '/',
      form: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    })
    const result = asObject(asObject(asObject(body).GetCallerIdentityResponse).GetCallerIdentityResult)
    const account = text(result, 'Account')
    const arn = text(result, 'Arn')
    if (account === undefined || arn === undefined)
      throw new KeywardError('PROVIDER_BAD_RESPONSE', 'AWS STS answered GetCallerIdentity without an account.')
    return live(`AWS accepted the key pair (${arn}).`, { account: { awsAccount: account, arn } })
  },
}

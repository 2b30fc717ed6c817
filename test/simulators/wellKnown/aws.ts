// AWS STS GetCallerIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html,
// "Common Errors": InvalidClientTokenId, SignatureDoesNotMatch — both HTTP 403). The signature is checked by
// recomputing it with AWS's own SigV4 signer (@smithy/signature-v4, what the official SDKs use), so Keyward's
// signing (aws4) is tested against an implementation nobody here wrote. JSON answers follow the query protocol's
// JSON form ({Action}Response/{Action}Result), which STS sends for Accept: application/json (assumed; README).
// Temporary credentials (access key id ASIA…) are refused without their session token in X-Amz-Security-Token
// (docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html: "you must include the session
// token"; the refusal's code, InvalidClientTokenId, is an ASSUMPTION).
import { Hash } from '@smithy/hash-node'
import { SignatureV4 } from '@smithy/signature-v4'
import { startSimulator, type RunningSimulator, type SimulatorRequest } from '../simulatorServer'

export interface AwsUser {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly account: string
  readonly arn: string
  /** Temporary credentials (ASIA…) only: requests must carry it as X-Amz-Security-Token. */
  readonly sessionToken?: string
}

function error(code: string, message: string) {
  return { status: 403, body: { Error: { Code: code, Message: message, Type: 'Sender' } } }
}

function signedHeaderNames(authorization: string): string[] {
  return /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? []
}

async function expectedSignature(
  request: SimulatorRequest,
  user: AwsUser,
  authorization: string,
): Promise<string | undefined> {
  const date = String(request.headers['x-amz-date'] ?? '')
  const names = signedHeaderNames(authorization)
  const headers = Object.fromEntries(names.map((name) => [name, String(request.headers[name] ?? '')]))
  const scope = /Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization)
  if (scope === null) return undefined
  const signer = new SignatureV4({
    service: scope[3] ?? '',
    region: scope[2] ?? '',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
    credentials: { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey },
    uriEscapePath: true,
  })
  const url = new URL(request.url, 'http://x')
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.rawBody,
    },
    {
      signingDate: new Date(
        `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
      ),
      signableHeaders: new Set(names),
      unsignableHeaders: new Set(),
    },
  )
  return /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? signed.headers.Authorization ?? ''))?.[1]
}

export async function startStsSimulator(users: readonly AwsUser[]): Promise<RunningSimulator> {
  return startSimulator(async (request) => {
    const authorization = String(request.headers.authorization ?? '')
    const keyId = /Credential=([A-Z0-9]+)\//.exec(authorization)?.[1]
    const user = users.find((candidate) => candidate.accessKeyId === keyId)
    const tokenMissing =
      user?.sessionToken !== undefined && request.headers['x-amz-security-token'] !== user.sessionToken
    if (user === undefined || tokenMissing)
      return error('InvalidClientTokenId', 'The security token included in the request is invalid.')
    const sent = /Signature=([0-9a-f]{64})/.exec(authorization)?.[1]
    if (sent === undefined || sent !== (await expectedSignature(request, user, authorization))) {
      return error(
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      )
    }
    const form = new URLSearchParams(request.rawBody)
    if (request.method !== 'POST' || form.get('Action') !== 'GetCallerIdentity' || form.get('Version') !== '2011-06-15')
      return { status: 400, body: { Error: { Code: 'InvalidAction' } } }
    const result = { Account: user.account, Arn: user.arn, UserId: 'AIDAEXAMPLEUSERID' }
    return {
      status: 200,
      body: { GetCallerIdentityResponse: { GetCallerIdentityResult: result, ResponseMetadata: { RequestId: 'r-1' } } },
    }
  })
}

/**
 * The public halves a pair credential brings beside its secret (AWS's access key id beside the secret access key,
 * Twilio's API key SID and account SID beside the API secret): SDKs authenticate only with both, so every place a
 * key's secret goes into an environment or a .env file gets these too. Data only: the providers layer says which
 * keys are pairs (providers/keyExports.ts).
 */
export interface PairParts {
  /** The ending of the secret's variable that each part's suffix replaces: `SECRET_ACCESS_KEY`. */
  readonly secretSuffix: string
  /** The prefix for the parts when the secret's variable does not end in `secretSuffix`: `AWS_`. */
  readonly defaultPrefix: string
  /** Each recorded part: `{ suffix: 'ACCESS_KEY_ID', value: 'AKIA…' }`. */
  readonly parts: readonly { readonly suffix: string; readonly value: string }[]
}

export interface Assignment {
  readonly variable: string
  readonly value: string
}

/**
 * The parts' assignments beside a secret in `secretVariable`: `PROD_AWS_SECRET_ACCESS_KEY` brings
 * `PROD_AWS_ACCESS_KEY_ID`; a variable named otherwise (`DEPLOY_KEY`) brings the provider's own names
 * (`AWS_ACCESS_KEY_ID`), which is what the SDKs read.
 */
export function pairAssignments(secretVariable: string, pair: PairParts): Assignment[] {
  const prefix =
    secretVariable.endsWith(pair.secretSuffix) && secretVariable.length > pair.secretSuffix.length
      ? secretVariable.slice(0, -pair.secretSuffix.length)
      : pair.defaultPrefix
  return pair.parts.map((part) => ({ variable: `${prefix}${part.suffix}`, value: part.value }))
}

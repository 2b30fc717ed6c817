import type { ChannelName } from '../../../src-preload/contract'

/**
 * What a read shows and a change touches. `keys`: anything about keys (the list, a detail, Needs attention, Health,
 * rotations, the files they were written to) — main's `keys:changed` (the CLI, another window) or a change made here;
 * `audit`: the activity trail, which every change and every reveal or copy writes to; `settings`; `providers`.
 */
export type Topic = 'keys' | 'audit' | 'settings' | 'providers'

/** The reads the window keeps in the store, each with the topics whose change makes it stale. */
export const READS = {
  'reminders:attention': ['keys', 'settings'],
  'health:report': ['keys', 'settings'],
  'audit:page': ['audit', 'keys'],
  'key:detail': ['keys', 'audit'],
  'settings:get': ['settings'],
  'providers:custom': ['providers'],
  'providers:list': ['providers'],
  'dotenv:recent': ['keys'],
  'trash:list': ['keys'],
} as const satisfies Partial<Record<ChannelName, readonly Topic[]>>

export type ReadChannel = keyof typeof READS

/**
 * What each command changes. A command not listed changes nothing the window shows (a preview, a detection), or
 * manages its own state (unlock, lock: main's `vault:state` event drops every read).
 */
export const CHANGES: Partial<Record<ChannelName, readonly Topic[]>> = {
  'key:add': ['keys', 'audit'],
  'key:edit': ['keys', 'audit'],
  'key:setValue': ['keys', 'audit'],
  'key:trash': ['keys', 'audit'],
  'trash:restore': ['keys', 'audit'],
  'trash:delete': ['keys', 'audit'],
  'trash:empty': ['keys', 'audit'],
  'key:verify': ['keys', 'audit'],
  'key:sync': ['keys', 'audit'],
  'key:revoke': ['keys', 'audit'],
  'key:snooze': ['keys'],
  'key:schedule': ['keys', 'audit'],
  'key:reveal': ['audit', 'keys'],
  'key:copy': ['audit', 'keys'],
  'rotation:step': ['keys', 'audit'],
  'rotation:guidedSubmit': ['keys', 'audit'],
  'dotenv:write': ['keys', 'audit'],
  'dotenv:import': ['keys', 'audit'],
  'dotenv:fix': ['keys'],
  'settings:set': ['settings', 'keys'],
  'provider:save': ['providers', 'keys', 'audit'],
  'provider:remove': ['providers', 'keys', 'audit'],
  'vault:device': ['audit'],
  'vault:newRecoveryCode': ['keys', 'audit'],
  'vault:kitConfirmed': ['keys'],
}

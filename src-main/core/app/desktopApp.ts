import type { AppInfo } from '../../../src-preload/contract'
import { SecretClipboard } from '../clipboard/secretClipboard'
import type { Handlers } from '../ipc/handle'
import type { Clipboard } from '../ports/Clipboard'
import type { Clock } from '../ports/Clock'
import type { DeviceKeyStore } from '../ports/DeviceKeyStore'
import type { FileDialog } from '../ports/FileDialog'
import type { Notifier } from '../ports/Notifier'
import type { PowerEvents } from '../ports/PowerEvents'
import type { RendererEvents } from '../ports/RendererEvents'
import type { IntervalTimers } from '../ports/Timers'
import type { KdfCost } from '../vault/passwordKdf'
import { VaultService } from '../vault/VaultService'
import { createAppHandlers } from './appHandlers'
import { createAuditHandlers } from './auditHandlers'
import { createCustomProviderHandlers } from './customProviderHandlers'
import { createDotenvHandlers } from './dotenvHandlers'
import { createReminderHandlers } from './reminderHandlers'
import { createDetailHandlers, type ScreenshotPolicy } from './detailHandlers'
import { createKeyListHandlers } from './keyListHandlers'
import { createTrashHandlers } from './trashHandlers'
import { createProviderHandlers, type ProviderHttpPort } from './providerHandlers'
import { startKeyNotifications } from './keyNotifications'
import { trayMenu, verifyDueKeys, type TrayItem } from './trayMenu'
import { createVaultHandlers } from './vaultHandlers'
import type { AgentEndpointPorts } from '../agent/platformPeers'
import { startDesktopAgent, type DesktopAgent } from './desktopAgent'

/** What the platform gives the desktop app. Electron's adapters in the app; fakes at these ports in the e2e harness. */
export interface DesktopPorts {
  readonly vaultDir: string
  readonly clock: Clock
  readonly timers: IntervalTimers
  readonly power: PowerEvents
  readonly clipboard: Clipboard
  readonly platform: NodeJS.Platform
  readonly events: RendererEvents
  readonly appInfo: () => AppInfo
  /** The SQLCipher driver built for Electron's ABI (the app); the default build elsewhere. */
  readonly nativeBinding?: string
  /** The built vaultWorker.js: unlock's slow part runs there, off the main thread. */
  readonly vaultWorker?: string
  /** This device's record of how far each vault had got, outside the vault folder (seenVaults.ts). */
  readonly seenVaults?: string
  /** Whether screenshots may capture the window (a preference; the app applies it to its window). */
  readonly screenshots: ScreenshotPolicy
  /** The OS keychain, for "unlock with this device" (Electron safeStorage in the app). */
  readonly deviceKeys: DeviceKeyStore
  /** OS notifications, for keys that fall due while the vault is unlocked. */
  readonly notifier: Notifier
  /** Brings the window forward (a notification was clicked). */
  readonly focusWindow: () => void
  /** Provider APIs: the real network in the app; the simulators (via base URL overrides) in the harness. */
  readonly providerHttp: ProviderHttpPort
  /** The OS file picker, for .env write and import (the harness answers with the spec's file). */
  readonly fileDialog: FileDialog
  /**
   * Argon2id's cost for a vault created in the window. The app leaves it unset (calibrated to ≈0.5 s on the user's
   * machine, never below 64 MiB / t=3 / p=4); the e2e harness sets the OWASP floor so that creating a vault does not
   * depend on how busy the test machine is.
   */
  readonly kdf?: Partial<KdfCost>
  /** The agent's endpoint (the CLI through the app); absent: the app serves no agent. */
  readonly agent?: AgentEndpointPorts
}

export interface DesktopApp {
  readonly handlers: Handlers
  readonly vault: VaultService
  readonly clipboard: SecretClipboard
  /** The agent the CLI asks instead of unlocking (null when the ports gave no endpoint). */
  readonly agent: DesktopAgent | null
  /** The tray's menu as data (names only while unlocked; the locked count from the header digest otherwise). */
  trayMenu(lockedDueCount: number): Promise<TrayItem[]>
  /** The tray's "Verify all due": the answer as one line for a notification. */
  verifyDue(): Promise<string>
  /** The window comes forward on a key (the tray's due list, a notification). */
  showKey(id: string): void
  /** A "keys are due" notification was clicked: the window comes forward on Needs attention (after an unlock). */
  showAttention(due: number | null): void
  /** On quit: the vault locks (work in flight first) and the clipboard is cleared if it still holds a key. */
  dispose(): Promise<void>
}

/**
 * Builds the desktop app from its ports: the one vault service, the secret clipboard, and the handler of every
 * contract channel. `src-main/index.ts` and the end-to-end harness both call this, so the tests run the wiring
 * users run; only Electron's transport and the platform adapters differ.
 */
export function composeDesktopApp(ports: DesktopPorts): DesktopApp {
  const sleep = (ms: number) => new Promise<void>((resolve) => ports.timers.setTimeout(resolve, ms))
  const vault = new VaultService({
    dir: ports.vaultDir,
    clock: ports.clock,
    actor: 'app',
    sleep,
    nativeBinding: ports.nativeBinding,
    vaultWorker: ports.vaultWorker,
    seenVaults: ports.seenVaults,
    onLockWait: (who) => ports.events.emit('vault:waiting', { for: who === 'opener' ? 'password-change' : 'openers' }),
    timers: ports.timers,
    power: ports.power,
  })
  // The window hears when a copied key leaves the clipboard: its countdown chip goes away.
  const announcing: Clipboard = {
    write: (content) => ports.clipboard.write(content),
    readText: () => ports.clipboard.readText(),
    clear: () => {
      ports.clipboard.clear()
      ports.events.emit('clipboard:cleared', {})
    },
  }
  const clipboard = new SecretClipboard(announcing, ports.timers, ports.platform)
  vault.onState((state) => {
    ports.events.emit('vault:state', { state })
    if (state === 'locked') void clipboard.clearIfOurs()
  })
  vault.onChange((change) => {
    if (change.kind === 'keys') ports.events.emit('keys:changed', {})
  })
  const agent =
    ports.agent === undefined
      ? null
      : startDesktopAgent({
          vault,
          endpoint: ports.agent,
          events: ports.events,
          focusWindow: ports.focusWindow,
          clock: ports.clock,
          timers: ports.timers,
        })
  const handlers: Handlers = {
    'agent:answer': agent?.handlers['agent:answer'] ?? (async () => ({})),
    ...createAppHandlers({ appInfo: ports.appInfo, events: ports.events, clock: ports.clock }),
    ...createVaultHandlers({ vault, clipboard, deviceKeys: ports.deviceKeys, clock: ports.clock, kdf: ports.kdf }),
    ...createKeyListHandlers(vault),
    ...createTrashHandlers(vault),
    ...createDetailHandlers({ vault, screenshots: ports.screenshots }),
    ...createAuditHandlers(vault),
    ...createProviderHandlers({ vault, http: ports.providerHttp, sleep }),
    ...createDotenvHandlers({ vault, dialog: ports.fileDialog }),
    ...createReminderHandlers(vault),
    ...createCustomProviderHandlers(vault),
  }
  const stopNotifications = startKeyNotifications({
    vault,
    notifier: ports.notifier,
    timers: ports.timers,
    power: ports.power,
    events: ports.events,
    focusWindow: ports.focusWindow,
  })
  return {
    handlers,
    vault,
    clipboard,
    agent,
    trayMenu: (lockedDueCount) => trayMenu(vault, lockedDueCount),
    verifyDue: () => verifyDueKeys(vault, { ...ports.providerHttp, sleep }),
    showKey: (id) => {
      ports.focusWindow()
      ports.events.emit('key:focus', { id })
    },
    showAttention: (due) => {
      ports.focusWindow()
      ports.events.emit('view:open', { view: 'attention', due })
    },
    dispose: async () => {
      stopNotifications()
      await agent?.stop()
      await vault.dispose()
      await clipboard.clearIfOurs()
    },
  }
}

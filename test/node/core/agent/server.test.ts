// The agent's endpoint and handshake over a real Unix socket: the peer's uid checked by the kernel (SO_PEERCRED),
// both sides proving the cookie, and every kind of bad client disconnected alone.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentClient } from '../../../../src-main/core/agent/client'
import { agentPaths, folderProblem, type AgentPaths } from '../../../../src-main/core/agent/endpoint'
import { encodeFrame, FrameReader } from '../../../../src-main/core/agent/framing'
import { linuxPeerIdentity } from '../../../../src-main/core/agent/linuxPeer'
import { handshakeMac } from '../../../../src-main/core/agent/protocol'
import { AgentServer } from '../../../../src-main/core/agent/server'
import type { PeerIdentity, PeerInfo } from '../../../../src-main/core/ports/PeerIdentity'
import { tempDir } from '../../helpers/testVault'

const linux = process.platform === 'linux'
let temp: ReturnType<typeof tempDir>
let paths: AgentPaths
const servers: AgentServer[] = []
const seen: PeerInfo[] = []

function pathsIn(dir: string): AgentPaths {
  return agentPaths({ platform: process.platform, env: { KEYWARD_AGENT_DIR: dir }, homedir: temp.dir })
}

async function startServer(peers: PeerIdentity = linuxPeerIdentity, at = paths): Promise<AgentServer> {
  const server = new AgentServer({
    paths: at,
    info: { host: 'headless', pid: process.pid, vaultDir: '/v' },
    peers,
    requireUid: process.getuid?.() ?? null,
    timers: globalThis,
    helloTimeoutMs: 300,
    serve: (request, peer) => {
      seen.push(peer)
      return Promise.resolve({ echo: request.op })
    },
  })
  await server.start()
  servers.push(server)
  return server
}

/** A raw connection: sends bytes, collects what comes back until the server closes it. */
function raw(bytes: Buffer | null, at = paths): Promise<{ received: Buffer; closedMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = net.connect(at.socket)
    const chunks: Buffer[] = []
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => undefined)
    socket.on('close', () => resolve({ received: Buffer.concat(chunks), closedMs: Date.now() - started }))
    socket.on('connect', () => {
      if (bytes !== null) socket.write(bytes)
    })
  })
}

beforeEach(() => {
  temp = tempDir('keyward-agent-')
  const dir = path.join(temp.dir, 'run')
  mkdirSync(dir, { mode: 0o700 })
  paths = pathsIn(dir)
  seen.length = 0
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()))
  temp.remove()
})

describe.skipIf(!linux)('agent endpoint', () => {
  it('serves an authenticated client; the kernel names the peer (this process)', async () => {
    await startServer()
    expect((statSync(paths.socket).mode & 0o777).toString(8)).toBe('600')
    expect((statSync(paths.cookie).mode & 0o777).toString(8)).toBe('600')
    const client = await AgentClient.connect(paths)
    expect(client).not.toBeNull()
    expect(await client?.request({ op: 'status' })).toEqual({ echo: 'status' })
    client?.close()
    expect(seen[0]).toMatchObject({ pid: process.pid, uid: process.getuid?.(), verified: true })
    expect(seen[0]?.exe).toBe(process.execPath)
  })

  it('closes a peer of another uid without a word, and serves nothing to it', async () => {
    const stranger: PeerIdentity = { identify: (socket) => ({ ...linuxPeerIdentity.identify(socket), uid: 4242 }) }
    await startServer(stranger)
    const cookie = Buffer.alloc(0)
    const hello = encodeFrame({
      v: 1,
      t: 'hello',
      client: 't',
      nonce: 'n'.repeat(24),
      mac: handshakeMac(cookie, 'client', 'x'),
    })
    const { received } = await raw(hello)
    expect(received.length).toBe(0)
    expect(seen).toHaveLength(0)
  })

  it('closes a client whose hello lacks the cookie, before any answer', async () => {
    await startServer()
    const wrong = Buffer.alloc(32, 7)
    const nonce = 'a'.repeat(24)
    const hello = encodeFrame({ v: 1, t: 'hello', client: 't', nonce, mac: handshakeMac(wrong, 'client', nonce) })
    const request = encodeFrame({ v: 1, t: 'req', id: 1, op: 'status' })
    const { received } = await raw(Buffer.concat([hello, request]))
    expect(received.length).toBe(0)
    expect(seen).toHaveLength(0)
  })

  it('refuses to trust an impostor that answers without the cookie', async () => {
    const dir = paths.dir
    writeFileSync(paths.cookie, Buffer.alloc(32, 1), { mode: 0o600 })
    const impostor = net.createServer((socket) => {
      const reader = new FrameReader(65536)
      socket.on('data', (chunk: Buffer) => {
        for (const frame of reader.push(chunk)) {
          const nonce = (frame as { nonce: string }).nonce
          socket.write(
            encodeFrame({ v: 1, t: 'welcome', proto: [1], mac: handshakeMac(Buffer.alloc(32, 2), 'server', nonce) }),
          )
        }
      })
    })
    await new Promise<void>((resolve) => impostor.listen(path.join(dir, 'agent.sock'), resolve))
    try {
      const client = await AgentClient.connect(paths)
      await expect(client?.request({ op: 'status' })).rejects.toThrow(/without proving it is Keyward's agent/)
    } finally {
      await new Promise((resolve) => impostor.close(resolve))
    }
  })

  it('disconnects garbage, oversize frames and a silent client — and keeps serving the others', async () => {
    await startServer()
    const oversize = Buffer.alloc(4)
    oversize.writeUInt32BE(0x7fffffff)
    const results = await Promise.all([
      raw(Buffer.from('GET / HTTP/1.1\r\n\r\n')),
      raw(oversize),
      raw(null),
      (async () => {
        const client = await AgentClient.connect(paths)
        const answer = await client?.request({ op: 'status' })
        client?.close()
        return answer
      })(),
    ])
    expect(results[3]).toEqual({ echo: 'status' })
    for (const result of results.slice(0, 3)) expect((result as { received: Buffer }).received.length).toBe(0)
    // The silent one was closed at the hello deadline (300 ms here), not left open.
    expect((results[2] as { closedMs: number }).closedMs).toBeGreaterThanOrEqual(250)
  })

  it('answers a client of another protocol version with its versions, then closes', async () => {
    await startServer()
    const client = await AgentClient.connect(paths)
    client?.close()
    const cookie = readFileSync(paths.cookie)
    const nonce = 'b'.repeat(24)
    const { received } = await raw(
      Buffer.concat([
        encodeFrame({ v: 2, t: 'hello', client: 't', nonce, mac: handshakeMac(cookie, 'client', nonce) }),
        encodeFrame({ v: 2, t: 'req', id: 1, op: 'status' }),
      ]),
    )
    // The welcome, and nothing for the request that came with it.
    expect(new FrameReader(65536).push(received)).toEqual([expect.objectContaining({ t: 'welcome', proto: [1] })])
    expect(seen).toHaveLength(0)
  })

  it('answers at most 4 requests at once (BUSY beyond); frames of JSON null are refused, never a crash', async () => {
    await startServer()
    const cookie = readFileSync(paths.cookie)
    const nonce = 'c'.repeat(24)
    const hello = encodeFrame({ v: 1, t: 'hello', client: 't', nonce, mac: handshakeMac(cookie, 'client', nonce) })
    const socket = net.connect(paths.socket)
    const reader = new FrameReader(1 << 20)
    const frames: unknown[] = []
    socket.on('data', (chunk: Buffer) => frames.push(...reader.push(chunk)))
    socket.write(Buffer.concat([hello, ...Array.from({ length: 5 }, () => encodeFrame(null))]))
    await expect.poll(() => frames.length).toBe(6)
    socket.destroy()
    const codes = frames.slice(1).map((frame) => (frame as { error?: { code: string } }).error?.code)
    expect(codes.sort()).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 'VAULT_BUSY'])
    const client = await AgentClient.connect(paths)
    expect(await client?.request({ op: 'status' })).toEqual({ echo: 'status' })
    client?.close()
  })

  it('removes a stale socket; refuses a live one and leaves it serving', async () => {
    // A process killed with -9 leaves its socket file behind.
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(paths.socket)}, ` +
        "() => process.kill(process.pid, 'SIGKILL'))",
    ])
    await new Promise((resolve) => child.on('exit', resolve))
    expect(existsSync(paths.socket)).toBe(true)
    await startServer()
    await expect(startServer()).rejects.toThrow(/already runs \(keyward agent start, pid \d+\)/)
    const client = await AgentClient.connect(paths)
    expect(await client?.request({ op: 'status' })).toEqual({ echo: 'status' })
    client?.close()
  })

  it('refuses a folder open to others, one of another owner, a symlink, and a socket path over the limit', async () => {
    expect(folderProblem({ isDirectory: true, isSymbolicLink: false, uid: 1, mode: 0o40700 }, 1)).toBeNull()
    expect(folderProblem({ isDirectory: true, isSymbolicLink: false, uid: 1, mode: 0o40755 }, 1)).toMatch(
      /open to other users/,
    )
    expect(folderProblem({ isDirectory: true, isSymbolicLink: false, uid: 2, mode: 0o40700 }, 1)).toMatch(
      /another user/,
    )
    const open = path.join(temp.dir, 'open')
    mkdirSync(open)
    chmodSync(open, 0o755)
    await expect(startServer(linuxPeerIdentity, pathsIn(open))).rejects.toThrow(/open to other users \(mode 755\)/)
    const link = path.join(temp.dir, 'link')
    symlinkSync(paths.dir, link)
    await expect(startServer(linuxPeerIdentity, pathsIn(link))).rejects.toThrow(/symbolic link/)
    const long = path.join(temp.dir, 'x'.repeat(120))
    await expect(startServer(linuxPeerIdentity, pathsIn(long))).rejects.toThrow(
      /longer than this system's 107-byte limit/,
    )
  })
})

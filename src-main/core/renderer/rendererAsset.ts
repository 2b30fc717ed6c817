import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { rendererResponseHeaders } from '../security/contentSecurityPolicy'

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface RendererAsset {
  readonly status: 200 | 400 | 404
  readonly body: Buffer
  readonly headers: Readonly<Record<string, string>>
}

function notServed(status: 400 | 404): RendererAsset {
  return { status, body: Buffer.from(status === 400 ? 'Bad request' : 'Not found'), headers: rendererResponseHeaders }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * Reads the file of the built renderer that a request path names, for the `app://` protocol and the end-to-end
 * server alike. Only regular files inside `rootDir` (after resolving `..`, encoded separators and symlinks) with
 * a known type are served, each with the CSP and hardening headers.
 */
export async function readRendererAsset(rootDir: string, requestPath: string): Promise<RendererAsset> {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return notServed(400)
  }
  if (decoded.includes('\0')) return notServed(400)
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const contentType = contentTypes[path.extname(relativePath).toLowerCase()]
  if (contentType === undefined) return notServed(404)
  try {
    const root = await realpath(rootDir)
    const file = await realpath(path.resolve(root, relativePath))
    if (!isInside(root, file)) return notServed(404)
    const body = await readFile(file)
    return { status: 200, body, headers: { ...rendererResponseHeaders, 'Content-Type': contentType } }
  } catch {
    return notServed(404)
  }
}

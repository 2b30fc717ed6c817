import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRendererAsset } from '../../../../src-main/core/renderer/rendererAsset'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'keyward-asset-'))
  root = path.join(base, 'renderer')
  mkdirSync(path.join(root, 'assets'), { recursive: true })
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Keyward</title>')
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(path.join(base, 'secret.js'), 'outside the renderer')
  symlinkSync(path.join(base, 'secret.js'), path.join(root, 'assets', 'link.js'))
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('readRendererAsset', () => {
  it('serves index.html for / with the CSP and hardening headers', async () => {
    const asset = await readRendererAsset(root, '/')
    expect(asset.status).toBe(200)
    expect(asset.body.toString()).toContain('<title>Keyward</title>')
    expect(asset.headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(asset.headers['Content-Security-Policy']).toContain("default-src 'none'")
    expect(asset.headers['Content-Security-Policy']).toContain("script-src 'self'")
    expect(asset.headers['Content-Security-Policy']).not.toContain('unsafe')
    expect(asset.headers['X-Content-Type-Options']).toBe('nosniff')
  })

  it('serves a script with its type', async () => {
    const asset = await readRendererAsset(root, '/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['Content-Type']).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    ['a parent-directory escape', '/../secret.js'],
    ['an encoded escape', '/%2e%2e/secret.js'],
    ['an encoded separator escape', '/assets%2f..%2f..%2fsecret.js'],
    ['a symlink out of the root', '/assets/link.js'],
    ['a missing file', '/assets/missing.js'],
    ['an unknown file type', '/assets/app.exe'],
    ['a directory', '/assets.js/'],
  ])('answers 404 for %s', async (_label, requestPath) => {
    const asset = await readRendererAsset(root, requestPath)
    expect(asset.status).toBe(404)
    expect(asset.body.toString()).not.toContain('outside the renderer')
  })

  it('answers 400 for malformed percent-encoding and NUL bytes', async () => {
    expect((await readRendererAsset(root, '/%E0%A4%A')).status).toBe(400)
    expect((await readRendererAsset(root, '/index.html%00.js')).status).toBe(400)
  })
})

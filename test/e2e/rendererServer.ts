import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readRendererAsset } from '../../src-main/core/renderer/rendererAsset'

export interface RendererServer {
  /** `http://127.0.0.1:PORT`: the origin the bridge trusts, standing in for `app://keyward`. */
  readonly origin: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Serves the built renderer over loopback with the same code, and so the same CSP and headers, as the app://
 * protocol handler. Only Electron's transport differs.
 */
export async function serveRenderer(rendererDir: string): Promise<RendererServer> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    void readRendererAsset(rendererDir, pathname).then((asset) => {
      response.writeHead(asset.status, asset.headers)
      response.end(asset.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * The playground's web server on 127.0.0.1: the page (static files, no build step, nothing from
 * the internet), its JSON API, and, because the local runtime is the Apps Script host here, the
 * script's /usercallback that Jobber redirects the browser to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { consentChoice, handleApi } from './api-routes';
import { CONTENT_SECURITY_POLICY, HttpProblem, redirect, sendHtml, sendJson } from './http';
import { authorizeErrorPage, callbackPage } from './pages';
import type { PlaygroundSession } from './session';

export const PUBLIC_DIR = join(REPO_ROOT, 'sandbox', 'playground', 'public');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export class PortBusyError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use (another playground, or another program). ` +
        'Stop that program, or choose another port with --port:',
    );
  }
}

/** Listens on 127.0.0.1:port (0: any free port). A session is attached once the backend is up. */
export async function listen(port: number): Promise<PlaygroundServer> {
  const server = new PlaygroundServer();
  await server.listen(port);
  return server;
}

export class PlaygroundServer {
  private readonly http: Server;
  private session: PlaygroundSession | null = null;
  /** Only these names are served (read afresh on each request), so no path can leave the folder. */
  private readonly files = new Set(readdirSync(PUBLIC_DIR));
  private port = 0;

  constructor() {
    this.http = createServer((req, res) => void this.dispatch(req, res));
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  attach(session: PlaygroundSession): void {
    this.session = session;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void =>
        reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortBusyError(port) : error);
      this.http.once('error', onError);
      this.http.listen(port, '127.0.0.1', () => {
        this.http.off('error', onError);
        this.port = (this.http.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.http.listening) return resolve();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    try {
      this.checkHost(req);
      const session = this.session;
      if (!session) throw new HttpProblem(503, 'The playground is still starting');
      if (url.pathname.startsWith('/api/')) return await handleApi(session, req, res, url.pathname);
      if (url.pathname === '/authorize' && req.method === 'GET')
        return await this.authorize(session, url, res);
      if (url.pathname === new URL(session.backend.redirectUri).pathname && req.method === 'GET')
        return sendHtml(
          res,
          200,
          callbackPage(await session.completeAuthorization(`${this.origin}${req.url ?? ''}`)),
        );
      if (req.method === 'GET') return this.serveFile(url.pathname, res);
      throw new HttpProblem(404, `Not found: ${req.method ?? ''} ${url.pathname}`);
    } catch (error) {
      this.fail(res, error);
    }
  }

  /** Looker Studio's "Authorize" button: the popup lands here, then goes to Jobber's consent page. */
  private async authorize(session: PlaygroundSession, url: URL, res: ServerResponse): Promise<void> {
    const outcome = await session.beginAuthorization(consentChoice(url.searchParams.get('consent')));
    if (outcome.ok) return redirect(res, outcome.value);
    sendHtml(res, 200, authorizeErrorPage(outcome.error));
  }

  /** Only this machine's names: a web page elsewhere cannot reach the API by DNS rebinding. */
  private checkHost(req: IncomingMessage): void {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`)
      throw new HttpProblem(421, `Unexpected Host header ${host}`);
  }

  private serveFile(pathname: string, res: ServerResponse): void {
    const name = pathname === '/' ? 'index.html' : pathname.slice(1);
    if (!this.files.has(name)) throw new HttpProblem(404, `Not found: ${pathname}`);
    const body = readFileSync(join(PUBLIC_DIR, name));
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(body);
  }

  private fail(res: ServerResponse, error: unknown): void {
    if (res.headersSent) return void res.end();
    if (error instanceof HttpProblem) return sendJson(res, error.status, { error: error.message });
    process.stderr.write(
      `playground: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

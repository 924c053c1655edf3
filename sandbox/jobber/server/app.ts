import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MintedTokens, SandboxAccount } from '../control-types';
import { describeAccount, handleControl, mint } from './control-routes';
import { handleGraphql } from './graphql-route';
import { HttpError, sendJson } from './http';
import { handleAuthorize, handleToken } from './oauth-routes';
import { SandboxState, type SandboxConfig } from './state';

/** What `main.ts --json` prints and the harness reads: everything a client needs to connect. */
export interface SandboxInfo {
  readonly baseUrl: string;
  readonly clock: 'real' | 'virtual';
  readonly size: string;
  readonly seed: number;
  readonly app: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly redirectUris: readonly string[];
  };
  readonly accounts: readonly SandboxAccount[];
  readonly demo: MintedTokens;
}

export interface RunningSandbox {
  readonly state: SandboxState;
  readonly info: SandboxInfo;
  close(): Promise<void>;
}

export async function startServer(config: SandboxConfig): Promise<RunningSandbox> {
  const state = new SandboxState(config);
  const demoIndex = 1;
  state.account(demoIndex); // the demo account is generated up front, the others on first use
  const server = createServer((req, res) => void dispatch(state, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const info: SandboxInfo = {
    baseUrl: `http://${config.host}:${port}`,
    clock: state.clock.mode,
    size: config.size,
    seed: config.seed,
    app: {
      clientId: state.demoApp.clientId,
      clientSecret: state.demoApp.clientSecret,
      redirectUris: state.demoApp.redirectUris,
    },
    accounts: state.specs.map((spec) => describeAccount(state, spec.index)),
    demo: mint(state, demoIndex, {}),
  };
  return { state, info, close: () => closeServer(server, state) };
}

async function dispatch(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  if (state.clock.mode === 'virtual') res.setHeader('x-sandbox-now', String(state.clock.now()));
  try {
    if (url.pathname.startsWith('/_sandbox/')) return await handleControl(state, req, res, url);
    if (url.pathname === '/api/oauth/authorize' && req.method === 'GET')
      return handleAuthorize(state, url, res);
    if (url.pathname === '/api/oauth/token' && req.method === 'POST')
      return await handleToken(state, req, res);
    if (url.pathname === '/api/graphql' && req.method === 'POST') return await handleGraphql(state, req, res);
    sendJson(res, 404, { error: `Not found: ${req.method ?? ''} ${url.pathname}` });
  } catch (error) {
    if (res.headersSent) return void res.end();
    if (error instanceof HttpError) return sendJson(res, error.status, error.body);
    sendJson(res, 500, {
      error: 'Sandbox failure',
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

function closeServer(server: Server, state: SandboxState): Promise<void> {
  state.stop();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

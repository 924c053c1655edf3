import './production-mode';
import { parseCli } from './cli-options';
import { startServer, type SandboxInfo } from './server/app';
import { SERVED_VERSION } from './server/versioning';

/** `npm run sandbox`: starts the Jobber sandbox and prints how to use it; Ctrl-C stops it. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const sandbox = await startServer(options.config);
  // Handlers go in before anything is printed: whoever reads the output may stop us at once. Until
  // then, Ctrl-C keeps its default and ends a long data generation immediately.
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by the harness (tests, playground, query CLI): its end, however it comes, ends us too.
  process.on('disconnect', stop);
  if (process.connected === false) return stop(); // it ended while the data was being generated
  process.stdout.write(options.json ? `${JSON.stringify(sandbox.info)}\n` : describe(sandbox.info));
}

function describe(info: SandboxInfo): string {
  const demo = info.accounts[0];
  const owner = demo?.users.find((user) => user.isAccountOwner);
  return `Jobber sandbox at ${info.baseUrl} (size ${info.size}, seed ${info.seed}, ${info.clock} clock)

  Authorize URL  ${info.baseUrl}/api/oauth/authorize
  Token URL      ${info.baseUrl}/api/oauth/token
  GraphQL        ${info.baseUrl}/api/graphql   (header X-JOBBER-GRAPHQL-VERSION: ${SERVED_VERSION})

  Client ID      ${info.app.clientId}
  Client secret  ${info.app.clientSecret}
  Redirect URIs  ${info.app.redirectUris.join('\n                 ')}

  Demo account   ${demo?.name ?? ''} (${demo?.timeZone ?? ''}), ${info.demo.accountId}
  Signed in as   ${owner?.name ?? ''} <${owner?.email ?? ''}>
  Access token   ${info.demo.accessToken}
  Refresh token  ${info.demo.refreshToken}

Try:
  curl -s ${info.baseUrl}/api/graphql -H 'Content-Type: application/json' \\
    -H 'X-JOBBER-GRAPHQL-VERSION: ${SERVED_VERSION}' -H "Authorization: Bearer ${info.demo.accessToken}" \\
    -d '{"query":"{ account { id name } invoices(first: 3) { nodes { invoiceNumber amounts { total } } } }"}'

Control API under ${info.baseUrl}/_sandbox/ (see docs/sandbox.md). Press Ctrl-C to stop.
`;
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `The sandbox failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

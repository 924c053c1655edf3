import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How the user's browser gets from the authorize URL to the callback: returns the callback URL. */
export type Consent = (authorizeUrl: string) => Promise<string>;

/**
 * The browser's part of the dance against the sandbox: GET the authorize URL (the sandbox consents
 * as told through its control API) and read the 302's Location, which is the script's callback.
 */
export const followAuthorizeRedirect: Consent = (authorizeUrl) =>
  new Promise((resolve, reject) => {
    const send = authorizeUrl.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(authorizeUrl, { method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const location = res.headers.location;
        if (res.statusCode === 302 && location) resolve(new URL(location, authorizeUrl).toString());
        else
          reject(
            new Error(
              `The authorize URL answered HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
            ),
          );
      });
    });
    req.on('error', reject);
    req.end();
  });

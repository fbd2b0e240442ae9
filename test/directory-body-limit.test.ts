import { describe, expect, it } from 'vitest';
import { loggedIn } from './helpers/directory-http.js';
import { useTestDirectory } from './helpers/peer-directory.js';

const directory = useTestDirectory('ferry-dir-body-', 60_000, {
  scrypt: { N: 1024, r: 8, p: 1 },
  maxIndexBodyBytes: 2 * 1024 * 1024,
});

async function post(
  method: string,
  route: string,
  body: string,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
  };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${directory.url}${route}`, { method, headers, body });
}

const login = () => loggedIn(directory.url, 'alice');

/** A JSON body of about `bytes` bytes. */
const bodyOf = (bytes: number) =>
  JSON.stringify({ files: [], pad: 'x'.repeat(bytes) });

describe('a body over the size limit', () => {
  it('is a 413 problem naming the limit of that route', async () => {
    // Given a logged-in user
    const token = await login();

    // When they send 1.5 MiB to an ordinary route and 3 MiB to an index upload
    const announce = await post(
      'PUT',
      '/v1/peers/me',
      bodyOf(1.5 * 2 ** 20),
      token,
    );
    const upload = await post(
      'PUT',
      '/v1/peers/me/files',
      bodyOf(3 * 2 ** 20),
      token,
    );

    // Then each is a 413 PAYLOAD_TOO_LARGE whose detail gives the limit
    expect(announce.status).toBe(413);
    expect(await announce.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'The request body is over this route’s limit of 1,048,576 bytes.',
    });
    expect(upload.status).toBe(413);
    expect(await upload.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'The request body is over this route’s limit of 2,097,152 bytes.',
    });
  });
});

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { App } from '../context.js';

/** Listens on 127.0.0.1 on a free port; resolves to the port. */
export async function listenLocally(app: App): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as AddressInfo).port;
}

/** Writes `request` on one raw socket; resolves to all it got back. */
export async function rawExchange(
  port: number,
  request: string,
): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  socket.write(request);
  await once(socket, 'close');
  return Buffer.concat(chunks).toString('utf8');
}

export interface RawResponse {
  status: number;
  headers: string;
  body: unknown;
}

/** Splits raw HTTP/1.1 responses with Content-Length bodies. */
export function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    const head = rest.slice(0, end);
    const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? '0');
    const body = rest.slice(end + 4, end + 4 + length);
    responses.push({
      status: Number(head.split(' ')[1]),
      headers: head.toLowerCase(),
      body: JSON.parse(body) as unknown,
    });
    rest = rest.slice(end + 4 + length);
  }
  return responses;
}

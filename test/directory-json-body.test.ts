import { describe, expect, it } from 'vitest';
import { useTestDirectory } from './helpers/peer-directory.js';

const directory = useTestDirectory('ferry-dir-json-');

const register = (body: string | Uint8Array, contentType: string) =>
  fetch(`${directory.url}/v1/users`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });

describe('a JSON body with a key that could change a prototype', () => {
  it.each([
    [
      '{"username":"abc","password":"xxxxxxxx","__proto__":{}}',
      '/__proto__',
      '__proto__',
    ],
    [
      '{"username":"abc","password":"xxxxxxxx","\\u005f_proto__":{}}',
      '/__proto__',
      '__proto__',
    ],
    [
      '{"username":"abc","password":"xxxxxxxx","extra":{"constructor":{"prototype":{}}}}',
      '/extra/constructor/prototype',
      'constructor.prototype',
    ],
  ])('%s: a 400 FORBIDDEN_KEY naming the key', async (body, pointer, key) => {
    // When valid JSON holds such a key
    const response = await register(body, 'application/json');

    // Then the problem names the key and where it is, not "invalid JSON"
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    expect(await response.json()).toEqual({
      type: 'urn:ferry:directory:problem:forbidden-key',
      title: 'Forbidden key',
      status: 400,
      code: 'FORBIDDEN_KEY',
      detail: `body${pointer}: the key "${key}" is not allowed (it could change an object's prototype).`,
      errors: [
        {
          in: 'body',
          pointer,
          message: `the key "${key}" is not allowed (it could change an object's prototype)`,
        },
      ],
    });
  });

  it('leaves JSON that does not parse a 400 MALFORMED_JSON', async () => {
    // When the body is not JSON, even with a "__proto__" key in it
    const response = await register('{"__proto__":{}', 'application/json');

    // Then it is malformed JSON, as before
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });
});

describe('the charset of a JSON body', () => {
  it.each([
    ['application/json; charset=latin1', 'latin1'],
    ['application/json; charset=ISO-8859-1', 'ISO-8859-1'],
    ['application/json;charset="utf-16"', 'utf-16'],
  ])('%s: a 415 saying only UTF-8 is accepted', async (contentType, name) => {
    // Given "café" in Latin-1: the é is one byte, 0xE9
    const body = Buffer.from(
      '{"username":"caf\u00e9","password":"xxxxxxxx"}',
      'latin1',
    );

    // When it is sent with a charset other than UTF-8
    const response = await register(body, contentType);

    // Then it is refused, not read as UTF-8
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    expect(await response.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: `Only UTF-8 JSON is accepted: send application/json or application/json; charset=utf-8, not charset=${name}.`,
    });
  });

  it.each([
    ['application/json', 'plain'],
    ['application/json; charset=utf-8', 'utf-8'],
    ['application/json;charset=UTF8', 'utf8'],
    ['Application/JSON; charset="UTF-8"', 'quoted'],
  ])('%s: accepted', async (contentType, username) => {
    // When a JSON body is sent as UTF-8
    const response = await register(
      JSON.stringify({ username, password: 'xxxxxxxx' }),
      contentType,
    );

    // Then the account is created
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ username });
  });
});

describe('a JSON body nested very deeply', () => {
  /** `{"username":…,"password":…,"extra":[[…]]}`, arrays `depth` deep. */
  const nested = (depth: number, inner = '') =>
    `{"username":"abc","password":"xxxxxxxx","extra":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
  const pointer = `/extra${'/0'.repeat(31)}`;

  it.each([
    ['arrays 5,000 deep', nested(5_000)],
    [
      'arrays 100,000 deep around a __proto__ key',
      nested(100_000, '{"__proto__":{}}'),
    ],
  ])(
    '%s: a 400 VALIDATION_FAILED at the first level too deep',
    async (_, body) => {
      // When the body nests far deeper than any request of the API
      const response = await register(body, 'application/json');

      // Then it is refused as invalid, naming where, and the server lives on
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [
          {
            in: 'body',
            pointer,
            message: 'must not nest arrays and objects more than 32 deep',
          },
        ],
      });
      const health = await fetch(`${directory.url}/v1/health`);
      expect(health.status).toBe(200);
    },
  );

  it('checks a body 32 deep against the schema as usual', async () => {
    // When the body nests exactly as deep as allowed
    const response = await register(nested(31), 'application/json');

    // Then the schema answers: "extra" is not a field of a registration
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ in: 'body', pointer: '/extra' }],
    });
  });
});

describe('a compressed JSON body', () => {
  it.each(['gzip', 'br', 'deflate'])(
    'Content-Encoding: %s is a 415 saying bodies are taken uncompressed',
    async (encoding) => {
      // When a body says it is compressed
      const response = await fetch(`${directory.url}/v1/users`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body: '{"username":"abc","password":"xxxxxxxx"}',
      });

      // Then it is refused as a media type, not as broken JSON
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: `Bodies are accepted uncompressed only, not with Content-Encoding: ${encoding}.`,
      });
    },
  );
});

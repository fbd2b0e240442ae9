import { describe, expect, it } from 'vitest';
import { prepareRenderEnv } from './render-env.js';

describe('prepareRenderEnv', () => {
  it('drops CI on a terminal so Ink draws every frame', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1' };
    prepareRenderEnv(env, true);
    expect(env).toEqual({ NODE_ENV: 'production' });
  });

  it('leaves CI alone without a terminal and keeps a chosen NODE_ENV', () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', NODE_ENV: 'development' };
    prepareRenderEnv(env, false);
    expect(env).toEqual({ CI: 'true', NODE_ENV: 'development' });
  });
});

// Entry point of `pnpm demo` (`node ./dist/demo/main.js`).
import { prepareRenderEnv } from '../app/render-env.js';

if (process.stdin.isTTY && process.stdout.isTTY) {
  prepareRenderEnv(process.env, true);
  const { runDemo } = await import('./run-demo.js');
  await runDemo();
} else {
  process.stderr.write(
    'ferry demo: needs an interactive terminal; run pnpm demo in one\n',
  );
  process.exitCode = 1;
}

// Entry point of `pnpm demo` (`node ./dist/demo/main.js`).
import { prepareRenderEnv } from '../app/render-env.js';

prepareRenderEnv(process.env, process.stdout.isTTY === true);
const { runDemo } = await import('./run-demo.js');
await runDemo();

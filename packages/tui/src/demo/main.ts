// Entry point of `pnpm demo` (`node ./dist/demo/main.js`).
process.env['NODE_ENV'] ??= 'production';
const { runDemo } = await import('./run-demo.js');
await runDemo();

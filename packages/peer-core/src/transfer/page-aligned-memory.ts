/** The part of the WebAssembly API used here (`@types/node` 20 has none). */
declare const WebAssembly: {
  Memory: new (descriptor: {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }) => { readonly buffer: ArrayBuffer | SharedArrayBuffer };
};

/** WebAssembly memory grows in pages of 64 KiB. */
const WASM_PAGE_BYTES = 65_536;

/**
 * Page-aligned memory at least `bytes` long, shared between threads.
 * `O_DIRECT` reads and writes need memory aligned to the disk's block;
 * an ordinary `SharedArrayBuffer` comes from malloc, 16 bytes past a page
 * boundary, while WebAssembly memory is mapped in whole pages.
 */
export function sharedAlignedMemory(bytes: number): SharedArrayBuffer {
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  const { buffer } = new WebAssembly.Memory({
    initial: pages,
    maximum: pages,
    shared: true,
  });
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new Error('shared WebAssembly memory is not a SharedArrayBuffer');
  }
  return buffer;
}

/** Page-aligned memory at least `bytes` long, for one thread. */
export function alignedMemory(bytes: number): Buffer {
  const pages = Math.ceil(bytes / WASM_PAGE_BYTES);
  return Buffer.from(new WebAssembly.Memory({ initial: pages }).buffer);
}

import prettyBytes from 'pretty-bytes';

/** A byte count in decimal units, e.g. "48.2 MB". */
export function formatSize(bytes: number): string {
  return prettyBytes(Math.max(0, bytes), { maximumFractionDigits: 1 });
}

/** A speed in bytes per second, e.g. "24 MB/s"; empty when stopped. */
export function formatSpeed(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? `${formatSize(bytesPerSecond)}/s` : '';
}

/** A count with thousands separators, e.g. "1,204". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

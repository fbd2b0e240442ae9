import { randomBytes } from 'node:crypto';

const WORDS = (
  'ferry river harbour crossing tide current barge dock pier ticket ' +
  'schedule passenger vehicle deck captain crew timetable weather route'
).split(' ');

/** Plain text of `paragraphs` paragraphs with a title, e.g. for notes. */
export function sampleText(title: string, paragraphs: number): string {
  const lines = [`# ${title}`, ''];
  for (let p = 0; p < paragraphs; p += 1) {
    const words = Array.from(
      { length: 60 },
      (_, i) => WORDS[(p * 7 + i * 3) % WORDS.length] ?? 'ferry',
    );
    lines.push(`${words.join(' ')}.`, '');
  }
  return lines.join('\n');
}

/** A CSV table of `rows` rows of figures. */
export function sampleCsv(rows: number): string {
  const lines = ['month,passengers,vehicles,revenue'];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      `2025-${String(i).padStart(2, '0')},${1000 + i * 37},${200 + i * 11},${(i * 1234.5).toFixed(2)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A small SVG drawing. */
export function sampleSvg(label: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120">',
    '<rect width="240" height="120" fill="#1d4e89"/>',
    '<path d="M0 90 Q60 70 120 90 T240 90 V120 H0 Z" fill="#4fa3d1"/>',
    `<text x="20" y="50" fill="white" font-size="28">${label}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** An uncompressed 24-bit BMP picture: a gradient `width`×`height`. */
export function sampleBmp(width: number, height: number, hue: number): Buffer {
  const rowSize = Math.ceil((width * 3) / 4) * 4;
  const pixels = rowSize * height;
  const file = Buffer.alloc(54 + pixels);
  file.write('BM', 0, 'ascii');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  file.writeInt32LE(height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(pixels, 34);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = 54 + y * rowSize + x * 3;
      file[at] = (x * 255) / width;
      file[at + 1] = (y * 255) / height;
      file[at + 2] = hue;
    }
  }
  return file;
}

/** `size` random bytes, standing for an archive, an image or a recording. */
export function sampleBinary(size: number): Buffer {
  return randomBytes(size);
}

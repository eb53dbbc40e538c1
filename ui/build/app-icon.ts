import { crc32, deflateSync } from 'node:zlib';

/**
 * Lectern's icon, drawn here from a few shapes on a 512-unit grid: a lectern (a slanted reading desk on a stem and a
 * foot) in white on the app's accent blue. The same shapes become the SVG and the PNGs of the web app manifest, so
 * no image file is downloaded or committed.
 */
const ACCENT: Rgb = [0x24, 0x54, 0xc5];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GRID = 512;
const CORNER = 112;

type Rgb = [number, number, number];
type Point = [number, number];

/** The lectern's parts as polygons on the grid: the desk (slanted), its lip, the stem and the foot. */
const SHAPES: Point[][] = [
  [[112, 190], [400, 150], [414, 212], [126, 252]],
  [[118, 252], [418, 210], [420, 236], [120, 278]],
  [[232, 268], [292, 260], [292, 392], [232, 392]],
  [[150, 392], [374, 392], [374, 424], [150, 424]],
];

/** The icon as an SVG document. */
export function appIconSvg(): string {
  const polygons = SHAPES.map((shape) => `<polygon points="${shape.map(([x, y]) => `${x},${y}`).join(' ')}"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${GRID} ${GRID}">` +
    `<rect width="${GRID}" height="${GRID}" rx="${CORNER}" fill="${hex(ACCENT)}"/>` +
    `<g fill="${hex(WHITE)}">${polygons}</g></svg>\n`
  );
}

/** The icon as a `size` x `size` PNG (RGBA), each pixel averaged over 3 x 3 samples for smooth edges. */
export function appIconPng(size: number): Buffer {
  const samples = 3;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let x = 0; x < size; x += 1) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const gx = ((x + (sx + 0.5) / samples) * GRID) / size;
          const gy = ((y + (sy + 0.5) / samples) * GRID) / size;
          if (!insideRoundedSquare(gx, gy)) continue;
          if (insideMark(gx, gy)) mark += 1;
          else background += 1;
        }
      }
      const covered = background + mark;
      const offset = 1 + x * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        row[offset + channel] = covered === 0 ? 0 : Math.round((ACCENT[channel]! * background + WHITE[channel]! * mark) / covered);
      }
      row[offset + 3] = Math.round((255 * covered) / (samples * samples));
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, CORNER), GRID - CORNER);
  const cy = Math.min(Math.max(y, CORNER), GRID - CORNER);
  return x >= 0 && y >= 0 && x <= GRID && y <= GRID && (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/** Each shape's bounding box, which rules out most samples before the polygon test. */
const BOXES = SHAPES.map((shape) => ({
  left: Math.min(...shape.map(([x]) => x)),
  right: Math.max(...shape.map(([x]) => x)),
  top: Math.min(...shape.map(([, y]) => y)),
  bottom: Math.max(...shape.map(([, y]) => y)),
}));

function insideMark(x: number, y: number): boolean {
  return SHAPES.some((shape, i) => {
    const box = BOXES[i]!;
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom && insidePolygon(x, y, shape);
  });
}

/** Even-odd ray casting. */
function insidePolygon(x: number, y: number, shape: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = shape.length - 1; i < shape.length; j = i, i += 1) {
    const [xi, yi] = shape[i]!;
    const [xj, yj] = shape[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A PNG file (signature, IHDR for 8-bit RGBA, one IDAT of the filtered rows, IEND), as the PNG specification lays it out. */
function encodePng(width: number, height: number, filteredRows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(filteredRows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

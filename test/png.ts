import { inflateSync } from 'node:zlib';

/** Decoded 8-bit PNG pixels, `channels` bytes per pixel (3 = RGB, 4 = RGBA), rows top to bottom. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/**
 * A minimal PNG decoder for the screenshots Chromium writes (8-bit RGB or RGBA, not interlaced):
 * enough to count pixels without a dependency.
 */
export function decodePng(png: Uint8Array): Pixels {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (view.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < view.length) {
    const length = view.readUInt32BE(offset);
    const type = view.toString('latin1', offset + 4, offset + 8);
    const body = view.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8]!;
      const colorType = body[9]!;
      const interlace = body[12]!;
      if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
        throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[row + x - channels]! : 0;
      const b = y > 0 ? data[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[row - stride + x - channels]! : 0;
      const v = raw[src + x]!;
      let out: number;
      switch (filter) {
        case 0:
          out = v;
          break;
        case 1:
          out = v + a;
          break;
        case 2:
          out = v + b;
          break;
        case 3:
          out = v + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter} on row ${y}`);
      }
      data[row + x] = out & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** Share of pixels that are not (near) white, and how many distinct colours appear (quantised to 5 bits). */
export function inkStats(p: Pixels): { inkShare: number; colours: number } {
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < p.width * p.height; i++) {
    const r = p.data[i * p.channels]!;
    const g = p.data[i * p.channels + 1]!;
    const b = p.data[i * p.channels + 2]!;
    if (r < 245 || g < 245 || b < 245) ink++;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  return { inkShare: ink / (p.width * p.height), colours: colours.size };
}

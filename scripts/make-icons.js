#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script for plain node */
/* global require, module, process, __dirname, console, Buffer */
// Draws the add-in's ribbon and store icons as real PNG files (assets/icon-N.png) with nothing but
// Node's zlib, so the icons are reproducible from source and need no image tool in CI.
// The motif: a speech bubble (deliberation) holding a check mark (validation) on the city's blue.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0, 94, 184];
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Shape in unit coordinates (0..1): 'bubble', 'check' or null (transparent). */
function shapeAt(x, y) {
  const inRoundedRect = (x0, y0, x1, y1, r) => {
    const cx = Math.max(x0 + r, Math.min(x1 - r, x));
    const cy = Math.max(y0 + r, Math.min(y1 - r, y));
    return Math.hypot(x - cx, y - cy) <= r;
  };
  const body = inRoundedRect(0.06, 0.08, 0.94, 0.76, 0.16);
  // The bubble's tail: a triangle under the lower-left of the body.
  const tail = y >= 0.7 && y <= 0.95 && x >= 0.22 && x <= 0.46 && x - 0.22 <= (0.95 - y) * 0.96;
  if (!body && !tail) return null;
  const stroke = 0.085;
  const d = Math.min(
    distanceToSegment(x, y, 0.28, 0.42, 0.44, 0.58),
    distanceToSegment(x, y, 0.44, 0.58, 0.74, 0.26),
  );
  return d <= stroke ? 'check' : 'bubble';
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const shape = shapeAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!shape) continue;
          const c = shape === 'check' ? WHITE : BLUE;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      // Colours are averaged over covered samples only, so edges fade through alpha, not through grey.
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, rgba);
}

function main() {
  const out = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, draw(size));
    console.log(`${path.relative(process.cwd(), file)} ${size}x${size}`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, SIZES };

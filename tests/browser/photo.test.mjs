// Photos as evidence (issue 11): the pipeline in photo.js / photo_web.cpp, run
// through C++ from the page (Module.doorstepPhoto.process). A JPEG carrying
// hand-built EXIF (orientation and GPS location) must come back upright, at most
// 1600 px on the longest side, under 400 KB, with a ~240 px thumbnail, and with
// no EXIF left anywhere.
import { test, assert, assertEqual } from './lib.mjs';

// An APP1 segment: "Exif\0\0" + little-endian TIFF with IFD0 {Orientation,
// GPS pointer} and a GPS IFD {51°30'12.34"N, 0°7'39"W}. Tags in ascending order.
function exifApp1(orientation) {
  const gpsOffset = 8 + (2 + 2 * 12 + 4);
  const latOffset = gpsOffset + (2 + 4 * 12 + 4);
  const lonOffset = latOffset + 24;
  const t = Buffer.alloc(lonOffset + 24);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4);
  let o = 8;
  const entry = (tag, type, count, write) => {
    t.writeUInt16LE(tag, o);
    t.writeUInt16LE(type, o + 2);
    t.writeUInt32LE(count, o + 4);
    write(o + 8);
    o += 12;
  };
  t.writeUInt16LE(2, o); o += 2;
  entry(0x0112, 3, 1, (at) => t.writeUInt16LE(orientation, at));  // Orientation, SHORT
  entry(0x8825, 4, 1, (at) => t.writeUInt32LE(gpsOffset, at));    // GPSInfo IFD pointer
  t.writeUInt32LE(0, o); o += 4;
  t.writeUInt16LE(4, o); o += 2;
  entry(0x0001, 2, 2, (at) => t.write('N\0', at, 'latin1'));       // GPSLatitudeRef
  entry(0x0002, 5, 3, (at) => t.writeUInt32LE(latOffset, at));     // GPSLatitude, 3 RATIONAL
  entry(0x0003, 2, 2, (at) => t.write('W\0', at, 'latin1'));       // GPSLongitudeRef
  entry(0x0004, 5, 3, (at) => t.writeUInt32LE(lonOffset, at));     // GPSLongitude
  t.writeUInt32LE(0, o);
  [[51, 1], [30, 1], [1234, 100]].forEach(([n, d], i) => { t.writeUInt32LE(n, latOffset + i * 8); t.writeUInt32LE(d, latOffset + i * 8 + 4); });
  [[0, 1], [7, 1], [3900, 100]].forEach(([n, d], i) => { t.writeUInt32LE(n, lonOffset + i * 8); t.writeUInt32LE(d, lonOffset + i * 8 + 4); });
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return [...Buffer.concat([head, payload])];
}

// The markers of a JPEG's header segments, up to the start of scan ("ffd8", "ffe0", ...).
function jpegMarkers(bytes) {
  const out = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return ['not a JPEG'];
  out.push('ffd8');
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    out.push('ff' + marker.toString(16));
    if (marker === 0xda) break;  // start of scan: entropy-coded data follows
    i += 2 + ((bytes[i + 2] << 8) | bytes[i + 3]);
  }
  return out;
}

function hasAscii(bytes, text) {
  return Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));
}

test('a JPEG with EXIF GPS comes back upright, ≤1600 px, under 400 KB, with a thumbnail and no EXIF', async (t) => {
  const { page } = await t.openApp();
  const r = await page.evaluate(async (app1) => {
    // 2400×1200 stored pixels: red left half, blue right half, blocky noise so the JPEG is large.
    const w = 2400, h = 1200;
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(w, h);
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let y = 0; y < h; y += 2) {
      for (let x = 0; x < w; x += 2) {
        const n = (rnd() - 0.5) * 90;
        const base = x < w / 2 ? [200, 40, 40] : [40, 40, 200];
        for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
          const p = ((y + dy) * w + (x + dx)) * 4;
          img.data[p] = base[0] + n; img.data[p + 1] = base[1] + n; img.data[p + 2] = base[2] + n; img.data[p + 3] = 255;
        }
      }
    }
    ctx.putImageData(img, 0, 0);
    const plain = new Uint8Array(await (await new Promise((res) => c.toBlob(res, 'image/jpeg', 0.95))).arrayBuffer());
    const source = new Uint8Array(plain.length + app1.length);
    source.set(plain.subarray(0, 2), 0);            // SOI
    source.set(app1, 2);                            // EXIF right after it
    source.set(plain.subarray(2), 2 + app1.length);

    // The test's own EXIF must be readable, or the orientation check below proves nothing.
    const decoded = await createImageBitmap(new Blob([source], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
    const sourceUpright = [decoded.width, decoded.height];
    decoded.close();

    const t0 = performance.now();
    const out = await Module.doorstepPhoto.process(source, 'image/jpeg');
    const ms = Math.round(performance.now() - t0);
    if (!out.ok) return { ok: false, message: out.message };

    // Colours of the result's top and bottom halves.
    const bmp = await createImageBitmap(new Blob([out.jpeg], { type: 'image/jpeg' }));
    const k = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
    k.drawImage(bmp, 0, 0);
    const mean = (cx, cy) => {
      const d = k.getImageData(cx - 20, cy - 20, 40, 40).data;
      const s = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) { s[0] += d[i]; s[1] += d[i + 1]; s[2] += d[i + 2]; }
      return s.map((v) => Math.round(v / (d.length / 4)));
    };
    const thumb = await createImageBitmap(new Blob([out.thumbnail], { type: 'image/jpeg' }));
    return {
      ok: true,
      sourceSize: source.length,
      sourceUpright,
      sourceHasExif: true,
      width: out.width, height: out.height,
      decodedSize: [bmp.width, bmp.height],
      thumbWidth: out.thumbWidth, thumbHeight: out.thumbHeight,
      thumbDecoded: [thumb.width, thumb.height],
      sourceWidth: out.sourceWidth, sourceHeight: out.sourceHeight,
      quality: out.quality,
      ms,
      top: mean(bmp.width / 2, bmp.height / 4),
      bottom: mean(bmp.width / 2, (3 * bmp.height) / 4),
      jpeg: Array.from(out.jpeg),
      thumbnail: Array.from(out.thumbnail),
    };
  }, exifApp1(6));

  assert(r.ok, `the pipeline failed: ${r.message}`);
  console.log(`     source ${r.sourceSize} bytes ${r.sourceUpright.join('×')} upright → ${r.jpeg.length} bytes ` +
              `${r.width}×${r.height} at quality ${r.quality} in ${r.ms} ms; thumbnail ${r.thumbnail.length} bytes ${r.thumbWidth}×${r.thumbHeight}`);
  assertEqual(r.sourceUpright, [1200, 2400], 'the test JPEG, decoded with its EXIF orientation 6');
  assert(r.sourceSize > 400_000, `the test JPEG should be over 400 KB to exercise the quality steps, is ${r.sourceSize}`);

  // Upright (orientation 6: the stored left half, red, is the top) and scaled to 1600 on the long side.
  assertEqual([r.sourceWidth, r.sourceHeight], [1200, 2400], 'size as decoded');
  assertEqual([r.width, r.height], [800, 1600], 'kept photo size');
  assertEqual(r.decodedSize, [800, 1600], 'kept photo size as decoded again');
  assert(r.top[0] > r.top[2] + 80, `top half should be red, is rgb(${r.top})`);
  assert(r.bottom[2] > r.bottom[0] + 80, `bottom half should be blue, is rgb(${r.bottom})`);

  // Under 400 KB, stepped down from the first quality.
  assert(r.jpeg.length < 400_000, `kept photo is ${r.jpeg.length} bytes, not under 400 KB`);
  assert(r.quality > 0 && r.quality < 0.85, `expected the quality to step down below 0.85, used ${r.quality}`);

  // Thumbnail: 240 px on the long side.
  assertEqual([r.thumbWidth, r.thumbHeight], [120, 240], 'thumbnail size');
  assertEqual(r.thumbDecoded, [120, 240], 'thumbnail size as decoded');

  // No metadata: no APP1 segment and no "Exif" (nor the GPS reference letters' IFD) anywhere.
  for (const [name, bytes] of [['photo', r.jpeg], ['thumbnail', r.thumbnail]]) {
    const markers = jpegMarkers(bytes);
    assert(markers[0] === 'ffd8' && markers.includes('ffda'), `${name}: not a well-formed JPEG (${markers.join(' ')})`);
    assert(!markers.includes('ffe1'), `${name}: still has an APP1 (EXIF/XMP) segment: ${markers.join(' ')}`);
    assert(!hasAscii(bytes, 'Exif'), `${name}: the bytes still contain "Exif"`);
  }
});

test('a small PNG with transparency is not enlarged and comes back as JPEG on white', async (t) => {
  const { page } = await t.openApp();
  const r = await page.evaluate(async () => {
    const c = new OffscreenCanvas(300, 200);
    const ctx = c.getContext('2d');
    ctx.fillStyle = 'rgba(0, 0, 0, 1)';
    ctx.fillRect(0, 0, 150, 200);  // right half stays transparent
    const png = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    const out = await Module.doorstepPhoto.process(png, 'image/png');
    if (!out.ok) return { ok: false, message: out.message };
    const bmp = await createImageBitmap(new Blob([out.jpeg], { type: 'image/jpeg' }));
    const k = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
    k.drawImage(bmp, 0, 0);
    return {
      ok: true, width: out.width, height: out.height, thumb: [out.thumbWidth, out.thumbHeight],
      quality: out.quality, head: Array.from(out.jpeg.subarray(0, 3)),
      right: Array.from(k.getImageData(250, 100, 1, 1).data.subarray(0, 3)),
    };
  });
  assert(r.ok, `the pipeline failed: ${r.message}`);
  assertEqual([r.width, r.height], [300, 200], 'a small image keeps its size');
  assertEqual(r.thumb, [240, 160], 'thumbnail size');
  assertEqual(r.head, [0xff, 0xd8, 0xff], 'output is a JPEG');
  assertEqual(r.quality, 0.85, 'a small image fits at the first quality');
  assert(r.right.every((v) => v > 240), `transparent pixels should be white, are rgb(${r.right})`);
});

test('documents are not processed, and an undecodable image says so', async (t) => {
  const { page } = await t.openApp();
  const r = await page.evaluate(async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const a = await Module.doorstepPhoto.process(pdf, 'application/pdf');
    const b = await Module.doorstepPhoto.process(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'image/jpeg');
    return { pdf: [a.ok, a.jpeg.length, a.message], broken: [b.ok, b.jpeg.length, b.message] };
  });
  assertEqual(r.pdf.slice(0, 2), [false, 0], 'a PDF is not processed');
  assert(/not a photo/.test(r.pdf[2]), `PDF message: ${r.pdf[2]}`);
  assertEqual(r.broken.slice(0, 2), [false, 0], 'a broken JPEG gives no photo');
  assert(/could not be prepared/.test(r.broken[2]), `broken JPEG message: ${r.broken[2]}`);
});

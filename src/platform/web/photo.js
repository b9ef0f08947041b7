/**
 * The browser half of the photo pipeline (photo_web.h): decode with
 * createImageBitmap, turned upright from the EXIF orientation; draw at most
 * 1600 px on the longest side; encode JPEG with the quality stepped down until
 * it is under the byte limit; a ~240 px thumbnail. Only pixels are encoded, so
 * no metadata (EXIF, GPS location) survives.
 *
 * Module.doorstepPhoto.process(bytes, mime) runs the same pipeline from the
 * page through C++ (photo_process), for the browser tests; it resolves to
 * {ok, jpeg, thumbnail, width, height, thumbWidth, thumbHeight, sourceWidth,
 * sourceHeight, quality, message}.
 */
var LibraryDoorstepPhoto = {
  $DoorstepPhoto__deps: ['malloc', 'free'],
  $DoorstepPhoto__postset: 'DoorstepPhoto.installTestHook();',
  $DoorstepPhoto: {
    // Qualities tried in turn; most photos fit at the first or second.
    qualities: [0.85, 0.78, 0.7, 0.62, 0.55, 0.48, 0.4, 0.33, 0.26],
    minSide: 320,  // never shrink below this to meet the byte limit
    tests: {},
    nextTest: 1,

    fit: function(width, height, side) {
      var scale = Math.min(1, side / Math.max(width, height));
      return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
    },

    canvas: function(width, height) {
      if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
      var c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      return c;
    },

    // White behind transparent pixels: JPEG has no alpha, and black would hide dark marks.
    draw: function(source, width, height) {
      var c = DoorstepPhoto.canvas(width, height);
      var ctx = c.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(source, 0, 0, width, height);
      return c;
    },

    encode: function(canvas, quality) {
      if (canvas.convertToBlob) return canvas.convertToBlob({type: 'image/jpeg', quality: quality});
      return new Promise(function(resolve, reject) {
        canvas.toBlob(function(blob) {
          if (blob) resolve(blob); else reject(new Error('the browser could not encode a JPEG'));
        }, 'image/jpeg', quality);
      });
    },

    // The first quality whose JPEG is under maxBytes; if none is, the picture
    // is made smaller (three quarters each time) and tried again.
    encodeUnder: function(source, width, height, maxBytes) {
      var qualities = DoorstepPhoto.qualities;
      var canvas = DoorstepPhoto.draw(source, width, height);
      var attempt = function(i) {
        return DoorstepPhoto.encode(canvas, qualities[i]).then(function(blob) {
          if (blob.size < maxBytes) return {blob: blob, width: width, height: height, quality: qualities[i]};
          if (i + 1 < qualities.length) return attempt(i + 1);
          var smaller = DoorstepPhoto.fit(width, height, Math.round(Math.max(width, height) * 0.75));
          if (Math.min(smaller[0], smaller[1]) < DoorstepPhoto.minSide) {
            throw new Error('it could not be made smaller than ' + Math.round(maxBytes / 1000) + ' KB');
          }
          return DoorstepPhoto.encodeUnder(canvas, smaller[0], smaller[1], maxBytes);
        });
      };
      return attempt(0);
    },

    bytesOf: function(blob) {
      return blob.arrayBuffer().then(function(buffer) { return new Uint8Array(buffer); });
    },

    // bytes: Uint8Array; resolves to the result object (see the top of this file).
    run: function(bytes, mime, maxSide, maxBytes, thumbSide) {
      var bitmap = null;
      var out = {};
      return createImageBitmap(new Blob([bytes], {type: mime}), {imageOrientation: 'from-image'})
        .then(function(b) {
          bitmap = b;
          out.sourceWidth = b.width;
          out.sourceHeight = b.height;
          var size = DoorstepPhoto.fit(b.width, b.height, maxSide);
          return DoorstepPhoto.encodeUnder(b, size[0], size[1], maxBytes);
        })
        .then(function(main) {
          out.width = main.width;
          out.height = main.height;
          out.quality = main.quality;
          out.mainBlob = main.blob;
          var t = DoorstepPhoto.fit(bitmap.width, bitmap.height, thumbSide);
          out.thumbWidth = t[0];
          out.thumbHeight = t[1];
          return DoorstepPhoto.encode(DoorstepPhoto.draw(bitmap, t[0], t[1]), 0.7);
        })
        .then(function(thumbBlob) {
          return Promise.all([DoorstepPhoto.bytesOf(out.mainBlob), DoorstepPhoto.bytesOf(thumbBlob)]);
        })
        .then(function(parts) {
          if (bitmap) bitmap.close();
          delete out.mainBlob;
          out.jpeg = parts[0];
          out.thumbnail = parts[1];
          return out;
        }, function(error) {
          if (bitmap) bitmap.close();
          throw error;
        });
    },

    // Copies each array into wasm memory for the call, then frees it.
    withBytes: function(arrays, fn) {
      var ptrs = arrays.map(function(a) {
        var p = _malloc(Math.max(1, a.length));
        HEAPU8.set(a, p);  // HEAPU8 read after malloc: memory may have grown
        return p;
      });
      try { return fn(ptrs); } finally { ptrs.forEach(function(p) { _free(p); }); }
    },

    withString: function(text, fn) {
      var size = lengthBytesUTF8(text) + 1;
      var p = _malloc(size);
      stringToUTF8(text, p, size);
      try { return fn(p); } finally { _free(p); }
    },

    installTestHook: function() {
      Module['doorstepPhoto'] = {
        process: function(bytes, mime) {
          var request = DoorstepPhoto.nextTest++;
          var u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
          return new Promise(function(resolve) {
            DoorstepPhoto.tests[request] = resolve;
            DoorstepPhoto.withBytes([u8], function(ptrs) {
              DoorstepPhoto.withString(String(mime), function(m) {
                _doorstep_photo_test(request, ptrs[0], u8.length, m);
              });
            });
          });
        },
      };
    },
  },

  doorstep_photo_start__deps: ['$DoorstepPhoto'],
  doorstep_photo_start: function(request, ptr, size, mimePtr, maxSide, maxBytes, thumbSide) {
    var bytes = HEAPU8.slice(ptr, ptr + size);  // a copy: the caller's buffer goes away
    var mime = UTF8ToString(mimePtr);
    var deliver = function(ok, r, message) {
      var jpeg = ok ? r.jpeg : new Uint8Array(0);
      var thumb = ok ? r.thumbnail : new Uint8Array(0);
      DoorstepPhoto.withBytes([jpeg, thumb], function(ptrs) {
        DoorstepPhoto.withString(message, function(m) {
          _doorstep_photo_done(request, ok ? 1 : 0, ptrs[0], jpeg.length, ptrs[1], thumb.length,
                               ok ? r.width : 0, ok ? r.height : 0, ok ? r.thumbWidth : 0, ok ? r.thumbHeight : 0,
                               ok ? r.sourceWidth : 0, ok ? r.sourceHeight : 0, ok ? r.quality : 0, m);
        });
      });
    };
    DoorstepPhoto.run(bytes, mime, maxSide, maxBytes, thumbSide).then(function(r) {
      deliver(true, r, '');
    }, function(error) {
      var why = error && error.message ? error.message : String(error);
      deliver(false, null, 'This photo could not be prepared (' + mime + '): ' + why +
              '. Try another photo, or take it again with the camera.');
    });
  },

  doorstep_photo_test_done__deps: ['$DoorstepPhoto'],
  doorstep_photo_test_done: function(request, ok, jpegPtr, jpegSize, thumbPtr, thumbSize, width, height,
                                     thumbWidth, thumbHeight, sourceWidth, sourceHeight, quality, messagePtr) {
    var resolve = DoorstepPhoto.tests[request];
    delete DoorstepPhoto.tests[request];
    if (!resolve) return;
    resolve({
      ok: ok !== 0,
      jpeg: HEAPU8.slice(jpegPtr, jpegPtr + jpegSize),
      thumbnail: HEAPU8.slice(thumbPtr, thumbPtr + thumbSize),
      width: width, height: height, thumbWidth: thumbWidth, thumbHeight: thumbHeight,
      sourceWidth: sourceWidth, sourceHeight: sourceHeight, quality: quality,
      message: UTF8ToString(messagePtr),
    });
  },
};

mergeInto(LibraryManager.library, LibraryDoorstepPhoto);

/**
 * The browser half of image_web.cpp: decode stored image bytes with
 * createImageBitmap (upright from EXIF orientation; made smaller when larger
 * than max_side) and upload the bitmap into the texture C++ has bound, on the
 * WebGL context ImGui draws with.
 */
var LibraryDoorstepImage = {
  $DSImage: {
    bitmaps: {},    // request -> ImageBitmap waiting for its texture
    dropped: {},    // requests C++ no longer wants (decode still running)

    decode: function(bytes, mime, maxSide) {
      var blob = new Blob([bytes], mime ? {type: mime} : {});
      return createImageBitmap(blob, {imageOrientation: 'from-image'}).then(function(b) {
        var longest = Math.max(b.width, b.height);
        if (longest <= maxSide) return b;
        var scale = maxSide / longest;
        return createImageBitmap(b, {
          resizeWidth: Math.max(1, Math.round(b.width * scale)),
          resizeHeight: Math.max(1, Math.round(b.height * scale)),
          resizeQuality: 'high',
        }).then(function(smaller) {
          b.close();
          return smaller;
        });
      });
    },

    report: function(request, ok, width, height, message) {
      var size = lengthBytesUTF8(message) + 1;
      var p = _malloc(size);
      stringToUTF8(message, p, size);
      try { _doorstep_image_decoded(request, ok, width, height, p); } finally { _free(p); }
    },
  },

  doorstep_image_decode__deps: ['$DSImage', 'malloc', 'free'],
  doorstep_image_decode: function(request, ptr, size, mimePtr, maxSide) {
    var bytes = HEAPU8.slice(ptr, ptr + size);  // a copy: the caller's buffer goes away
    var mime = UTF8ToString(mimePtr);
    DSImage.decode(bytes, mime, maxSide).then(function(bitmap) {
      if (DSImage.dropped[request]) {
        delete DSImage.dropped[request];
        bitmap.close();
        return;
      }
      DSImage.bitmaps[request] = bitmap;
      DSImage.report(request, 1, bitmap.width, bitmap.height, '');
      // C++ uploads it during that call; anything left is not wanted.
      if (DSImage.bitmaps[request]) {
        DSImage.bitmaps[request].close();
        delete DSImage.bitmaps[request];
      }
    }, function(error) {
      delete DSImage.dropped[request];
      var why = error && error.message ? error.message : String(error);
      DSImage.report(request, 0, 0, 0, 'the browser could not decode it (' + why + ')');
    });
  },

  doorstep_image_upload__deps: ['$DSImage', '$GL'],
  doorstep_image_upload: function(request) {
    var bitmap = DSImage.bitmaps[request];
    if (!bitmap) return 0;
    delete DSImage.bitmaps[request];
    try {
      GLctx.pixelStorei(GLctx.UNPACK_FLIP_Y_WEBGL, false);
      GLctx.pixelStorei(GLctx.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
      GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, bitmap);
      return GLctx.getError() === GLctx.NO_ERROR ? 1 : 0;
    } catch (e) {
      return 0;
    } finally {
      bitmap.close();
    }
  },

  doorstep_image_discard__deps: ['$DSImage'],
  doorstep_image_discard: function(request) {
    var bitmap = DSImage.bitmaps[request];
    if (bitmap) {
      bitmap.close();
      delete DSImage.bitmaps[request];
    } else {
      DSImage.dropped[request] = true;
    }
  },
};

mergeInto(LibraryManager.library, LibraryDoorstepImage);

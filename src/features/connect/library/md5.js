// MD5 (RFC 1321) and the REST API's request signature, for Hearth's Connect library.
// Written for Hearth from the RFC's description; a unit test checks it against Node's crypto.
// This file is the first part of FeatureLoader.js.php and runs in the page, before the rest.
var HearthSigning = (function () {
  'use strict';

  // The 64 additive constants: floor(abs(sin(i + 1)) * 2^32).
  var K = [];
  for (var i = 0; i < 64; i++) K[i] = (Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
  var SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

  function utf8Bytes(text) {
    var bytes = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      // A surrogate pair is one code point; a lone surrogate becomes U+FFFD, as TextEncoder does.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        var low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        } else code = 0xfffd;
      } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
      if (code < 0x80) bytes.push(code);
      else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
      else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
      else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    }
    return bytes;
  }

  function rotateLeft(x, n) {
    return (x << n) | (x >>> (32 - n));
  }

  /** Lower-case hex MD5 of the UTF-8 bytes of `text`. */
  function md5(text) {
    var bytes = utf8Bytes(String(text));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    // The length in bits, 64-bit little-endian (the high word is zero below 512 MB).
    for (var b = 0; b < 4; b++) bytes.push((bitLength >>> (8 * b)) & 255);
    var high = Math.floor(bitLength / 4294967296);
    for (var h = 0; h < 4; h++) bytes.push((high >>> (8 * h)) & 255);

    var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    var words = new Array(16);
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var w = 0; w < 16; w++) {
        var p = offset + w * 4;
        words[w] = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
      }
      var a = a0, bb = b0, c = c0, d = d0;
      for (var step = 0; step < 64; step++) {
        var f, g;
        if (step < 16) {
          f = (bb & c) | (~bb & d);
          g = step;
        } else if (step < 32) {
          f = (d & bb) | (~d & c);
          g = (5 * step + 1) % 16;
        } else if (step < 48) {
          f = bb ^ c ^ d;
          g = (3 * step + 5) % 16;
        } else {
          f = c ^ (bb | ~d);
          g = (7 * step) % 16;
        }
        var next = d;
        d = c;
        c = bb;
        bb = (bb + rotateLeft((a + f + K[step] + words[g]) | 0, SHIFTS[(step >> 4) * 4 + (step % 4)])) | 0;
        a = next;
      }
      a0 = (a0 + a) | 0;
      b0 = (b0 + bb) | 0;
      c0 = (c0 + c) | 0;
      d0 = (d0 + d) | 0;
    }
    var hex = '';
    var state = [a0, b0, c0, d0];
    for (var s = 0; s < 4; s++) {
      for (var byte = 0; byte < 4; byte++) {
        var value = (state[s] >>> (8 * byte)) & 255;
        hex += (value < 16 ? '0' : '') + value.toString(16);
      }
    }
    return hex;
  }

  // Keys in UTF-8 byte order, as the server (and PHP's ksort) sorts them; for the ASCII names of
  // the API this is plain code-unit order.
  function compareKeys(x, y) {
    var bx = utf8Bytes(x), by = utf8Bytes(y);
    for (var i = 0; i < Math.min(bx.length, by.length); i++) if (bx[i] !== by[i]) return bx[i] - by[i];
    return bx.length - by.length;
  }

  /** The REST API's `sig`: every parameter but `sig`, sorted by name, `name=value` concatenated, the secret appended, MD5. */
  function signature(params, secret) {
    var names = [];
    for (var name in params) if (Object.prototype.hasOwnProperty.call(params, name) && name !== 'sig') names.push(name);
    names.sort(compareKeys);
    var base = '';
    for (var n = 0; n < names.length; n++) base += names[n] + '=' + params[names[n]];
    return md5(base + secret);
  }

  return { md5: md5, signature: signature };
})();

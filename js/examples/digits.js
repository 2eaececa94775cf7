'use strict';
// The digits data set the Python tutorial example trains on (examples/digits.py), read
// from tests/data/digits.csv (made by tests/data/make_digits.py from scikit-learn):
// 8x8 images scaled to 0..255 and up-sampled to 28x28 = 784 inputs by the same linear
// interpolation as scipy.ndimage.zoom(order=1), with the same held-out quarter.

const fs = require('fs');
const path = require('path');

const CSV = path.resolve(__dirname, '..', '..', 'tests', 'data', 'digits.csv');

/** Up-samples an 8x8 image to 28x28: output index o samples input coordinate o * 7/27. */
function zoom28(src, dst, dstOffset) {
  const coord = new Float64Array(28);
  for (let o = 0; o < 28; o++) coord[o] = (o * 7) / 27;
  const rows = new Float64Array(28 * 8);
  for (let o = 0; o < 28; o++) { // along axis 0
    const i0 = Math.floor(coord[o]);
    const i1 = Math.min(i0 + 1, 7);
    const f = coord[o] - i0;
    for (let c = 0; c < 8; c++) rows[o * 8 + c] = src[i0 * 8 + c] * (1 - f) + src[i1 * 8 + c] * f;
  }
  for (let r = 0; r < 28; r++) { // along axis 1
    for (let o = 0; o < 28; o++) {
      const i0 = Math.floor(coord[o]);
      const i1 = Math.min(i0 + 1, 7);
      const f = coord[o] - i0;
      const v = rows[r * 8 + i0] * (1 - f) + rows[r * 8 + i1] * f;
      dst[dstOffset + r * 28 + o] = Math.min(255, Math.max(0, v));
    }
  }
}

/**
 * {trainX, trainY, testX, testY}: X are Float32Arrays of n * 784 values in [0, 255]
 * (row-major, one image a row), Y Float32Arrays of labels; nTrain / nTest the counts.
 */
function load(file = CSV) {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  if (header[0] !== 'label' || header[1] !== 'test' || header.length !== 66) {
    throw new Error(`${file}: unexpected header (expected label,test,p0..p63)`);
  }
  const train = [];
  const test = [];
  for (let i = 1; i < lines.length; i++) {
    const v = lines[i].split(',').map(Number);
    (v[1] ? test : train).push(v);
  }
  const pack = (rows) => {
    const x = new Float32Array(rows.length * 784);
    const y = new Float32Array(rows.length);
    const img = new Float64Array(64);
    rows.forEach((v, k) => {
      // float32 arithmetic like the Python example: pixels * (255 / 16) in float32.
      for (let p = 0; p < 64; p++) img[p] = Math.fround(v[2 + p] * Math.fround(255 / 16));
      zoom28(img, x, k * 784);
      y[k] = v[0];
    });
    return [x, y];
  };
  const [trainX, trainY] = pack(train);
  const [testX, testY] = pack(test);
  return { trainX, trainY, testX, testY, nTrain: train.length, nTest: test.length };
}

module.exports = { load, zoom28 };

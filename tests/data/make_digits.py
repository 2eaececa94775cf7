"""Writes tests/data/digits.csv: scikit-learn's handwritten digits (load_digits, 1797
8x8 images, pixel values 0..16) for the bindings that cannot import scikit-learn
(JavaScript, R, Julia). Run: python3 tests/data/make_digits.py

Columns: label, test, p0 .. p63.
- label: the digit 0..9.
- test: 1 when the image is in the held-out quarter that examples/digits.py uses
  (numpy RandomState(0) permutation, first 25% = test), so every language trains and
  evaluates on the same split as the Python tutorial.
- p0 .. p63: the 8x8 image, row-major, integers 0..16.

examples/digits.py turns an image into 784 inputs as: pixels * 255/16, up-sampled
8x8 -> 28x28 by linear interpolation (scipy.ndimage.zoom(order=1): output index o
samples input coordinate o * 7/27 along each axis), clipped to 0..255. Bindings do the
same in their own language.
"""
import os

import numpy as np
from sklearn.datasets import load_digits

HERE = os.path.dirname(os.path.abspath(__file__))


def main(seed=0, test_fraction=0.25):
    d = load_digits()
    n = len(d.target)
    idx = np.random.RandomState(seed).permutation(n)
    test = np.zeros(n, dtype=np.int64)
    test[idx[:int(n * test_fraction)]] = 1
    pixels = d.images.reshape(n, 64).astype(np.int64)
    path = os.path.join(HERE, "digits.csv")
    with open(path + ".tmp", "w") as f:
        f.write(",".join(["label", "test"] + ["p%d" % i for i in range(64)]) + "\n")
        for i in range(n):
            f.write(",".join(str(int(v)) for v in [d.target[i], test[i]] + list(pixels[i])) + "\n")
    os.replace(path + ".tmp", path)
    print("wrote %s: %d images, %d held out" % (path, n, int(test.sum())))


if __name__ == "__main__":
    main()

"""A real handwritten-digits dataset that ships with scikit-learn (no download):
load_digits' 8x8 images, up-sampled to the 28x28 = 784 inputs of MNIST-style models
and scaled to MNIST's 0..255 pixel range.
"""
import numpy as np


def load(seed=0, test_fraction=0.25):
    """(train_x, train_y, test_x, test_y): x is (n, 784) float32 in [0, 255]."""
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    d = load_digits()
    images = d.images.astype(np.float32) * (255.0 / 16.0)
    big = np.stack([zoom(im, 3.5, order=1) for im in images])  # 8x8 -> 28x28
    x = np.clip(big, 0, 255).reshape(len(big), 28 * 28).astype(np.float32)
    y = d.target.astype(np.float32)
    idx = np.random.RandomState(seed).permutation(len(x))
    n_test = int(len(x) * test_fraction)
    te, tr = idx[:n_test], idx[n_test:]
    return x[tr], y[tr], x[te], y[te]

#!/usr/bin/python3
"""Writes the stratified Fashion-MNIST subset that descent embeds in its jar.

Run with Debian's interpreter (numpy from python3-numpy; run here with Python 3.11.2, numpy 1.24.2):
    /usr/bin/python3 tools/train_make_embedded_subset.py [--src /usr/share/datasets/fashion-mnist] [--seed 0]

Reads the four original gzipped IDX files (Debian package dataset-fashion-mnist) and keeps
600 training and 100 test images per class (6,000 + 1,000), chosen uniformly without replacement
by numpy.random.default_rng(seed) within each class, kept in their original file order.
Writes gzipped IDX files to descent-data-fashion-mnist-subset/src/main/resources/dev/descent/data/fashionmnist/embedded-*.gz.
Fashion-MNIST is (c) 2017 Zalando SE, MIT licence (see NOTICE next to the resources).
"""
import argparse
import gzip
import os
import struct

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--src", default="/usr/share/datasets/fashion-mnist")
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--train-per-class", type=int, default=600)
ap.add_argument("--test-per-class", type=int, default=100)
args = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_dir = os.path.join(root, "descent-data-fashion-mnist-subset/src/main/resources/dev/descent/data/fashionmnist")


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    assert data[0] == 0 and data[1] == 0 and data[2] == 0x08, path
    k = data[3]
    dims = struct.unpack(">" + "I" * k, data[4:4 + 4 * k])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * k).reshape(dims)


def write_idx(path, arr):
    header = bytes([0, 0, 0x08, arr.ndim]) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    # mtime=0 makes the gzip bytes reproducible
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(header + arr.astype(np.uint8).tobytes())


rng = np.random.default_rng(args.seed)
for split, src, per in (("train", "train", args.train_per_class), ("t10k", "t10k", args.test_per_class)):
    x = read_idx(os.path.join(args.src, f"{src}-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(args.src, f"{src}-labels-idx1-ubyte.gz"))
    keep = np.sort(np.concatenate([rng.choice(np.flatnonzero(y == c), per, replace=False) for c in range(10)]))
    write_idx(os.path.join(out_dir, f"embedded-{split}-images-idx3-ubyte.gz"), x[keep])
    write_idx(os.path.join(out_dir, f"embedded-{split}-labels-idx1-ubyte.gz"), y[keep])
    print(split, x[keep].shape, np.bincount(y[keep]).tolist())

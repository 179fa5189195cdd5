#!/usr/bin/python3
"""Torch reference for descent's softmax-regression training test on the embedded subset.

Run with Debian's interpreter and torch 1.13 (python3-torch):
    /usr/bin/python3 tools/train_softmax_reference.py > descent-core/src/test/resources/dev/descent/train/softmax_reference.txt

Softmax regression (torch.nn.Linear(784, 10), weights and bias initialized to zero, as descent's
`softmax` model spec), cross-entropy, trained by full-batch gradient descent (torch.optim.SGD,
lr 0.05, no momentum) on the 6,000 embedded training images (pixels / 255 in float32), 20 steps.
Full-batch so that no batch order has to match. Prints the torch version, the training loss
before each step (the loss the step's gradient comes from), then the final training loss and the
test loss and accuracy on the 1,000 embedded test images, one "key value" per line.
"""
import gzip
import os
import struct

import numpy as np
import torch
import torch.nn.functional as F

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
res = os.path.join(root, "descent-data-fashion-mnist-subset/src/main/resources/dev/descent/data/fashionmnist")


def read_idx(name):
    with gzip.open(os.path.join(res, name), "rb") as f:
        data = f.read()
    k = data[3]
    dims = struct.unpack(">" + "I" * k, data[4:4 + 4 * k])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * k).reshape(dims)


scale = np.float32(1.0 / 255.0)
xtr = torch.from_numpy(read_idx("embedded-train-images-idx3-ubyte.gz").reshape(6000, -1).astype(np.float32) * scale)
ytr = torch.from_numpy(read_idx("embedded-train-labels-idx1-ubyte.gz").astype(np.int64))
xte = torch.from_numpy(read_idx("embedded-t10k-images-idx3-ubyte.gz").reshape(1000, -1).astype(np.float32) * scale)
yte = torch.from_numpy(read_idx("embedded-t10k-labels-idx1-ubyte.gz").astype(np.int64))

torch.set_num_threads(1)
model = torch.nn.Linear(784, 10)
with torch.no_grad():
    model.weight.zero_()
    model.bias.zero_()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
print("torch", torch.__version__)
for step in range(30):
    loss = F.cross_entropy(model(xtr), ytr)
    print("loss_%d %.9g" % (step, loss.item()))
    opt.zero_grad()
    loss.backward()
    opt.step()
with torch.no_grad():
    print("final_train_loss %.9g" % F.cross_entropy(model(xtr), ytr).item())
    out = model(xte)
    print("test_loss %.9g" % F.cross_entropy(out, yte).item())
    print("test_accuracy %.9g" % (out.argmax(1) == yte).float().mean().item())

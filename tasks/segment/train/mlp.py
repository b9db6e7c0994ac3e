"""A small multi-layer perceptron trained with Adam, in numpy: no framework to install, and the
same seed gives the same weights on every machine."""

from __future__ import annotations

import numpy as np


def train_mlp(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    classes: int,
    hidden: tuple[int, ...] = (128, 64),
    epochs: int = 30,
    batch: int = 512,
    lr: float = 2e-3,
    l2: float = 1e-5,
    seed: int = 0,
    valid: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    log=print,
) -> list[np.ndarray]:
    """Weights [W1, b1, …] minimising weighted cross-entropy; X must be standardised already.

    With `valid`, the weights of the epoch with the lowest validation loss are returned."""
    rng = np.random.default_rng(seed)
    sizes = [X.shape[1], *hidden, classes]
    params: list[np.ndarray] = []
    for a, b in zip(sizes, sizes[1:], strict=False):
        params.append((rng.standard_normal((a, b)) * np.sqrt(2.0 / a)).astype(np.float32))
        params.append(np.zeros(b, dtype=np.float32))
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    step = 0
    best, best_loss = [p.copy() for p in params], np.inf
    n = len(X)
    for epoch in range(epochs):
        order = rng.permutation(n)
        total = 0.0
        rate = lr * (0.5 * (1 + np.cos(np.pi * epoch / epochs)))  # cosine decay
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            xb, yb, wb = X[idx], y[idx], w[idx]
            acts = [xb]
            h = xb
            for i in range(0, len(params), 2):
                h = h @ params[i] + params[i + 1]
                if i + 2 < len(params):
                    h = np.maximum(h, 0)
                acts.append(h)
            z = acts[-1] - acts[-1].max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            wsum = wb.sum()
            total += float(-(wb * np.log(p[np.arange(len(yb)), yb] + 1e-9)).sum())
            grad = p
            grad[np.arange(len(yb)), yb] -= 1
            grad *= (wb / wsum)[:, None]
            grads = [None] * len(params)
            for i in range(len(params) - 2, -1, -2):
                a_in = acts[i // 2]
                grads[i] = a_in.T @ grad + l2 * params[i]
                grads[i + 1] = grad.sum(axis=0)
                if i:
                    grad = (grad @ params[i].T) * (acts[i // 2] > 0)
            step += 1
            for j, g in enumerate(grads):
                m[j] = beta1 * m[j] + (1 - beta1) * g
                v[j] = beta2 * v[j] + (1 - beta2) * g * g
                mh = m[j] / (1 - beta1**step)
                vh = v[j] / (1 - beta2**step)
                params[j] -= (rate * mh / (np.sqrt(vh) + eps)).astype(np.float32)
        msg = f"epoch {epoch + 1}/{epochs}: train loss {total / w.sum():.4f}"
        if valid is not None:
            vl, acc = _evaluate(params, *valid)
            msg += f", valid loss {vl:.4f} acc {acc:.4f}"
            if vl < best_loss:
                best_loss, best = vl, [p.copy() for p in params]
        log(msg)
    return best if valid is not None else params


def forward(params: list[np.ndarray], X: np.ndarray) -> np.ndarray:
    h = X
    for i in range(0, len(params), 2):
        h = h @ params[i] + params[i + 1]
        if i + 2 < len(params):
            h = np.maximum(h, 0)
    z = h - h.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _evaluate(params, X, y, w) -> tuple[float, float]:
    p = forward(params, X)
    loss = float(-(w * np.log(p[np.arange(len(y)), y] + 1e-9)).sum() / w.sum())
    return loss, float((p.argmax(axis=1) == y).mean())

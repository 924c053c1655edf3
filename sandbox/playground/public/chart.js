// Draws the chart model the server aggregated (sandbox/playground/chart.ts) as SVG: a line for a
// time series, horizontal bars otherwise. No library, nothing loaded from elsewhere.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
/** Room one date label needs on the time axis. */
const MIN_LABEL_GAP = 75;

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

function short(value) {
  const size = Math.abs(value);
  if (size >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (size >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return Number(value.toFixed(2)).toLocaleString('en-US');
}

export function drawChart(figure, model) {
  figure.replaceChildren();
  figure.dataset.kind = model.kind;
  if (model.kind === 'timeseries') figure.append(timeSeries(model));
  else if (model.kind === 'bar') figure.append(bars(model));
  else
    figure.append(
      svg('svg', { viewBox: `0 0 ${WIDTH} 60` }, svg('text', { x: 10, y: 34, class: 'title' }, model.title)),
    );
}

function timeSeries(model) {
  const height = 300;
  const left = 60;
  const right = WIDTH - 16;
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
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': model.title });
  chart.append(
    svg(
      'text',
      { x: left, y: 18, class: 'title' },
      `${model.title} (${model.granularity === 'month' ? 'by month' : 'by day'})`,
    ),
  );
  for (const value of axis) {
    chart.append(svg('line', { x1: left, x2: right, y1: y(value), y2: y(value), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, short(value)));
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
    dot.append(svg('title', {}, `${point.label}: ${point.value.toLocaleString('en-US')}`));
    chart.append(dot);
  });
  const labelEvery = Math.max(1, Math.ceil(model.points.length / 8));
  const last = model.points.length - 1;
  model.points.forEach((point, index) => {
    const lastFits = index === last && x(last) - x(last - (last % labelEvery)) >= MIN_LABEL_GAP;
    if (index % labelEvery === 0 || lastFits)
      chart.append(
        svg('text', { x: x(index), y: bottom + 16, 'text-anchor': anchorAt(index, last) }, point.label),
      );
  });
  chart.append(svg('line', { x1: left, x2: right, y1: y(low), y2: y(low), class: 'axis' }));
  return chart;
}

/** Axis labels at the ends stay inside the drawing. */
function anchorAt(index, last) {
  if (last > 0 && index === 0) return 'start';
  return last > 0 && index === last ? 'end' : 'middle';
}

function bars(model) {
  const rowHeight = 22;
  const top = 32;
  const labelWidth = 200;
  const right = WIDTH - 70;
  const height = top + model.bars.length * rowHeight + (model.others > 0 ? 30 : 12);
  const max = Math.max(...model.bars.map((bar) => bar.value), 0);
  const min = Math.min(...model.bars.map((bar) => bar.value), 0);
  const scale = (value) => ((value - min) / (max - min || 1)) * (right - labelWidth);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': model.title });
  chart.append(svg('text', { x: 10, y: 18, class: 'title' }, model.title));
  model.bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const label = bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label;
    chart.append(svg('text', { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end' }, label));
    const start = labelWidth + scale(Math.min(0, bar.value));
    const rect = svg('rect', {
      x: start,
      y: y + 3,
      width: Math.max(1, Math.abs(scale(bar.value) - scale(0))),
      height: rowHeight - 6,
      class: 'bar',
    });
    rect.append(svg('title', {}, `${bar.label}: ${bar.value.toLocaleString('en-US')}`));
    chart.append(rect);
    chart.append(
      svg('text', { x: start + Math.abs(scale(bar.value) - scale(0)) + 6, y: y + 14 }, short(bar.value)),
    );
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

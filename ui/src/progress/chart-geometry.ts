export interface ChartPoint {
  at: string;
  value: number;
}

export interface ChartGeometry {
  left: number;
  right: number;
  top: number;
  bottom: number;
  plotWidth: number;
  min: number;
  max: number;
  coordinates: { x: number; y: number }[];
  polyline: string;
  band: { y: number; height: number } | null;
}

const PADDING = { left: 34, right: 8, top: 8, bottom: 20 };

/**
 * Where each point of a small line chart goes (evenly spaced in time order), in SVG user units. The band is
 * [low, high]; either edge may be infinite (drawn to the plot's edge).
 */
export function chartGeometry(
  points: readonly ChartPoint[],
  options: { width: number; height: number; range?: [number, number] | undefined; band?: [number, number] | undefined },
): ChartGeometry {
  const values = points.map((point) => point.value);
  // A band open on one side (e.g. pitch variation of 2 semitones or more) widens the scale by its finite edge only.
  const bandEdges = (options.band ?? []).filter(Number.isFinite);
  let [min, max] = options.range ?? [Math.min(...values, ...bandEdges), Math.max(...values, ...bandEdges)];
  if (!Number.isFinite(min) || !Number.isFinite(max)) [min, max] = [0, 1];
  if (!options.range) {
    const margin = (max - min) * 0.1 || 1;
    min = Math.max(0, Math.floor(min - margin));
    max = Math.ceil(max + margin);
  }
  const top = PADDING.top;
  const bottom = options.height - PADDING.bottom;
  const plotWidth = options.width - PADDING.left - PADDING.right;
  const y = (value: number) => bottom - ((value - min) / (max - min)) * (bottom - top);
  const x = (index: number) => PADDING.left + (points.length > 1 ? (index / (points.length - 1)) * plotWidth : plotWidth / 2);
  const coordinates = values.map((value, index) => ({ x: round(x(index)), y: round(y(value)) }));
  const band = options.band
    ? { y: round(y(Math.min(options.band[1], max))), height: round(y(Math.max(options.band[0], min)) - y(Math.min(options.band[1], max))) }
    : null;
  return {
    left: PADDING.left,
    right: PADDING.right,
    top,
    bottom,
    plotWidth,
    min,
    max,
    coordinates,
    polyline: coordinates.map((point) => `${point.x},${point.y}`).join(' '),
    band: band && band.height > 0 ? band : null,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

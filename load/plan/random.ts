/**
 * The `random` query value of every target, unique within the run and reversible: segment i of n
 * owns the range [i·2^m, (i+1)·2^m) with m = 32 − ceil(log2 n); inside it, operation index k maps to
 * base + ((k·A + offset) mod 2^m) with A odd, a bijection. So the result URL alone tells which
 * operation a result belongs to (the random → operation map, without storing millions of entries).
 */
import { randomInt } from 'node:crypto';

const MULT = 0x9e3779b1; // odd

/** Multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
function inverse32(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}
const INV = inverse32(MULT);

export const MAX_SEGMENTS = 64;

export class RandomCodec {
  readonly bits: number;
  readonly size: number;
  readonly base: number;

  constructor(
    readonly segmentIndex: number,
    readonly segmentCount: number,
    readonly offset: number = randomInt(0, 2 ** 26),
  ) {
    if (segmentCount < 1 || segmentCount > MAX_SEGMENTS || segmentIndex < 0 || segmentIndex >= segmentCount) {
      throw new RangeError(`segment ${segmentIndex + 1}/${segmentCount} is out of range (at most ${MAX_SEGMENTS} segments)`);
    }
    this.bits = 32 - Math.ceil(Math.log2(segmentCount));
    this.size = 2 ** this.bits;
    this.base = segmentIndex * this.size;
  }

  private mod(x: number): number {
    return this.bits === 32 ? x >>> 0 : (x >>> 0) % this.size;
  }

  /** The random value of operation `index` (0 ≤ index < size). */
  encode(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`operation index ${index} is beyond the ${this.size} randoms of this segment`);
    return this.base + this.mod(Math.imul(index, MULT) + this.offset);
  }

  /** The operation index of a random value, or undefined when it is outside this segment's range. */
  decode(random: number): number | undefined {
    if (!Number.isInteger(random) || random < this.base || random >= this.base + this.size) return undefined;
    const x = this.mod(random - this.base - this.offset + this.size);
    return this.mod(Math.imul(x, INV));
  }
}

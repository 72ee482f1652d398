import { logBinomialDensity } from './binomial-density.js';

const MAX_FRACTION_TERMS = 100_000;
const TINY = 1e-300;

/**
 * x^a (1−x)^b / (a·B(a, b)), the factor in front of the continued fraction, written as
 * (b/(a+b))·dbinom(a; a+b, x) so it inherits Loader's precision instead of differencing log-gammas.
 */
function frontFactor(x: number, y: number, a: number, b: number): number {
  return (b / (a + b)) * Math.exp(logBinomialDensity(a, a + b, x, y));
}

/**
 * Continued fraction for I_x(a, b), evaluated by the modified Lentz method (Numerical Recipes §6.4).
 * y = 1 − x is passed too: near x = 1 the first denominator 1 − (a+b)x/(a+1) cancels, and
 * (1 − b + (a+b)y)/(a+1) is the same number without the cancellation.
 */
function betaContinuedFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = x <= 0.5 ? 1 - (qab * x) / qap : (1 - b + qab * y) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_FRACTION_TERMS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= Number.EPSILON) return h;
  }
  throw new Error(`incomplete beta continued fraction did not converge (x=${x}, a=${a}, b=${b})`);
}

function assertShape(a: number, b: number, caller: string): void {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new RangeError(`${caller}: shape parameters must be positive and finite, got a=${a}, b=${b}`);
  }
}

/** Regularized incomplete beta I_x(a, b): continued fraction with modified Lentz (Numerical Recipes §6.4), prefactor by Loader (2000). */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  assertShape(a, b, 'regularizedIncompleteBeta');
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedIncompleteBeta: x must be in [0, 1], got ${String(x)}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const y = 1 - x;
  // The fraction converges fast for x < (a+1)/(a+b+2); on the other side use I_x(a,b) = 1 − I_{1−x}(b,a).
  const direct = x < (a + 1) / (a + b + 2);
  // Evaluated at the far end of the unit interval (x < ½ yet past the switch point, or the mirror image)
  // the fraction's steps 1 + aa·d cancel to about min(x, 1−x), costing digits when the other shape is
  // large (b = 1e6: ~1e-12). A small integer shape has a finite binomial sum instead.
  if (!direct && x < 0.5 && isSmallInteger(a)) return 1 - binomialLowerSum(a, a + b - 1, x, y);
  if (direct && x > 0.5 && isSmallInteger(b)) return binomialLowerSum(b, a + b - 1, y, x);
  if (direct) return frontFactor(x, y, a, b) * betaContinuedFraction(x, y, a, b);
  return 1 - frontFactor(y, x, b, a) * betaContinuedFraction(y, x, b, a);
}

function isSmallInteger(shape: number): boolean {
  return Number.isInteger(shape) && shape <= 1000;
}

/**
 * Σ_{i<count} Γ(n+1)/(Γ(i+1)Γ(n−i+1)) p^i q^(n−i), the finite form of the incomplete beta for an integer
 * shape (for integer a: I_x(a, b) = 1 − this sum with count = a, n = a+b−1, p = x).
 */
function binomialLowerSum(count: number, n: number, p: number, q: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += Math.exp(logBinomialDensity(i, n, p, q));
  return sum;
}

/** Beta(a, b) density, by the same Loader form: a·b/((a+b)·x·(1−x)) · dbinom(a; a+b, x). */
function betaDensity(x: number, a: number, b: number): number {
  return ((a * b) / ((a + b) * x * (1 - x))) * Math.exp(logBinomialDensity(a, a + b, x, 1 - x));
}

// Newton steps on I_x(a, b) − p, each kept inside the bisection bracket the previous evaluations
// established, until a step moves x by less than 1e-15 of itself (the brief asked for 1e-12).
/** Beta(a, b) quantile: the regularized incomplete beta inverted by Newton steps safeguarded with bisection. */
export function betaQuantile(p: number, a: number, b: number): number {
  assertShape(a, b, 'betaQuantile');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`betaQuantile: p must be in [0, 1], got ${String(p)}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = a / (a + b);
  for (let iteration = 0; iteration < 2000; iteration++) {
    const f = regularizedIncompleteBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = betaDensity(x, a, b);
    let next = density > 0 && Number.isFinite(density) ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (Math.abs(next - x) <= 1e-15 * next || next === lo || next === hi) return next;
    x = next;
  }
  throw new Error(`betaQuantile did not converge (p=${p}, a=${a}, b=${b})`);
}

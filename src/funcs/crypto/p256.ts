// NIST P-256 arithmetic on bigints: key generation and ECDSA signing where no
// native implementation is at hand (browsers; the core stays synchronous).
import { randomBelowBig } from "../crypto-provider.ts";

export const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
export const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

const mod = (a: bigint, m = P) => ((a % m) + m) % m;

export function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

type Jac = [bigint, bigint, bigint];
const INF: Jac = [0n, 1n, 0n];

function double([x, y, z]: Jac): Jac {
  if (z === 0n || y === 0n) return INF;
  const yy = mod(y * y);
  const s = mod(4n * x * yy);
  const zz = mod(z * z);
  const m = mod(3n * (x - zz) * (x + zz)); // a = -3
  const x3 = mod(m * m - 2n * s);
  const y3 = mod(m * (s - x3) - 8n * yy * yy);
  const z3 = mod(2n * y * z);
  return [x3, y3, z3];
}

function add(p: Jac, q: Jac): Jac {
  if (p[2] === 0n) return q;
  if (q[2] === 0n) return p;
  const z1z1 = mod(p[2] * p[2]);
  const z2z2 = mod(q[2] * q[2]);
  const u1 = mod(p[0] * z2z2);
  const u2 = mod(q[0] * z1z1);
  const s1 = mod(p[1] * q[2] * z2z2);
  const s2 = mod(q[1] * p[2] * z1z1);
  if (u1 === u2) return s1 === s2 ? double(p) : INF;
  const h = mod(u2 - u1);
  const r = mod(s2 - s1);
  const hh = mod(h * h);
  const hhh = mod(h * hh);
  const v = mod(u1 * hh);
  const x3 = mod(r * r - hhh - 2n * v);
  const y3 = mod(r * (v - x3) - s1 * hhh);
  const z3 = mod(p[2] * q[2] * h);
  return [x3, y3, z3];
}

function toAffine([x, y, z]: Jac): [bigint, bigint] {
  const zi = modInverse(z, P);
  const zi2 = mod(zi * zi);
  return [mod(x * zi2), mod(y * zi2 * zi)];
}

export function scalarMult(k: bigint, px = GX, py = GY): [bigint, bigint] {
  let r: Jac = INF;
  let q: Jac = [px, py, 1n];
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) r = add(r, q);
    q = double(q);
  }
  return toAffine(r);
}

export function onCurve(x: bigint, y: bigint): boolean {
  return mod(y * y - (x * x * x - 3n * x + B)) === 0n;
}

export function generateP256(): { d: bigint; x: bigint; y: bigint } {
  const d = randomBelowBig(N - 1n) + 1n;
  const [x, y] = scalarMult(d);
  return { d, x, y };
}

/** ECDSA over a SHA-256 digest: (r, s). */
export function signP256(d: bigint, digest: Uint8Array): [bigint, bigint] {
  let z = 0n;
  for (const b of digest) z = (z << 8n) | BigInt(b);
  for (;;) {
    const k = randomBelowBig(N - 1n) + 1n;
    const [x] = scalarMult(k);
    const r = x % N;
    if (r === 0n) continue;
    const s = mod(modInverse(k, N) * (z + r * d), N);
    if (s === 0n) continue;
    return [r, s];
  }
}

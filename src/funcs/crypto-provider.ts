// What the crypto and random functions need from the platform. The default
// works in browsers and Node alike (WebCrypto getRandomValues plus pure-JS
// libraries); src/node/crypto.ts registers a faster Node implementation
// (native RSA/DSA key generation) with setCryptoProvider.

/** A private key as DER: PKCS#1 for RSA, SEC1 for EC, PKCS#8 for Ed25519, Go's ASN.1 layout for DSA. */
export interface GeneratedKey {
  type: "rsa" | "dsa" | "ecdsa" | "ed25519";
  der: Uint8Array;
}

export interface CryptoProvider {
  /** Cryptographically secure random bytes (Go's crypto/rand.Reader). */
  randomBytes(n: number): Uint8Array;
  /** Generates an RSA key of `bits`, as PKCS#1 DER; undefined when this provider cannot. */
  generateRsa?(bits: number): Uint8Array | undefined;
  /** Generates a DSA L2048N256 key as Go's DSAKeyFormat DER; undefined when this provider cannot. */
  generateDsa?(): Uint8Array | undefined;
  /** Raw AES-256-CBC without padding (data is whole blocks); absent when not native. */
  aesCbc?(encrypt: boolean, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** scrypt key derivation; undefined when this provider has no native one. */
  scrypt?(
    password: Uint8Array,
    salt: Uint8Array,
    n: number,
    r: number,
    p: number,
    keyLen: number,
  ): Uint8Array;
}

const MAX_CHUNK = 65536; // getRandomValues' per-call limit

export const webCryptoProvider: CryptoProvider = {
  randomBytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += MAX_CHUNK) {
      globalThis.crypto.getRandomValues(out.subarray(i, Math.min(n, i + MAX_CHUNK)));
    }
    return out;
  },
};

let current: CryptoProvider = webCryptoProvider;

export function setCryptoProvider(p: CryptoProvider): void {
  current = p;
  pool = new Uint8Array(0);
  poolPos = 0;
}

// Random strings draw a few bytes per character; a pool refilled in bulk
// avoids one platform call per character.
let pool: Uint8Array = new Uint8Array(0);
let poolPos = 0;

/** `n` secure random bytes (a fresh copy), drawn from the pool when small. */
export function secureRandomBytes(n: number): Uint8Array {
  return Uint8Array.from(pooledBytes(n));
}

function pooledBytes(n: number): Uint8Array {
  if (n > 256) return current.randomBytes(n);
  if (poolPos + n > pool.length) {
    pool = current.randomBytes(4096);
    poolPos = 0;
  }
  const out = pool.subarray(poolPos, poolPos + n);
  poolPos += n;
  return out;
}

export function cryptoProvider(): CryptoProvider {
  return current;
}

/** A uniform random integer in [0, n) from secure bytes (rejection sampling, as crypto/rand.Int). */
export function randomBelow(n: number): number {
  if (n > 2 ** 31) return Number(randomBelowBig(BigInt(n)));
  if (n <= 1) return 0;
  // Reject draws past the largest multiple of n below 2^32, so every residue is equally likely.
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const b = pooledBytes(4);
    const v = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    if (v < limit) return v % n;
  }
}

/** A uniform random bigint in [0, n), as crypto/rand.Int (mask the top byte, retry when >= n). */
export function randomBelowBig(n: bigint): bigint {
  if (n <= 1n) return 0n;
  const bitLen = (n - 1n).toString(2).length;
  const byteLen = Math.ceil(bitLen / 8);
  const topBits = bitLen % 8 || 8;
  for (;;) {
    const b = Uint8Array.from(pooledBytes(byteLen));
    b[0] = b[0]! & ((1 << topBits) - 1);
    let v = 0n;
    for (const x of b) v = (v << 8n) | BigInt(x);
    if (v < n) return v;
  }
}

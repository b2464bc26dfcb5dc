/*
 * crypto_aes: AES-128 (FIPS-197) in software, byte-oriented like a pure-Python
 * implementation, in CTR mode (NIST SP 800-38A) over a generated buffer.
 *
 * Mirrors pyperformance "crypto_pyaes", which encrypts and decrypts a text
 * with the pure-Python pyaes module in CTR mode and checks the round trip.
 * Differences: the cleartext is generated (a deterministic pseudo-random
 * printable text) instead of a fixed string, the S-box is computed at start-up
 * from its definition (multiplicative inverse in GF(2^8) and the affine map,
 * FIPS-197 section 5.1.1) instead of being a literal table, and rounds use xtime
 * rather than pyaes's 32-bit T-tables.
 *
 * Self-checks at start-up (the program aborts with a message if one fails):
 *   FIPS-197 Appendix C.1: key 000102..0f, plaintext 00112233..ff
 *     -> ciphertext 69c4e0d86a7b0430d8cdb78070b4c55a (and back by decryption);
 *   SP 800-38A F.5.1 CTR-AES128.Encrypt, first block: key 2b7e1516..4f3c,
 *     counter f0f1..ff, plaintext 6bc1bee22e409f96e93d7e117393172a
 *     -> ciphertext 874d6191b620e3261bef6864990db6ce.
 * Cross-checked once against OpenSSL: `openssl enc -aes-128-ctr` of the
 * "1 1" cleartext with this key and IV gives the same FNV-1a, 38edc439.
 *
 * usage: crypto_aes KIB ROUNDS   (1 <= KIB <= 65536, ROUNDS >= 1)
 * encrypts a KIB-KiB buffer ROUNDS times (each round re-encrypts the previous
 * ciphertext with the next counter block range), decrypts back and checks the
 * cleartext; prints the buffer size, the FNV-1a hash of the final ciphertext
 * and "round trip ok".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint8_t sbox[256], inv_sbox[256];

/* Multiplication by x (that is, {02}) in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1. */
static uint8_t xtime(uint8_t a) { return (uint8_t)((a << 1) ^ ((a & 0x80) ? 0x1b : 0)); }

static uint8_t gmul(uint8_t a, uint8_t b) {
    uint8_t p = 0;
    while (b) {
        if (b & 1) p ^= a;
        a = xtime(a);
        b >>= 1;
    }
    return p;
}

/*
 * FIPS-197 5.1.1: b = inverse(a) in GF(2^8) (0 maps to 0), then the affine transformation
 * with c = 0x63. Inverses come from power tables of the generator {03}.
 */
static void init_sbox(void) {
    uint8_t exp[255], log[256];
    uint8_t p = 1;
    for (int i = 0; i < 255; i++) {
        exp[i] = p;
        log[p] = (uint8_t)i;
        p ^= xtime(p); /* p *= {03} */
    }
    for (int a = 0; a < 256; a++) {
        uint8_t inv = a == 0 ? 0 : exp[(255 - log[a]) % 255];
        uint8_t s = inv;
        for (int i = 1; i <= 4; i++) s ^= (uint8_t)((inv << i) | (inv >> (8 - i)));
        s ^= 0x63;
        sbox[a] = s;
        inv_sbox[s] = (uint8_t)a;
    }
}

/* FIPS-197 5.2: the 11 round keys of AES-128, 176 bytes. */
static void expand_key(const uint8_t key[16], uint8_t rk[176]) {
    memcpy(rk, key, 16);
    uint8_t rcon = 1;
    for (int i = 16; i < 176; i += 4) {
        uint8_t t[4] = {rk[i - 4], rk[i - 3], rk[i - 2], rk[i - 1]};
        if (i % 16 == 0) { /* RotWord, SubWord, Rcon */
            uint8_t t0 = t[0];
            t[0] = (uint8_t)(sbox[t[1]] ^ rcon);
            t[1] = sbox[t[2]];
            t[2] = sbox[t[3]];
            t[3] = sbox[t0];
            rcon = xtime(rcon);
        }
        for (int j = 0; j < 4; j++) rk[i + j] = rk[i - 16 + j] ^ t[j];
    }
}

static void add_round_key(uint8_t s[16], const uint8_t *k) {
    for (int i = 0; i < 16; i++) s[i] ^= k[i];
}

/* The state is column-major as in FIPS-197: s[r + 4c]. ShiftRows moves row r left by r. */
static void sub_shift(uint8_t s[16]) {
    uint8_t t[16];
    for (int c = 0; c < 4; c++)
        for (int r = 0; r < 4; r++) t[r + 4 * c] = sbox[s[r + 4 * ((c + r) % 4)]];
    memcpy(s, t, 16);
}

static void inv_shift_sub(uint8_t s[16]) {
    uint8_t t[16];
    for (int c = 0; c < 4; c++)
        for (int r = 0; r < 4; r++) t[r + 4 * ((c + r) % 4)] = inv_sbox[s[r + 4 * c]];
    memcpy(s, t, 16);
}

static void mix_columns(uint8_t s[16]) {
    for (int c = 0; c < 4; c++) {
        uint8_t *col = s + 4 * c;
        uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3], all = a0 ^ a1 ^ a2 ^ a3;
        col[0] ^= all ^ xtime(a0 ^ a1);
        col[1] ^= all ^ xtime(a1 ^ a2);
        col[2] ^= all ^ xtime(a2 ^ a3);
        col[3] ^= all ^ xtime(a3 ^ a0);
    }
}

static void inv_mix_columns(uint8_t s[16]) {
    for (int c = 0; c < 4; c++) {
        uint8_t *col = s + 4 * c;
        uint8_t a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
        col[0] = gmul(a0, 14) ^ gmul(a1, 11) ^ gmul(a2, 13) ^ gmul(a3, 9);
        col[1] = gmul(a0, 9) ^ gmul(a1, 14) ^ gmul(a2, 11) ^ gmul(a3, 13);
        col[2] = gmul(a0, 13) ^ gmul(a1, 9) ^ gmul(a2, 14) ^ gmul(a3, 11);
        col[3] = gmul(a0, 11) ^ gmul(a1, 13) ^ gmul(a2, 9) ^ gmul(a3, 14);
    }
}

/* FIPS-197 5.1 Cipher: encrypts one 16-byte block in place. */
static void encrypt_block(const uint8_t rk[176], uint8_t s[16]) {
    add_round_key(s, rk);
    for (int round = 1; round < 10; round++) {
        sub_shift(s);
        mix_columns(s);
        add_round_key(s, rk + 16 * round);
    }
    sub_shift(s);
    add_round_key(s, rk + 160);
}

/* FIPS-197 5.3 InvCipher: decrypts one block in place (used only by the self-check). */
static void decrypt_block(const uint8_t rk[176], uint8_t s[16]) {
    add_round_key(s, rk + 160);
    for (int round = 9; round > 0; round--) {
        inv_shift_sub(s);
        add_round_key(s, rk + 16 * round);
        inv_mix_columns(s);
    }
    inv_shift_sub(s);
    add_round_key(s, rk);
}

/* SP 800-38A 6.5 CTR mode: XORs buf with the key stream from counter block ctr (big-endian +1 per block). */
static void ctr_crypt(const uint8_t rk[176], uint8_t ctr[16], uint8_t *buf, size_t len) {
    uint8_t ks[16];
    for (size_t off = 0; off < len; off += 16) {
        memcpy(ks, ctr, 16);
        encrypt_block(rk, ks);
        for (size_t i = 0; i < 16 && off + i < len; i++) buf[off + i] ^= ks[i];
        for (int i = 15; i >= 0 && ++ctr[i] == 0; i--) {
        }
    }
}

static void hex(const char *s, uint8_t *out, int n) {
    for (int i = 0; i < n; i++) {
        unsigned v;
        sscanf(s + 2 * i, "%2x", &v);
        out[i] = (uint8_t)v;
    }
}

static void check(const char *what, const uint8_t *got, const char *want_hex) {
    uint8_t want[16];
    hex(want_hex, want, 16);
    if (memcmp(got, want, 16) != 0) {
        fprintf(stderr, "crypto_aes: self-check failed: %s\n", what);
        abort();
    }
}

static void self_check(void) {
    uint8_t key[16], block[16], rk[176], ctr[16];
    hex("000102030405060708090a0b0c0d0e0f", key, 16);
    hex("00112233445566778899aabbccddeeff", block, 16);
    expand_key(key, rk);
    encrypt_block(rk, block);
    check("FIPS-197 C.1 encryption", block, "69c4e0d86a7b0430d8cdb78070b4c55a");
    decrypt_block(rk, block);
    check("FIPS-197 C.1 decryption", block, "00112233445566778899aabbccddeeff");

    hex("2b7e151628aed2a6abf7158809cf4f3c", key, 16);
    hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", ctr, 16);
    hex("6bc1bee22e409f96e93d7e117393172a", block, 16);
    expand_key(key, rk);
    ctr_crypt(rk, ctr, block, 16);
    check("SP 800-38A F.5.1 CTR", block, "874d6191b620e3261bef6864990db6ce");
}

int main(int argc, char **argv) {
    char *end1, *end2;
    long kib = argc == 3 ? strtol(argv[1], &end1, 10) : -1;
    long rounds = argc == 3 ? strtol(argv[2], &end2, 10) : -1;
    if (argc != 3 || *end1 != '\0' || *end2 != '\0' || kib < 1 || kib > 65536 || rounds < 1) {
        fprintf(stderr, "usage: crypto_aes KIB ROUNDS   (1 <= KIB <= 65536, ROUNDS >= 1)\n");
        return 2;
    }
    init_sbox();
    self_check();

    size_t len = (size_t)kib * 1024 - 5; /* not a multiple of 16: exercises the partial last block */
    uint8_t *clear = malloc(len), *buf = malloc(len);
    if (clear == NULL || buf == NULL) {
        fprintf(stderr, "crypto_aes: out of memory\n");
        return 1;
    }
    uint32_t x = 2463534242u; /* xorshift32: printable pseudo-random cleartext */
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        clear[i] = (uint8_t)(' ' + x % 95);
    }
    uint8_t key[16], rk[176], iv[16], ctr[16];
    for (int i = 0; i < 16; i++) key[i] = (uint8_t)(0xa5 ^ (i * 17));
    for (int i = 0; i < 16; i++) iv[i] = (uint8_t)(i * 29 + 3);
    expand_key(key, rk);

    memcpy(buf, clear, len);
    memcpy(ctr, iv, 16);
    for (long r = 0; r < rounds; r++) ctr_crypt(rk, ctr, buf, len); /* the counter keeps running */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ buf[i]) * 16777619u;

    memcpy(ctr, iv, 16);
    for (long r = 0; r < rounds; r++) ctr_crypt(rk, ctr, buf, len); /* same key streams: decrypts */
    if (memcmp(buf, clear, len) != 0) {
        fprintf(stderr, "crypto_aes: decryption did not restore the cleartext\n");
        return 1;
    }
    printf("bytes %zu\nrounds %ld\nfnv1a %08x\nround trip ok\n", len, rounds, (unsigned)h);
    free(clear);
    free(buf);
    return 0;
}

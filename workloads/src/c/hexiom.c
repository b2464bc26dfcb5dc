/*
 * hexiom: solver of the Hexiom puzzle, a port of pyperformance "hexiom"
 * (Laurent Vaucher's hexiom2.py). A hexagonal board of side SIZE holds
 * numbered tiles and empty places; a tile showing n must end up with exactly
 * n occupied neighbours. Some tiles are locked ('+'). The solver keeps, for
 * every cell, the set of values still possible (0..6 or EMPTY), narrows the
 * sets by constraint propagation (neighbour counts, how many tiles of each
 * value are left) and backtracks over the first undecided cell, trying higher
 * values first and EMPTY last (pyperformance's FIRST_STRATEGY, DESCENDING).
 *
 * Differences from pyperformance: a cell's candidate list is a bit set (the
 * Python lists always stay in ascending order, so iterating the bits visits
 * the same values in the same order); positions are copied with memcpy
 * instead of cloning lists. The level texts and their solutions are
 * pyperformance's LEVELS table (levels 2, 10, 20, 25, 30, 36; the benchmark
 * uses level 25).
 *
 * Cross-check: the printed board must equal pyperformance's expected solution
 * for the level (kept below); the program exits with status 1 otherwise. All
 * six levels solve to pyperformance's boards.
 *
 * usage: hexiom LEVEL LOOPS     (LEVEL in 2 10 20 25 30 36, LOOPS >= 1)
 * prints the number of solves and of search nodes (moves tried) per solve,
 * then the solved board (pyperformance's layout, trailing blanks removed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EMPTY 7
#define ALL_VALUES 0xFF /* bits 0..6: tiles showing that number; bit 7: EMPTY */
#define MAXSIZE 4
#define MAXCELLS (3 * MAXSIZE * (MAXSIZE - 1) + 1)

typedef unsigned char Cell; /* set of possible values */

typedef struct {
    int size, count;
    int x[MAXCELLS], y[MAXCELLS];          /* position of node id */
    int id_at[2 * MAXSIZE][2 * MAXSIZE];   /* node id at (x, y), -1 outside */
    int links[MAXCELLS][6], nlinks[MAXCELLS];
} Hex;

typedef struct {
    Cell cells[MAXCELLS];
} Done;

static int popcount8(Cell c) {
    int n = 0;
    for (; c; c &= (Cell) (c - 1)) n++;
    return n;
}
static int already_done(const Done *d, int i) { return popcount8(d->cells[i]) == 1; }
/* The single value of a decided cell (Python: done[i][0]). */
static int value_of(const Done *d, int i) {
    int v = 0;
    while (!(d->cells[i] >> v & 1)) v++;
    return v;
}
static int has(const Done *d, int i, int v) { return d->cells[i] >> v & 1; }
static void set_done(Done *d, int i, int v) { d->cells[i] = (Cell) (1u << v); }
static int remove_value(Done *d, int i, int v) {
    if (!has(d, i, v)) return 0;
    d->cells[i] &= (Cell) ~(1u << v);
    return 1;
}

static void hex_init(Hex *h, int size) {
    static const int DX[6] = {1, -1, 0, 0, 1, -1}, DY[6] = {0, 0, 1, -1, 1, -1};
    h->size = size;
    h->count = 3 * size * (size - 1) + 1;
    for (int y = 0; y < 2 * MAXSIZE; y++)
        for (int x = 0; x < 2 * MAXSIZE; x++) h->id_at[y][x] = -1;
    int id = 0;
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size + y; x++, id++) h->x[id] = x, h->y[id] = y, h->id_at[y][x] = id;
    for (int y = 1; y < size; y++)
        for (int x = y; x < size * 2 - 1; x++, id++) {
            int ry = size + y - 1;
            h->x[id] = x, h->y[id] = ry, h->id_at[ry][x] = id;
        }
    for (int i = 0; i < h->count; i++) {
        h->nlinks[i] = 0;
        for (int d = 0; d < 6; d++) {
            int nx = h->x[i] + DX[d], ny = h->y[i] + DY[d];
            if (nx >= 0 && ny >= 0 && nx < 2 * MAXSIZE && ny < 2 * MAXSIZE && h->id_at[ny][nx] >= 0)
                h->links[i][h->nlinks[i]++] = h->id_at[ny][nx];
        }
    }
}

typedef struct {
    const Hex *hex;
    int tiles[8]; /* how many tiles of each value (EMPTY = empty places) */
    Done done;
} Pos;

/* One round of propagation; last_move < 0 looks at every cell. Returns 1 when a set shrank. */
static int constraint_pass(Pos *pos, int last_move) {
    const Hex *hex = pos->hex;
    Done *done = &pos->done;
    int changed = 0, left[8];
    memcpy(left, pos->tiles, sizeof left);

    /* Remove impossible values from free cells. */
    int nfree = last_move < 0 ? hex->count : hex->nlinks[last_move];
    for (int k = 0; k < nfree; k++) {
        int i = last_move < 0 ? k : hex->links[last_move][k];
        if (already_done(done, i)) continue;
        int vmin = 0, vmax = 0;
        for (int l = 0; l < hex->nlinks[i]; l++) {
            int nid = hex->links[i][l];
            if (already_done(done, nid)) {
                if (value_of(done, nid) != EMPTY) vmin++, vmax++;
            } else {
                vmax++;
            }
        }
        for (int num = 0; num < 7; num++)
            if ((num < vmin || num > vmax) && remove_value(done, i, num)) changed = 1;
    }

    /* How many of each value are still free. */
    for (int i = 0; i < hex->count; i++)
        if (already_done(done, i)) left[value_of(done, i)]--;

    for (int v = 0; v < 8; v++) {
        if (pos->tiles[v] > 0 && left[v] == 0) {
            /* None left: remove the value from every undecided cell. */
            for (int i = 0; i < hex->count; i++)
                if (!already_done(done, i) && remove_value(done, i, v)) changed = 1;
        } else {
            int possible = 0;
            for (int i = 0; i < hex->count; i++) possible += has(done, i, v);
            /* As many cells can hold v as there are v tiles: put one in each. */
            if (pos->tiles[v] == possible) {
                for (int i = 0; i < hex->count; i++) {
                    if (!already_done(done, i) && has(done, i, v)) {
                        set_done(done, i, v);
                        changed = 1;
                    }
                }
            }
        }
    }

    /* Force empty or non-empty around filled cells. */
    int nfilled = last_move < 0 ? hex->count : 1;
    for (int k = 0; k < nfilled; k++) {
        int i = last_move < 0 ? k : last_move;
        if (!already_done(done, i)) continue;
        int num = value_of(done, i), filled = 0, nunknown = 0, unknown[6];
        for (int l = 0; l < hex->nlinks[i]; l++) {
            int nid = hex->links[i][l];
            if (already_done(done, nid)) {
                if (value_of(done, nid) != EMPTY) filled++;
            } else {
                unknown[nunknown++] = nid;
            }
        }
        if (nunknown == 0) continue;
        if (num == filled) {
            for (int u = 0; u < nunknown; u++) {
                if (has(done, unknown[u], EMPTY)) {
                    set_done(done, unknown[u], EMPTY);
                    changed = 1;
                }
            }
        } else if (num == filled + nunknown) {
            for (int u = 0; u < nunknown; u++)
                if (remove_value(done, unknown[u], EMPTY)) changed = 1;
        }
    }
    return changed;
}

enum { OPEN = 0, SOLVED = 1, IMPOSSIBLE = -1 };

static int solved(const Pos *pos) {
    const Hex *hex = pos->hex;
    const Done *done = &pos->done;
    int tiles[8], exact = 1, all_done = 1;
    memcpy(tiles, pos->tiles, sizeof tiles);
    for (int i = 0; i < hex->count; i++) {
        if (done->cells[i] == 0) return IMPOSSIBLE;
        if (!already_done(done, i)) {
            all_done = 0;
            continue;
        }
        int num = value_of(done, i);
        if (--tiles[num] < 0) return IMPOSSIBLE;
        if (num == EMPTY) continue;
        int vmin = 0, vmax = 0;
        for (int l = 0; l < hex->nlinks[i]; l++) {
            int nid = hex->links[i][l];
            if (already_done(done, nid)) {
                if (value_of(done, nid) != EMPTY) vmin++, vmax++;
            } else {
                vmax++;
            }
        }
        if (num < vmin || num > vmax) return IMPOSSIBLE;
        if (num != vmin) exact = 0;
    }
    return all_done && exact ? SOLVED : OPEN;
}

static long nodes; /* moves tried */

/* Depth-first search from prev; on SOLVED, *result holds the solution. */
static int solve_step(const Pos *prev, Pos *result) {
    const Done *done = &prev->done;
    int cell = -1;
    for (int i = 0; i < prev->hex->count && cell < 0; i++) /* FIRST_STRATEGY */
        if (!already_done(done, i)) cell = i;
    if (cell < 0) {
        int s = solved(prev);
        if (s == SOLVED) *result = *prev;
        return s;
    }
    /* DESCENDING: numbers from high to low, then EMPTY. */
    int moves[8], nmoves = 0;
    for (int v = 6; v >= 0; v--)
        if (has(done, cell, v)) moves[nmoves++] = v;
    if (has(done, cell, EMPTY)) moves[nmoves++] = EMPTY;
    if (nmoves == 0) return solved(prev);
    for (int m = 0; m < nmoves; m++) {
        nodes++;
        Pos pos = *prev;
        set_done(&pos.done, cell, moves[m]);
        while (constraint_pass(&pos, cell)) {
        }
        int ret = solved(&pos);
        if (ret == OPEN) ret = solve_step(&pos, result);
        else if (ret == SOLVED) *result = pos;
        if (ret == SOLVED) return SOLVED;
    }
    return IMPOSSIBLE;
}

/* Reads pyperformance's level text into hex and pos; returns 0 on a malformed text. */
static int read_level(const char *text, Hex *hex, Pos *pos) {
    char lines[2 * MAXSIZE][64];
    int nlines = 0;
    while (*text && nlines < 2 * MAXSIZE) {
        const char *nl = strchr(text, '\n');
        size_t len = nl ? (size_t) (nl - text) : strlen(text);
        if (len >= sizeof lines[0]) return 0;
        memcpy(lines[nlines], text, len);
        lines[nlines++][len] = '\0';
        text += len + (nl != NULL);
    }
    if (nlines < 1) return 0;
    int size = lines[0][0] - '0';
    if (size < 2 || size > MAXSIZE || nlines != 2 * size) return 0;
    hex_init(hex, size);
    pos->hex = hex;
    memset(pos->tiles, 0, sizeof pos->tiles);
    for (int i = 0; i < hex->count; i++) pos->done.cells[i] = ALL_VALUES;
    for (int row = 0; row < 2 * size - 1; row++) {
        int y = row, skip = size - row - 1, x0 = 0, x1 = size + row;
        if (row >= size) {
            int k = row - size + 1;
            skip = k, x0 = k, x1 = size * 2 - 1;
        }
        const char *line = lines[row + 1];
        if ((int) strlen(line) < skip + 2 * (x1 - x0)) return 0;
        line += skip;
        for (int x = x0; x < x1; x++, line += 2) {
            int tile = line[1] == '.' ? EMPTY : line[1] - '0';
            if (tile < 0 || tile > EMPTY) return 0;
            pos->tiles[tile]++;
            if (line[0] == '+') set_done(&pos->done, hex->id_at[y][x], tile);
        }
    }
    int total = 0;
    for (int v = 0; v < 8; v++) total += pos->tiles[v];
    if (total != hex->count) return 0;
    for (int v = 0; v < 8; v++) /* filter_tiles */
        if (pos->tiles[v] == 0)
            for (int i = 0; i < hex->count; i++) remove_value(&pos->done, i, v);
    return 1;
}

/* Prints the board like pyperformance's print_pos, without trailing blanks. */
static int format_pos(const Pos *pos, char *out, size_t cap) {
    const Hex *hex = pos->hex;
    int size = hex->size;
    size_t n = 0;
    for (int row = 0; row < 2 * size - 1; row++) {
        int skip = row < size ? size - row - 1 : row - size + 1;
        int x0 = row < size ? 0 : row - size + 1, x1 = row < size ? size + row : size * 2 - 1;
        for (int k = 0; k < skip && n < cap; k++) out[n++] = ' ';
        for (int x = x0; x < x1 && n + 2 < cap; x++) {
            int id = hex->id_at[row][x];
            char c = '?';
            if (already_done(&pos->done, id)) c = value_of(&pos->done, id) == EMPTY ? '.' : (char) ('0' + value_of(&pos->done, id));
            out[n++] = c;
            if (x + 1 < x1) out[n++] = ' ';
        }
        if (n < cap) out[n++] = '\n';
    }
    if (n >= cap) return 0;
    out[n] = '\0';
    return 1;
}

typedef struct {
    int level;
    const char *board, *solution;
} Level;

/* pyperformance's LEVELS (board, expected solution). */
static const Level LEVELS[] = {
    {2, "2\n  . 1\n . 1 1\n  1 .\n", " 1 1\n. . .\n 1 1\n"},
    {10, "3\n  +.+. .\n +. 0 . 2\n . 1+2 1 .\n  2 . 0+.\n   .+.+.\n",
     "  . . 1\n . 1 . 2\n0 . 2 2 .\n . . . .\n  0 . .\n"},
    {20, "3\n   . 5 4\n  . 2+.+1\n . 3+2 3 .\n +2+. 5 .\n   . 3 .\n",
     "  3 3 2\n 4 5 . 1\n3 5 2 . .\n 2 . . .\n  . . .\n"},
    {25, "3\n   4 . .\n  . . 2 .\n 4 3 2 . 4\n  2 2 3 .\n   4 2 4\n",
     "  3 4 2\n 2 4 4 .\n. . . 4 2\n . 2 4 3\n  . 2 .\n"},
    {30, "4\n    5 5 . .\n   3 . 2+2 6\n  3 . 2 . 5 .\n . 3 3+4 4 . 3\n  4 5 4 . 5 4\n   5+2 . . 3\n    4 . . .\n",
     "   3 4 3 .\n  4 6 5 2 .\n 2 5 5 . . 2\n. . 5 4 . 4 3\n . 3 5 4 5 4\n  . 2 . 3 3\n   . . . .\n"},
    {36, "4\n    2 1 1 2\n   3 3 3 . .\n  2 3 3 . 4 .\n . 2 . 2 4 3 2\n  2 2 . . . 2\n   4 3 4 . .\n    3 2 3 3\n",
     "   3 4 3 2\n  3 4 4 . 3\n 2 . . 3 4 3\n2 . 1 . 3 . 2\n 3 3 . 2 . 2\n  3 . 2 . 2\n   2 2 . 1\n"},
};

static long parse(const char *s, long lo, long hi) {
    char *end;
    long v = strtol(s, &end, 10);
    return (*s == '\0' || *end != '\0' || v < lo || v > hi) ? -1 : v;
}

int main(int argc, char **argv) {
    long level = argc == 3 ? parse(argv[1], 0, 100) : -1;
    long loops = argc == 3 ? parse(argv[2], 1, 1000000) : -1;
    const Level *lv = NULL;
    for (size_t i = 0; i < sizeof LEVELS / sizeof LEVELS[0]; i++)
        if (LEVELS[i].level == level) lv = &LEVELS[i];
    if (lv == NULL || loops < 0) {
        fprintf(stderr, "usage: hexiom LEVEL LOOPS   (LEVEL in 2 10 20 25 30 36, 1 <= LOOPS <= 1000000)\n");
        return 2;
    }
    char text[512];
    Hex hex;
    Pos start, result;
    int status = IMPOSSIBLE;
    long nodes_per_solve = 0;
    for (long l = 0; l < loops; l++) {
        if (!read_level(lv->board, &hex, &start)) {
            fprintf(stderr, "hexiom: level %ld is malformed\n", level);
            return 3;
        }
        nodes = 0;
        Pos pos = start;
        while (constraint_pass(&pos, -1)) {
        }
        status = solve_step(&pos, &result);
        nodes_per_solve = nodes;
    }
    if (status != SOLVED || !format_pos(&result, text, sizeof text)) {
        printf("level %ld: no solution\n", level);
        return 1;
    }
    printf("level %ld, %ld solves, %ld moves tried per solve:\n%s", level, loops, nodes_per_solve, text);
    if (strcmp(text, lv->solution) != 0) {
        printf("FAILED: expected\n%s", lv->solution);
        return 1;
    }
    return 0;
}

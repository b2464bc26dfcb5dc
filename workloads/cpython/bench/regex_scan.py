"""regex_scan: the stdlib re (the _sre engine built into python.wasm) over generated text, in the
spirit of pyperformance's bm_regex_effbot and bm_regex_v8 (written for tailbench; compiled patterns
with alternation, classes, groups, backreferences, lookahead; search, findall, sub, split).

usage: python regex_scan.py ROUNDS
Builds a fixed text (a log of 400 lines from a linear congruential generator) and runs ROUNDS rounds
of the pattern set over it; prints the match counts of every pattern and a checksum of the rewritten
text.
"""
import re
import sys

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
HOSTS = ["example.com", "tailbench.org", "wasm.dev", "python.org"]


def make_text(lines):
    state = 12345
    out = []
    for i in range(lines):
        parts = []
        for _ in range(6):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            parts.append(state)
        a, b, c, d, e, f = parts
        out.append("%04d-%02d-%02d %02d:%02d:%02d [%s] user%d@%s %s %s id=%x size=%d \"%s %s\" %s%s" % (
            2000 + a % 25, 1 + b % 12, 1 + c % 28, d % 24, e % 60, f % 60,
            ("INFO", "WARN", "ERROR", "DEBUG")[a % 4], b % 1000, HOSTS[c % 4],
            WORDS[d % 10], WORDS[e % 10], f, (a >> 7) % 100000, WORDS[b % 10], WORDS[b % 10] if c % 3 == 0 else WORDS[c % 10],
            "http://%s/%s/%d" % (HOSTS[d % 4], WORDS[e % 10], f % 1000), " ERROR" if f % 17 == 0 else ""))
    return "\n".join(out)


PATTERNS = [
    r"\d{4}-\d{2}-\d{2}",
    r"\[(ERROR|WARN)\]",
    r"\b[\w.+-]+@[\w-]+\.(?:com|org|dev)\b",
    r"id=([0-9a-f]+)",
    r"\"(\w+) \1\"",
    r"https?://[^\s/]+/(\w+)/(\d+)",
    r"(?i)^.*\bERROR\b.*$",
    r"\b(?:alpha|beta|gamma)\w*(?= )",
    r"size=(\d*[13579])\b",
    r"[aeiou]{2,}",
]


def main():
    rounds = int(sys.argv[1])
    text = make_text(400)
    compiled = [re.compile(p, re.M) for p in PATTERNS]
    counts = [0] * len(compiled)
    checksum = 0
    for _ in range(rounds):
        for i, rx in enumerate(compiled):
            counts[i] = len(rx.findall(text))
        rewritten = re.sub(r"user(\d+)@([\w.]+)", lambda m: m.group(2).upper() + "/" + m.group(1)[::-1], text)
        rewritten = re.sub(r"(\d{2}):(\d{2}):(\d{2})", r"\3.\2.\1", rewritten)
        fields = re.split(r"[\s=\"]+", rewritten)
        checksum = (checksum + len(fields) + sum(len(f) for f in fields[::13])) % 1000000007
        first = compiled[5].search(text)
    print("counts", counts)
    print(f"fields {len(fields)} checksum {checksum}")
    print("first url", first.group(0), first.groups())


if __name__ == "__main__":
    main()

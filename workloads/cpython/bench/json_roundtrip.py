"""json_roundtrip: json.dumps and json.loads of nested documents with the stdlib json (its C
accelerator _json is built into python.wasm), as pyperformance's bm_json_dumps and bm_json_loads
(written for tailbench; dicts, strings, escapes, floats, ints).

usage: python json_roundtrip.py ROUNDS
Each round encodes four documents (nested lists and dicts; escaped and non-ASCII strings; floats
and ints; a list of pyperformance's nested dict) twice, compact and sorted-indented, and decodes them
again; prints the encoded lengths, a checksum of the encoded text and whether every decode gave back
an equal document.
"""
import json
import sys

SIMPLE = {"key1": 0, "key2": True, "key3": "value", "key4": "foo", "key5": "string"}
NESTED = {"key1": 0, "key2": SIMPLE, "key3": "value", "key4": SIMPLE, "key5": SIMPLE,
          "key": "\u0105\u0107\u017c"}


def documents():
    tree = {"name": "root", "children": [
        {"id": i, "tags": ["t%d" % (i % 7), "u%d" % (i % 3)], "weight": i * 0.25,
         "child": {"id": -i, "flag": i % 2 == 0, "none": None}} for i in range(40)]}
    text = {"lines": ["line %d: \"quoted\", tab\t, backslash \\, \u00e9\u00e8\u00ea \u2603 %d" % (i, i * i)
                      for i in range(30)]}
    floats = {"values": [i / 7.0 for i in range(-50, 50)], "ints": list(range(0, 10 ** 6, 9973))}
    return [tree, text, floats, [NESTED] * 20]


def main():
    rounds = int(sys.argv[1])
    docs = documents()
    checksum = 0
    equal = True
    lengths = []
    for _ in range(rounds):
        lengths = []
        for doc in docs:
            s = json.dumps(doc)
            t = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False)
            lengths.append(len(s))
            equal = equal and json.loads(s) == doc and json.loads(t) == doc
        checksum = (checksum * 31 + sum(ord(c) for c in s[::97])) % 1000000007
    print("encoded lengths", lengths)
    print(f"checksum {checksum} round trips equal: {equal}")
    print(json.dumps(docs[0]["children"][3], sort_keys=True))


if __name__ == "__main__":
    main()

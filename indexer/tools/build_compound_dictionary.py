#!/usr/bin/env python3
"""Derives indexer/src/main/resources/analysis/opentaal-words.txt.gz from the OpenTaal Dutch word list.

Source: Debian package `wdutch` (/usr/share/dict/dutch), the OpenTaal word list
(https://github.com/OpenTaal/opentaal-wordlist), (c) OpenTaal, Simon Brouwer, Sander van Geloven e.a.,
used under the BSD licence (OpenTaal offers BSD or CC-BY 3.0; see analysis/OPENTAAL-LICENCE.txt).

Kept: lower-case words (no names), folded to a-z without accents, 4 to 14 letters: the parts a
compound can be made of. Run: apt-get install -y wdutch && python3 indexer/tools/build_compound_dictionary.py
"""
import gzip
import re
import unicodedata
from pathlib import Path

SOURCE = Path('/usr/share/dict/dutch')
TARGET = Path(__file__).resolve().parent.parent / 'src/main/resources/analysis/opentaal-words.txt.gz'


def fold(word):
    decomposed = unicodedata.normalize('NFKD', word)
    return ''.join(c for c in decomposed if not unicodedata.combining(c)).lower()


def main():
    words = set()
    for line in SOURCE.read_text(encoding='utf-8').splitlines():
        word = line.strip()
        if not word or word[0].isupper():
            continue
        folded = fold(word)
        if re.fullmatch('[a-z]{4,14}', folded):
            words.add(folded)
    # mtime=0 keeps the file byte-identical between runs
    with open(TARGET, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', mtime=0) as out:
        out.write(('\n'.join(sorted(words)) + '\n').encode('utf-8'))
    print(f'{len(words)} words -> {TARGET}')


if __name__ == '__main__':
    main()

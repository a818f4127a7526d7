// The page's search (contract §4), exactly as `relgraph search` ranks (Sources/RelGraphSearch):
// texts folded the same way (lower case per character, NFD, Latin accents dropped); ranks exact,
// prefix of the whole text, prefix of a word, substring, then (a query of 4+ characters) every
// query word paired with a different word of the text, as its start or, for a query word of 4+
// characters, within 2 edits (adjacent swaps count one). Ties by id. The shared cases in
// Tests/Fixtures/search/cases.json are run against both in Chromium.
// Defines window.RelGraphSearch; relgraph.js calls it.
(function () {
  'use strict';

  var RANKS = ['exact', 'prefix', 'word prefix', 'substring', 'similar'];
  var TYPO_LENGTH = 4, TYPO_EDITS = 2;
  var MARK = /^\p{M}$/u, WORD = /^[\p{L}\p{M}\p{N}]$/u;
  var graphemes = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

  /** Characters as a reader counts them (grapheme clusters, as Swift's String.count). */
  function characters(text) {
    if (!graphemes) return Array.from(text).length;
    var count = 0;
    for (var iterator = graphemes.segment(text)[Symbol.iterator](), step = iterator.next(); !step.done; step = iterator.next()) count++;
    return count;
  }

  /** Whether a code point is a letter of Latin script, whose accents search ignores. */
  function isLatin(c) {
    return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
      (c >= 0xF8 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF) ||
      (c >= 0xAB30 && c <= 0xAB6F) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
  }

  /** The folded text, as an array of code points (strings of one scalar each). */
  function fold(text) {
    var lowered = Array.from(text, function (c) { return c.toLowerCase(); }).join('').normalize('NFD');
    var folded = [], base = -1;
    for (var c of lowered) {
      var value = c.codePointAt(0);
      if (MARK.test(c)) {
        if (value >= 0x300 && value <= 0x36F && base >= 0 && isLatin(base)) continue;
      } else {
        base = value;
      }
      folded.push(c);
    }
    return folded;
  }

  /** The words of a folded text: [start, end) ranges of code point positions. */
  function words(scalars) {
    var found = [], start = -1;
    for (var i = 0; i < scalars.length; i++) {
      if (WORD.test(scalars[i])) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        found.push([start, i]);
        start = -1;
      }
    }
    if (start >= 0) found.push([start, scalars.length]);
    return found;
  }

  function startsWith(scalars, at, query) {
    if (scalars.length - at < query.length) return false;
    for (var i = 0; i < query.length; i++) if (scalars[at + i] !== query[i]) return false;
    return true;
  }

  /** Edit distance with adjacent transpositions (optimal string alignment), at most `bound`. */
  function within(bound, a, b) {
    if (Math.abs(a.length - b.length) > bound) return false;
    if (!a.length || !b.length) return Math.max(a.length, b.length) <= bound;
    var width = b.length + 1, table = new Int32Array((a.length + 1) * width), i, j;
    for (j = 0; j <= b.length; j++) table[j] = j;
    for (i = 1; i <= a.length; i++) {
      table[i * width] = i;
      var minimum = i;
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1,
          table[(i - 1) * width + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, table[(i - 2) * width + j - 2] + 1);
        table[i * width + j] = value;
        minimum = Math.min(minimum, value);
      }
      if (minimum > bound) return false;
    }
    return table[a.length * width + b.length] <= bound;
  }

  function pairs(query, word) {
    return startsWith(word, 0, query.scalars) || (query.forgivesTypos && within(TYPO_EDITS, query.scalars, word));
  }

  /** Whether every query word pairs with a different word of the text (augmenting paths). */
  function pairsEveryWord(queryWords, textWords) {
    if (!queryWords.length || textWords.length < queryWords.length) return false;
    var candidates = queryWords.map(function (query) {
      var list = [];
      textWords.forEach(function (word, index) { if (pairs(query, word)) list.push(index); });
      return list;
    });
    if (candidates.some(function (list) { return !list.length; })) return false;
    var owner = new Int32Array(textWords.length).fill(-1);
    function augment(word, visited) {
      for (var k = 0; k < candidates[word].length; k++) {
        var textWord = candidates[word][k];
        if (visited[textWord]) continue;
        visited[textWord] = 1;
        if (owner[textWord] < 0 || augment(owner[textWord], visited)) { owner[textWord] = word; return true; }
      }
      return false;
    }
    for (var word = 0; word < queryWords.length; word++) {
      if (!augment(word, new Uint8Array(textWords.length))) return false;
    }
    return true;
  }

  /** A text prepared for searching: folded, its word starts and its words. */
  function prepare(text) {
    var scalars = fold(text), ranges = words(scalars);
    return {
      text: text, scalars: scalars, joined: scalars.join(''),
      starts: ranges.map(function (range) { return range[0]; }),
      words: ranges.map(function (range) { return scalars.slice(range[0], range[1]); })
    };
  }

  /** The rank (0–4) of `key` for the prepared query, or -1. */
  function rank(key, query) {
    if (key.joined === query.joined) return 0;
    if (startsWith(key.scalars, 0, query.scalars)) return 1;
    for (var w = 0; w < key.starts.length; w++) {
      if (key.starts[w] > 0 && startsWith(key.scalars, key.starts[w], query.scalars)) return 2;
    }
    if (key.joined.indexOf(query.joined) >= 0) return 3;
    if (query.similar && pairsEveryWord(query.words, key.words)) return 4;
    return -1;
  }

  /**
   * An index over each node's texts (its id first, then its labels). `order(a, b)` compares two
   * nodes as ties are broken (by id, in Unicode scalar order).
   */
  function SearchIndex(texts, order) {
    this.keys = texts.map(function (list) {
      var seen = new Set();
      return list.filter(function (text) { return !seen.has(text) && seen.add(text); }).map(prepare);
    });
    this.order = order;
  }

  /** The nodes matching `value`, best first: [{node, rank, rankName, matched}]. */
  SearchIndex.prototype.search = function (value) {
    var folded = fold(value);
    if (!folded.length) return [];
    var query = { scalars: folded, joined: folded.join(''), similar: characters(value) >= TYPO_LENGTH, words: [] };
    if (query.similar) {
      query.words = words(folded).map(function (range) {
        var scalars = folded.slice(range[0], range[1]);
        return { scalars: scalars, forgivesTypos: characters(scalars.join('')) >= TYPO_LENGTH };
      });
    }
    var found = [];
    this.keys.forEach(function (keys, node) {
      var best = -1, matched = '';
      keys.forEach(function (key) {
        var r = rank(key, query);
        if (r >= 0 && (best < 0 || r < best)) { best = r; matched = key.text; }
      });
      if (best >= 0) found.push({ node: node, rank: best, rankName: RANKS[best], matched: matched });
    });
    var order = this.order;
    found.sort(function (a, b) { return a.rank - b.rank || order(a.node, b.node); });
    return found;
  };

  window.RelGraphSearch = { Index: SearchIndex, fold: fold, ranks: RANKS };
})();

// The language side of the site search, shared by the search page and its
// offline fallback: which query words are searched, which are ignored, which
// are in no page at all, and spelling suggestions from the bank's own words
// (search/words/<first letter's code point>.js fill window.praktikaWords[letter]
// with a letter's words, most frequent first; `files` names those a query needs).
// Pagefind widens a word it does not know to its longest indexed prefix — in
// Russian often a one-letter preposition — so a word is only given to
// Pagefind once the bank is known to contain a word of the same stem.
window.praktikaSearchWords = (function () {
  "use strict";
  // Russian function words (after the Snowball list): they carry no topic.
  var STOP = new Set(("и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня " +
    "еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя " +
    "ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто " +
    "этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при " +
    "наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою " +
    "этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между каких какие который которые которая также").split(" "));
  // Inflectional endings, longest first: a light stem is enough to tell
  // «сельской» from «сельская» and «учителя» from «учитель».
  var ENDINGS = ("иями ями ами ией иях ого его ому ему ыми ими ешь ете ите ают яют ует уют ться ется ятся атся ость " +
    "ях ах ой ей ий ый ая яя ое ее ые ие ую юю ом ем ов ев ам ям ия ью ть ет ют ут ит ат ят им ил ла ли ло ми " +
    "а я о е ы и у ю ь й").split(" ").sort(function (a, b) { return b.length - a.length; });

  function fold(text) { return String(text).toLowerCase().replace(/ё/g, "е"); }
  function split(text) { return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean); }
  function isNumber(word) { return /^\p{N}+$/u.test(word); }
  function stem(word) {
    if (isNumber(word)) return word;
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.length - e.length >= 3 && word.slice(-e.length) === e) return word.slice(0, -e.length);
    }
    return word;
  }
  // Two words share a stem when their light stems are equal, or when one is
  // a long stem (five letters or more) that starts the other: «наставник» and
  // «наставничество», «удержать» and «удержание».
  function related(stemA, word) {
    var stemB = stem(word);
    if (stemA === stemB) return true;
    return (stemA.length >= 5 && word.indexOf(stemA) === 0) || (stemB.length >= 5 && stemA.indexOf(stemB) === 0);
  }

  // A list entry is `word`, or `word:mask` on a site of several bundles when
  // some lack it (the mask names in hex the bundles that hold it).
  var banks = {};
  function load(word) {
    var letter = word.charAt(0);
    if (banks[letter]) return banks[letter];
    var list = [], masks = [];
    String((window.praktikaWords || {})[letter] || "").split(" ").forEach(function (entry) {
      if (!entry) return;
      var colon = entry.indexOf(":");
      list.push(colon < 0 ? entry : entry.slice(0, colon));
      masks.push(colon < 0 ? null : entry.slice(colon + 1));
    });
    var stems = list.map(stem);
    return (banks[letter] = { list: list, masks: masks, stemList: stems, stems: new Set(stems), sorted: list.slice().sort(), held: {} });
  }
  function searchable(word) { return !STOP.has(word) && (isNumber(word) || word.length >= 3); }
  // The word-list files a query needs, by the first letters of its searchable words.
  function files(query) {
    var seen = new Set();
    split(query).forEach(function (word) { if (searchable(word)) seen.add("search/words/" + word.codePointAt(0).toString(16) + ".js"); });
    return Array.from(seen);
  }
  function lowerBound(sorted, key) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (sorted[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function known(word) {
    var b = load(word);
    if (isNumber(word)) return b.stems.has(word);
    var s = stem(word);
    if (b.stems.has(s)) return true;
    if (s.length < 5) return false;
    var next = b.sorted[lowerBound(b.sorted, s)];
    return !!next && next.indexOf(s) === 0;
  }
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var previous = [], current = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (current[j] < best) best = current[j];
      }
      if (best > max) return max + 1;
      previous = current;
    }
    return previous[b.length];
  }
  // The bank's most frequent word within one letter (short words) or two
  // letters (words of six letters or more) of the typed one, among the words
  // with its first letter (a slip in the first letter is rare, and the lists
  // of every letter would cost a phone the whole vocabulary).
  function suggest(word) {
    var b = load(word), max = word.length >= 6 ? 2 : 1, best = null, bestDistance = max + 1;
    if (isNumber(word)) return null;
    for (var i = 0; i < b.list.length && bestDistance > 1; i++) {
      var candidate = b.list[i];
      if (candidate.length < 3 || isNumber(candidate)) continue;
      var d = distance(word, candidate, Math.min(max, bestDistance - 1));
      if (d < bestDistance) { best = candidate; bestDistance = d; }
    }
    return best;
  }
  // Whether bundle `b` has a word Pagefind matches to `word`: one that starts
  // with its stem («эжва» finds «эжвинский»), or a long stem that starts it.
  // Pagefind would widen a word a bundle lacks to any prefix the bundle has
  // («к»), so the search page asks a bundle only for the words it holds.
  function holds(word, b) {
    var bank = load(word), s = stem(word);
    if (!(word in bank.held)) {
      var masks = [];
      for (var i = 0; i < bank.list.length && masks.indexOf(null) < 0; i++) {
        var t = bank.list[i], st = bank.stemList[i];
        var matched = t.indexOf(s) === 0 || (!isNumber(word) && st.length >= 5 && s.indexOf(st) === 0);
        if (matched && masks.indexOf(bank.masks[i]) < 0) masks.push(bank.masks[i]);
      }
      bank.held[word] = masks;
    }
    return bank.held[word].some(function (mask) {
      if (mask === null) return true;
      var digit = mask.length - 1 - (b >> 2);
      return digit >= 0 && ((parseInt(mask.charAt(digit), 16) >> (b & 3)) & 1) === 1;
    });
  }
  // A query's words: searched (in the bank, one per stem), ignored (function
  // words, one- and two-letter words) and unknown (in no page).
  function parse(query) {
    var searched = [], ignored = [], unknown = [], stems = new Set();
    split(query).forEach(function (word) {
      if (!searchable(word)) { if (ignored.indexOf(word) < 0) ignored.push(word); return; }
      var s = stem(word);
      if (stems.has(s)) return;
      stems.add(s);
      if (known(word)) searched.push(word); else unknown.push(word);
    });
    return { searched: searched, ignored: ignored, unknown: unknown };
  }
  return { fold: fold, split: split, stem: stem, related: related, parse: parse, suggest: suggest, known: known, holds: holds, files: files };
})();

//! The Korean boilerplate lexicon: phrases and class words kept as data in `lexicon.txt`,
//! read once into lookup tables. The prune stage and the class hints of the block stage use it.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind, StartKind};
use regex::Regex;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock};

/// The lexicon's text as shipped with the crate.
const BUILTIN_TEXT: &str = include_str!("lexicon.txt");

/// The built-in lexicon, parsed on first use and shared by every default [`Extractor`](crate::Extractor).
/// Its text is this crate's own data: a test checks that it parses, so the empty fallback
/// is never used.
pub(crate) static BUILTIN: LazyLock<Arc<Lexicon>> =
    LazyLock::new(|| Arc::new(Lexicon::parse(BUILTIN_TEXT).unwrap_or_default()));

/// What a class/id word says of its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClassWord {
    Content,
    Boilerplate,
    /// Furniture on its own or first in a token ("copy", "copy_area": the copyright line),
    /// the text itself after a content word ("body-copy", "story_copy": copy is what editors
    /// call an article's text).
    BoilerplateAlone,
    Hidden,
    Caption,
}

/// What the lexicon says of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Boilerplate: drop the block.
    Drop,
    /// Heads a box of boilerplate: drop the box.
    Box,
    /// Ends the body: drop this and all after it.
    Tail,
    /// Boilerplate from this byte offset of the text to its end.
    CutAt(usize),
    /// Closes a letter ("… 에디터 한소율 드림"): the body ends here when most of it lies before;
    /// higher up the same word is a heading's ("아메리칸 드림").
    SignOff,
}

/// The exact-match kinds a phrase can have, as bits of [`Lexicon::exact`]'s values: one lookup
/// answers all three.
const LINE: u8 = 1;
const BOX: u8 = 2;
const TAIL: u8 = 4;

/// The Korean boilerplate lexicon an [`Extractor`](crate::Extractor) prunes with: phrases of
/// controls, notices and box headings, and the class words of page furniture.
///
/// The built-in one ([`Lexicon::builtin`]) is the default. A user adds the phrases of their own
/// sites in the same text format as the crate's `src/lexicon.txt` (one `KIND phrase` a line;
/// kinds `line`, `starts`, `note`, `cut`, `box`, `tail`, `signoff`, `gate`, `class-content`,
/// `class-boiler`, `class-boiler-alone`, `class-hidden`, `class-caption`; `#` starts a comment):
///
/// ```
/// let lexicon = bonmun::Lexicon::builtin_and("line 오늘의 운세 보기\nbox 독자 마당")?;
/// let extractor = bonmun::Extractor::default().with_lexicon(lexicon);
/// let page = "<article><p>시의회가 오늘 새 예산안을 통과시켰다고 밝혔다. 다음 달부터 집행된다.</p>\
///             <p>오늘의 운세 보기</p></article>";
/// let article = extractor.extract(page.as_bytes())?;
/// assert!(!article.text().contains("운세"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The loader refuses text it cannot read as meant: an unknown kind, an entry without a
/// phrase, or one that can never act (the same key twice, a `line` whose key is also a `box`
/// or `tail`, a `cut`, `starts` or `gate` phrase that an earlier, shorter one always matches
/// first).
///
/// ```
/// let err = bonmun::Lexicon::builtin_and("lines 더보기").unwrap_err();
/// assert_eq!(err.line(), 1);
/// assert!(bonmun::Lexicon::builtin_and("line 공유하기").is_err(), "already built in");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// The keys of `line`, `box` and `tail` phrases, each with its kinds.
    exact: HashMap<String, u8, KeyHash>,
    /// For each key length in bytes, whether some `box` phrase has it: a box heading after a
    /// name is looked up only at the lengths a box phrase can have.
    box_lengths: Vec<bool>,
    /// `starts` phrases, matched at the start of a key in one anchored search.
    starts: Option<AhoCorasick>,
    /// `starts` phrases that begin with a symbol ("◆ 관련"), matched on the raw text: their
    /// key alone ("관련") would catch ordinary sentences.
    starts_raw: Vec<String>,
    /// `note` phrases, matched as written at the start of the raw text, whatever its length.
    notes: Vec<String>,
    /// The first characters of `starts_raw` and `notes` phrases: nearly every block opens with
    /// a letter none of them does, and skips both lists on one look at its first character.
    raw_firsts: Vec<char>,
    /// All `cut` phrases without a copyright sign, as one multi-pattern search over keys.
    cut_key: Option<AhoCorasick>,
    /// `cut` phrases with a copyright sign ("Copyright ©", "ⓒ 연합뉴스"), searched in the raw
    /// text, spaces optional: the sign is what makes them notices ("연합뉴스" alone is a
    /// dateline).
    cut_raw: Option<Regex>,
    /// `signoff` words, as keys: the last word of a letter's closing line.
    signoffs: Vec<String>,
    /// `gate` phrases, as one search over the keys of short blocks: a paywall's notice.
    gates: Option<AhoCorasick>,
    /// The longest key of `line`, `box` and `tail`: longer blocks need no set lookups.
    max_exact_key: usize,
    class_words: HashMap<String, ClassWord, KeyHash>,
}

/// The hash of the lexicon's tables. They are looked up for most blocks and class words of a
/// page, with keys of a few dozen bytes, where SipHash's setup dominates; this one takes eight
/// bytes per multiply (the FxHash scheme). The stored keys are the crate's own data, so there
/// is no flooding to defend against: a page only chooses what it looks up, not what is stored.
pub(crate) type KeyHash = BuildHasherDefault<KeyHasher>;

#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl KeyHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..rest.len()) {
                w.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A block longer than this many key characters is running text, not a control or a promo
/// line, whatever it starts with. Promo lines ("▶ 관련기사 보기: …") stay under ~60.
const STARTS_MAX_KEY_CHARS: usize = 60;

/// A paywall's notice is a sentence or two ("이 기사의 나머지 내용은 프리미엄 회원만 볼 수
/// 있습니다." is 27 key characters); a paragraph that mentions members-only content runs longer.
const GATE_MAX_KEY_CHARS: usize = 60;

/// A box heading may carry a short name before its phrase ("한빛일보 주요뉴스", "OO핌 베스트
/// 기사", "문서진 교수의 다른 칼럼"): up to this many bytes of key (six Hangul syllables).
const BOX_PREFIX_MAX_BYTES: usize = 18;

/// Only phrases of at least this many characters match after a name: "3. 일정 요약" is a
/// notice's own section, not a "요약" box.
const BOX_PREFIX_MIN_PHRASE_CHARS: usize = 4;

/// A notice is at most this long from its phrase to the end of the block (the longest, the
/// AI-analysis disclaimers, run to about 200 characters).
const CUT_TAIL_MAX_CHARS: usize = 300;

/// Phrases of at most this many key bytes (five syllables: "무단전재", "배포금지") are generic
/// enough to appear in an article about copyright; they make a notice only within
/// [`CUT_TAIL_MAX_CHARS_SHORT`] of the block's end, the length of a copyright line.
const SHORT_PHRASE_BYTES: usize = 15;
const CUT_TAIL_MAX_CHARS_SHORT: usize = 100;

/// A letter's closing line is short: a greeting and a name before the sign-off word
/// ("오늘도 든든한 한 주 보내세요. 동전주머니 에디터 하윤 드림").
const SIGNOFF_MAX_KEY_CHARS: usize = 40;

/// After a `cut`, a block whose remaining text has fewer key characters than this and does not
/// end a sentence is dropped whole: what is left is the notice's own head ("ⓒ중앙일보(https://…),",
/// "홍길동 기자"), not a paragraph the notice was glued to.
const CUT_KEEP_MIN_KEY_CHARS: usize = 40;

/// A copyright sign at most this many characters before a notice's phrase opens the notice:
/// the owner's name and what the notice covers take a clause or two ("ⓒ 매체명 / 매체명
/// 한국어판. 이 기사의 번역문을 포함한 모든 콘텐츠의 …" is 65); a photo credit further back
/// ("사진=ⓒ통신사") is the paragraph's, not the notice's.
const NOTICE_OWNER_MAX_CHARS: usize = 100;

/// Why a lexicon text was refused: the line (1-based, in the text given) and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    line: usize,
    message: String,
}

impl LexiconError {
    /// The 1-based line of the text the error is on.
    pub fn line(&self) -> usize {
        self.line
    }
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// The kinds of entry, as the text names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Exact(u8),
    Starts,
    Note,
    Cut,
    SignOff,
    Gate,
    Class(ClassWord),
}

fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "line" => Kind::Exact(LINE),
        "box" => Kind::Exact(BOX),
        "tail" => Kind::Exact(TAIL),
        "starts" => Kind::Starts,
        "note" => Kind::Note,
        "cut" => Kind::Cut,
        "signoff" => Kind::SignOff,
        "gate" => Kind::Gate,
        "class-content" => Kind::Class(ClassWord::Content),
        "class-boiler" => Kind::Class(ClassWord::Boilerplate),
        "class-boiler-alone" => Kind::Class(ClassWord::BoilerplateAlone),
        "class-hidden" => Kind::Class(ClassWord::Hidden),
        "class-caption" => Kind::Class(ClassWord::Caption),
        _ => return None,
    })
}

/// The entries read so far, with where each key was first seen, so that a later entry that
/// can never act is refused with the line of the one that shadows it.
#[derive(Default)]
struct Builder {
    lex: Lexicon,
    /// Exact keys with the line that gave them.
    exact_at: HashMap<String, usize>,
    /// `cut` phrases in order: (matched as key or raw, the pattern's comparable form, line).
    cuts: Vec<(bool, String, usize)>,
    cut_key: Vec<String>,
    cut_raw: Vec<String>,
    /// `starts` phrases: (comparable form, raw or key, line).
    starts_at: Vec<(String, bool, usize)>,
    starts: Vec<String>,
    /// `note` phrases with their lines.
    notes_at: Vec<(String, usize)>,
    class_at: HashMap<String, usize>,
    signoff_at: HashMap<String, usize>,
    /// `gate` phrases (keys) with their lines.
    gates_at: Vec<(String, usize)>,
}

impl Builder {
    fn finish(self) -> Lexicon {
        let mut lex = self.lex;
        // The phrases are escaped: the patterns always compile, and the lexicon's own test
        // checks that they do. Contiguous NFAs, not the DFAs aho-corasick would pick: Korean
        // phrases have many distinct bytes, and their DFAs take 0.7 MB of tables that every
        // block looks into; between pages the parse pushes those out of the caches, and the
        // misses cost more than the NFA's extra steps.
        lex.cut_key = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.cut_key)
            .ok();
        lex.cut_raw = (!self.cut_raw.is_empty())
            .then(|| Regex::new(&format!("(?i){}", self.cut_raw.join("|"))).ok())
            .flatten();
        lex.starts = AhoCorasick::builder()
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.starts)
            .ok();
        let gates: Vec<&String> = self.gates_at.iter().map(|(g, _)| g).collect();
        lex.gates = (!gates.is_empty())
            .then(|| AhoCorasick::builder().kind(Some(AhoCorasickKind::ContiguousNFA)).build(gates).ok())
            .flatten();
        for c in lex.starts_raw.iter().chain(&lex.notes).filter_map(|p| p.chars().next()) {
            if !lex.raw_firsts.contains(&c) {
                lex.raw_firsts.push(c);
            }
        }
        let longest = lex.exact.keys().map(String::len).max().unwrap_or(0);
        lex.max_exact_key = longest + BOX_PREFIX_MAX_BYTES;
        lex.box_lengths = vec![false; longest + 1];
        for (k, kinds) in &lex.exact {
            if kinds & BOX != 0
                && let Some(slot) = lex.box_lengths.get_mut(k.len())
            {
                *slot = true;
            }
        }
        lex
    }

    fn read(&mut self, data: &str) -> Result<(), LexiconError> {
        for (n, line) in data.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| LexiconError { line: n + 1, message };
            let (name, phrase) = line.split_once(' ').unwrap_or((line, ""));
            let phrase = phrase.trim();
            let kind = kind_of(name).ok_or_else(|| fail(format!("unknown kind {name:?}")))?;
            if phrase.is_empty() {
                return Err(fail(format!("{name} without a phrase")));
            }
            self.add(kind, phrase, n + 1)
                .map_err(|(message, first)| fail(format!("{message}, as line {first} has")))?;
        }
        Ok(())
    }

    /// Adds one entry, or says why it can never act and which earlier line makes it so.
    fn add(&mut self, kind: Kind, phrase: &str, line: usize) -> Result<(), (String, usize)> {
        match kind {
            Kind::Exact(bit) => {
                let k = key(phrase);
                if let Some(&first) = self.exact_at.get(&k) {
                    return Err((format!("{phrase:?} has the key of an earlier entry"), first));
                }
                self.exact_at.insert(k.clone(), line);
                self.lex.exact.insert(k, bit);
            }
            Kind::Starts => {
                // A phrase that begins with a symbol is matched as written; otherwise by key.
                let raw = phrase.starts_with(|c: char| !c.is_alphanumeric());
                let form = if raw { phrase.to_string() } else { key(phrase) };
                // Every starts phrase drops its block: of two where one begins with the other,
                // the longer never decides anything.
                if let Some((_, _, first)) = self.starts_at.iter().find(|(f, r, _)| {
                    *r == raw && (form.starts_with(f.as_str()) || f.starts_with(form.as_str()))
                }) {
                    return Err((format!("{phrase:?} overlaps an earlier starts phrase"), *first));
                }
                self.starts_at.push((form.clone(), raw, line));
                if raw { self.lex.starts_raw.push(form) } else { self.starts.push(form) }
            }
            Kind::Note => {
                // As with starts, of two where one begins with the other the longer never acts.
                if let Some((_, first)) = self
                    .notes_at
                    .iter()
                    .find(|(f, _)| phrase.starts_with(f.as_str()) || f.starts_with(phrase))
                {
                    return Err((format!("{phrase:?} overlaps an earlier note phrase"), *first));
                }
                self.notes_at.push((phrase.to_string(), line));
                self.lex.notes.push(phrase.to_string());
            }
            Kind::Cut => {
                // Only a copyright sign makes a phrase need its symbol; other punctuation ("·",
                // ",") is spacing, which the key ignores.
                let raw = phrase.contains(['©', 'ⓒ']) || phrase.to_ascii_lowercase().contains("(c)");
                let form = if raw {
                    phrase.split_whitespace().collect::<String>().to_lowercase()
                } else {
                    key(phrase)
                };
                // Leftmost-first matching: where an earlier phrase is a prefix of this one, it
                // always matches first, at the same place.
                if let Some((_, _, first)) =
                    self.cuts.iter().find(|(r, f, _)| *r == raw && form.starts_with(f.as_str()))
                {
                    return Err((format!("{phrase:?} is always matched first by an earlier cut"), *first));
                }
                self.cuts.push((raw, form.clone(), line));
                if raw {
                    let pattern = phrase.split_whitespace().map(regex::escape).collect::<Vec<_>>();
                    self.cut_raw.push(pattern.join(r"\s*"));
                } else {
                    self.cut_key.push(form);
                }
            }
            Kind::SignOff => {
                let k = key(phrase);
                if let Some(&first) = self.signoff_at.get(&k) {
                    return Err((format!("signoff {phrase:?} given twice"), first));
                }
                self.signoff_at.insert(k.clone(), line);
                self.lex.signoffs.push(k);
            }
            Kind::Gate => {
                // Any match decides: of two where one holds the other, the longer never acts.
                let k = key(phrase);
                if let Some((_, first)) =
                    self.gates_at.iter().find(|(g, _)| k.contains(g.as_str()) || g.contains(k.as_str()))
                {
                    return Err((format!("{phrase:?} overlaps an earlier gate phrase"), *first));
                }
                self.gates_at.push((k, line));
            }
            Kind::Class(word) => {
                if let Some(&first) = self.class_at.get(phrase) {
                    return Err((format!("class word {phrase:?} given twice"), first));
                }
                self.class_at.insert(phrase.to_string(), line);
                self.lex.class_words.insert(phrase.to_string(), word);
            }
        }
        Ok(())
    }
}

impl Lexicon {
    /// The lexicon shipped with the crate (`src/lexicon.txt`): what [`Extractor::default`](crate::Extractor)
    /// uses. Each call parses it anew; the default extractor shares one parsed copy.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(BUILTIN_TEXT).unwrap_or_default()
    }

    /// A lexicon of these entries only, without the built-in ones.
    ///
    /// # Errors
    /// [`LexiconError`] on the first entry the loader refuses (see [`Lexicon`]).
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        b.read(text)?;
        Ok(b.finish())
    }

    /// The built-in lexicon with these entries added; an entry that repeats a built-in one is
    /// refused like any other duplicate, with its line in `extra`.
    ///
    /// # Errors
    /// [`LexiconError`] on the first entry of `extra` the loader refuses.
    pub fn builtin_and(extra: &str) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        b.read(BUILTIN_TEXT)?;
        b.read(extra)?;
        Ok(b.finish())
    }
    pub(crate) fn class_word(&self, word: &str) -> Option<ClassWord> {
        self.class_words.get(word).copied()
    }

    /// This lexicon with `words` no class words: for reading again a page whose class names
    /// mislead (see `pipeline::body`).
    pub(crate) fn without_class_words(&self, words: &[String]) -> Lexicon {
        let mut out = self.clone();
        out.class_words.retain(|w, _| !words.contains(w));
        out
    }

    /// What the lexicon says of a block, given its text and its key (see [`key`]).
    /// `signed` says whether the text carries a copyright sign (©, ⓒ, "(c)"): the block stage
    /// notes it while reading, `has_sign` finds it in a text. `unlinked` is the number of the
    /// key's letters and digits that are not link text.
    pub(crate) fn judge(&self, text: &str, k: &str, signed: bool, unlinked: u32) -> Option<Verdict> {
        if k.is_empty() {
            // Only symbols: a separator, a bullet, an arrow. Nothing a reader reads.
            return Some(Verdict::Drop);
        }
        if k.len() <= self.max_exact_key
            && let Some(verdict) = self.exact_verdict(k)
        {
            return Some(verdict);
        }
        if self.is_signoff(text, k) {
            return Some(Verdict::SignOff);
        }
        if self.opens_with_start(text, k) || self.opens_with_note(text) {
            return Some(Verdict::Drop);
        }
        if self.label_heads_box(k, unlinked) {
            return Some(Verdict::Box);
        }
        if self.is_gate(k) {
            return Some(Verdict::Tail);
        }
        self.notice_cut(text, k, signed)
    }

    /// A short block that holds a `gate` phrase: a paywall's or a login wall's notice. What
    /// follows it is the offer, not the article, whose rest is not on the page.
    fn is_gate(&self, k: &str) -> bool {
        // (The byte length first, as for `starts`: a Hangul key character is three bytes.)
        let short = k.len() <= GATE_MAX_KEY_CHARS
            || (k.len() <= GATE_MAX_KEY_CHARS * 3 && k.chars().count() <= GATE_MAX_KEY_CHARS);
        short && self.gates.as_ref().is_some_and(|ac| ac.is_match(k))
    }

    /// The verdict of the phrases a key of a short block must equal: a counter's label, the
    /// key itself, or the key after a short name.
    fn exact_verdict(&self, k: &str) -> Option<Verdict> {
        let kinds = |key: &str| self.exact.get(key).copied().unwrap_or(0);
        // Counters ride on labels ("댓글 3", "좋아요 12"): the label without its digits.
        if k.bytes().any(|b| b.is_ascii_digit()) {
            let bare: String = k.chars().filter(|c| !c.is_ascii_digit()).collect();
            let found = if bare.is_empty() { 0 } else { kinds(&bare) };
            if found & TAIL != 0 {
                return Some(Verdict::Tail);
            }
            if found & LINE != 0 {
                return Some(Verdict::Drop);
            }
            // A box's heading counts what it lists ("이 논문을 인용한 논문 (3)", "관련기사 5건").
            if found & BOX != 0 {
                return Some(Verdict::Box);
            }
        }
        // The key itself, or the key after a short name: each char boundary within the
        // name's length whose rest has a box phrase's length is one lookup.
        let found = kinds(k);
        let after_name = || {
            k.char_indices()
                .map(|(i, _)| i)
                .skip(1)
                .take_while(|&i| i <= BOX_PREFIX_MAX_BYTES)
                .filter_map(|i| k.get(i..))
                .filter(|rest| self.box_lengths.get(rest.len()).copied().unwrap_or(false))
                .any(|rest| {
                    rest.chars().nth(BOX_PREFIX_MIN_PHRASE_CHARS - 1).is_some() && kinds(rest) & BOX != 0
                })
        };
        if found & BOX != 0 || after_name() {
            return Some(Verdict::Box);
        }
        if found & TAIL != 0 {
            return Some(Verdict::Tail);
        }
        if found & LINE != 0 {
            return Some(Verdict::Drop);
        }
        None
    }

    /// A closing line: the sign-off word last, as a word of its own.
    fn is_signoff(&self, text: &str, k: &str) -> bool {
        // (The key ends with the word's key: only then is the last word read.)
        if !self.signoffs.iter().any(|s| k.ends_with(s.as_str()))
            || k.chars().nth(SIGNOFF_MAX_KEY_CHARS).is_some()
        {
            return false;
        }
        let last = text.trim_end_matches(|c: char| !is_key_char(c));
        let word = last.rsplit(char::is_whitespace).next().unwrap_or(last);
        word.len() < last.len() && self.signoffs.iter().any(|s| key(word) == *s)
    }

    /// A short block that opens with a phrase of the lexicon's starts, by key or raw text.
    fn opens_with_start(&self, text: &str, k: &str) -> bool {
        // Byte length first: a Hangul key of 60 letters is 180 bytes.
        let short = k.len() <= STARTS_MAX_KEY_CHARS
            || (k.len() <= STARTS_MAX_KEY_CHARS * 3 && k.chars().count() <= STARTS_MAX_KEY_CHARS);
        if !short {
            return false;
        }
        let anchored = aho_corasick::Input::new(k).anchored(Anchored::Yes);
        self.starts.as_ref().is_some_and(|ac| ac.find(anchored).is_some())
            || self.opens_raw(text).is_some_and(|trimmed| {
                self.starts_raw
                    .iter()
                    .any(|s| trimmed.strip_prefix(s.as_str()).is_some_and(|rest| !opens_speaker_turn(rest)))
            })
    }

    /// The text from its first non-space character, when that character opens some `starts_raw`
    /// or `note` phrase.
    fn opens_raw<'t>(&self, text: &'t str) -> Option<&'t str> {
        let trimmed = text.trim_start();
        trimmed.chars().next().filter(|c| self.raw_firsts.contains(c)).map(|_| trimmed)
    }

    /// A block that opens as a note on the article itself does ("※ 이 기사는 …"): an editor's
    /// note or a disclaimer, as long as it needs to be.
    fn opens_with_note(&self, text: &str) -> bool {
        self.opens_raw(text).is_some_and(|trimmed| self.notes.iter().any(|n| trimmed.starts_with(n.as_str())))
    }

    /// A box's heading with its first teaser glued on — a label and a linked headline in one
    /// line, "함께 읽으면 좋은 콘텐츠 [기획] …" — heads the box as the label alone would:
    /// the letters outside links are exactly a box phrase, at the block's start.
    fn label_heads_box(&self, k: &str, unlinked: u32) -> bool {
        // (A label has at most `max_exact_key` letters: longer unlinked text, as in any
        // paragraph without links, is not walked.)
        let label_end = (unlinked as usize <= self.max_exact_key)
            .then(|| k.char_indices().nth(unlinked as usize).map(|(i, _)| i))
            .flatten();
        label_end
            .filter(|&i| i > 0 && i <= self.max_exact_key)
            .and_then(|i| k.get(..i))
            .is_some_and(|label| self.exact.get(label).is_some_and(|kinds| kinds & BOX != 0))
    }

    /// Where the earliest notice in the text (a copyright line), found by key or by raw text,
    /// cuts the block, or that the block is nothing but one; `None` without a notice near
    /// its end.
    fn notice_cut(&self, text: &str, k: &str, signed: bool) -> Option<Verdict> {
        let by_key = self.cut_key.as_ref().and_then(|ac| ac.find(k)).map(|m| {
            // A short phrase ("무단전재") is a notice only near the end of its block.
            let limit =
                if m.len() <= SHORT_PHRASE_BYTES { CUT_TAIL_MAX_CHARS_SHORT } else { CUT_TAIL_MAX_CHARS };
            (text_offset(text, m.start()), limit)
        });
        // Most blocks carry no copyright sign; they skip the regex.
        let by_raw =
            signed.then(|| self.cut_raw.as_ref().and_then(|r| r.find(text))).flatten().map(|m| m.start());
        let by_raw = by_raw.map(|at| (at, CUT_TAIL_MAX_CHARS));
        let (at, limit) = match (by_key, by_raw) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        // A notice closes its block; a phrase with much text after it is the article talking
        // about piracy ("…를 무단 전재한 혐의로 …").
        if text.get(at..).is_some_and(|tail| tail.chars().count() > limit) {
            return None;
        }
        let head = text.get(..at).unwrap_or(text);
        // A notice that names its owner before the phrase ("ⓒ 매체명 한국어판. 이 기사의 번역문을
        // 포함한 모든 콘텐츠의 무단 전재와 …") starts at its sign, when the sign is near.
        let head = match signed.then(|| head.rfind(['©', 'ⓒ'])).flatten() {
            Some(sign) if head.get(sign..).is_some_and(|n| n.chars().count() <= NOTICE_OWNER_MAX_CHARS) => {
                head.get(..sign).unwrap_or(head)
            }
            _ => head,
        };
        // Back off over the symbols that open the notice ("<저작권자 ©", "[ⓒ …]").
        let head = head.trim_end_matches(|c: char| c.is_whitespace() || "<[(〈《【-|/·ⓒ©".contains(c));
        if key(head).chars().count() < CUT_KEEP_MIN_KEY_CHARS && !crate::text::ends_sentence(head) {
            return Some(Verdict::Drop);
        }
        Some(Verdict::CutAt(head.len()))
    }
}

/// A speaker's name before `=` is at most this many characters: "사회", "김도윤", "정책관".
const SPEAKER_MAX_CHARS: usize = 8;

/// Whether the text after a marker opens a speaker's turn ("▶사회=…", "▶김도윤 = …"): Korean
/// papers write a round-table's or an interview's turns behind the same arrow as their promo
/// lines, and mark the speaker with `=` as a dateline marks its reporter ("서울=…").
fn opens_speaker_turn(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.split_once('=').is_some_and(|(name, _)| {
        let name = name.trim_end();
        !name.is_empty()
            && name.chars().count() <= SPEAKER_MAX_CHARS
            && name.chars().all(|c| c.is_alphanumeric() || c == ' ')
    })
}

/// Whether a text carries a copyright sign: ©, ⓒ or "(c)" (the block stage's flag, for tests).
#[cfg(test)]
pub(crate) fn has_sign(text: &str) -> bool {
    text.contains(['©', 'ⓒ']) || text.contains("(c)") || text.contains("(C)")
}

/// Whether a character is in the matching key: the letters and digits.
///
/// The key is defined by this and [`push_key_char`], and built only with them: by [`key`] here,
/// and by the block stage while it reads a block's text (which copies runs of Hangul syllables
/// and lower-case ASCII letters and digits as they are, each its own key).
pub(crate) fn is_key_char(c: char) -> bool {
    // Hangul syllables first: they are alphabetic, and most of a Korean text's characters,
    // but `is_alphanumeric` finds them only by its slow table lookup.
    matches!(c, '\u{AC00}'..='\u{D7A3}') || c.is_alphanumeric()
}

/// Appends the key of `c`, a character [`is_key_char`] takes, to `key`: its lower case.
pub(crate) fn push_key_char(key: &mut String, c: char) {
    if c.is_ascii() {
        key.push(c.to_ascii_lowercase());
    } else {
        key.extend(c.to_lowercase());
    }
}

/// The matching key of a text: its letters and digits, lower-cased.
pub(crate) fn key(text: &str) -> String {
    let mut k = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| is_key_char(c)) {
        push_key_char(&mut k, c);
    }
    k
}

/// The byte offset in `text` of the character that produced byte `key_at` of its key.
fn text_offset(text: &str, key_at: usize) -> usize {
    let mut seen = 0;
    let mut one = String::new();
    for (i, c) in text.char_indices().filter(|&(_, c)| is_key_char(c)) {
        if seen >= key_at {
            return i;
        }
        one.clear();
        push_key_char(&mut one, c);
        seen += one.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_text_loads() {
        assert!(Lexicon::parse(BUILTIN_TEXT).is_ok(), "{:?}", Lexicon::parse(BUILTIN_TEXT).err());
        assert!(!BUILTIN.exact.is_empty() && !BUILTIN.class_words.is_empty());
    }

    #[test]
    fn loader_refuses_entries_that_cannot_act() {
        let refused = |text: &str| Lexicon::parse(text).err().map(|e| e.line());
        assert_eq!(refused("line 더보기\nlines 닫기"), Some(2), "unknown kind");
        assert_eq!(refused("line"), Some(1), "no phrase");
        assert_eq!(refused("line 링크복사\n\nline 링크 복사"), Some(3), "same key");
        assert_eq!(refused("tail 태그\nline 태그"), Some(2), "a line the tail shadows");
        assert_eq!(
            refused("cut 무단전재\ncut 무단 전재 및 재배포 금지"),
            Some(2),
            "a cut matched first by a shorter one"
        );
        assert_eq!(refused("cut 저작권자 ©\ncut 저작권자 © 예시일보"), Some(2), "the same with a sign");
        assert_eq!(refused("starts 관련기사\nstarts 관련 기사 보기"), Some(2), "a longer starts");
        assert_eq!(refused("starts 관련 기사 보기\nstarts 관련기사"), Some(2), "a shorter starts");
        assert_eq!(refused("class-boiler share\nclass-content share"), Some(2), "a class word twice");
        assert_eq!(refused("signoff 드림\nsignoff 드림"), Some(2), "a signoff twice");
        assert_eq!(refused("note ※ 이 기사는\nnote ※ 이 기사"), Some(2), "a note another begins");
        assert_eq!(
            refused("gate 회원만 볼 수 있습니다\ngate 유료 회원만 볼 수 있습니다"),
            Some(2),
            "a gate in a gate"
        );
        // A longer cut listed first still acts; so do the same words under a symbol and not.
        assert_eq!(refused("cut 무단 전재 및 재배포 금지\ncut 무단전재"), None);
        assert_eq!(refused("starts ▶ 관련\nstarts 관련기사"), None);
        assert_eq!(refused("# comment\n\nline 더보기"), None);
        // Extending the built-in lexicon counts lines in the extension.
        assert_eq!(Lexicon::builtin_and("line 새 메뉴\nline 공유하기").err().map(|e| e.line()), Some(2));
    }

    #[test]
    fn a_letter_closes_with_its_signoff() {
        let j = |t: &str| BUILTIN.judge(t, &key(t), false, key(t).chars().count() as u32);
        assert_eq!(j("주머니레터 에디터 한소율 드림"), Some(Verdict::SignOff));
        assert_eq!(j("오늘도 든든한 한 주 보내세요. 동전주머니 에디터 하윤 드림"), Some(Verdict::SignOff));
        assert_eq!(j("편집부 올림."), Some(Verdict::SignOff));
        // The word alone, glued to another, or ending a long paragraph is not a closing line.
        assert_eq!(j("드림"), None);
        assert_eq!(j("꿈을드림"), None);
        assert_eq!(
            j(
                "군은 이 사업이 지역 청년들에게 일자리와 주거를 함께 제공하겠다는 약속을 담았다며 사업의 이름을 청년 드림"
            ),
            None
        );
    }

    #[test]
    fn an_arrow_before_a_speaker_opens_a_turn_not_a_promo() {
        let j = |t: &str| BUILTIN.judge(t, &key(t), false, key(t).chars().count() as u32);
        assert_eq!(j("▶ 관련기사 보기"), Some(Verdict::Drop));
        assert_eq!(j("▶ 기사 제보는 카카오톡 예시일보"), Some(Verdict::Drop));
        assert_eq!(j("▶사회=통폐합 외에 어떤 대안이 있을까요."), None);
        assert_eq!(j("▶ 김도윤 = 교사 정원 기준부터 바꿔야 합니다."), None);
        assert_eq!(
            j("[광고] 바다로낚시 온라인몰 창립 기념 행사! 5만원 이상 구매 시 무료 배송"),
            Some(Verdict::Drop)
        );
        assert_eq!(j("온라인 광고 시장은 지난해 처음으로 방송 광고를 앞질렀다."), None);
        // A board's empty attachment row.
        assert_eq!(j("등록된 첨부파일이 없습니다."), Some(Verdict::Drop));
        // A long label before the mark is no speaker's name.
        assert_eq!(j("▶ 관련기사 이 시각 많이 본 뉴스 모음=바로가기"), Some(Verdict::Drop));
    }

    #[test]
    fn an_added_phrase_is_judged() {
        let lex = Lexicon::builtin_and("line 오늘의 운세 보기").unwrap_or_default();
        let t = "오늘의 운세 보기";
        assert_eq!(lex.judge(t, &key(t), false, 0), Some(Verdict::Drop));
        assert_eq!(BUILTIN.judge(t, &key(t), false, 0), None);
    }

    #[test]
    fn judges_controls_and_copyright() {
        let lex = &**BUILTIN;
        assert!(lex.cut_key.is_some() && lex.cut_raw.is_some(), "cut phrases compile");
        assert!(lex.starts.is_some(), "starts phrases compile");
        let j = |t: &str| lex.judge(t, &key(t), has_sign(t), key(t).chars().count() as u32);
        assert_eq!(j("더 크게"), Some(Verdict::Drop));
        assert_eq!(j("※ 본문 글자 크기 조정"), Some(Verdict::Drop));
        assert_eq!(j("[관련기사]"), Some(Verdict::Box));
        // A note on the article goes however long it runs; the same words in a sentence stay.
        let note = "※ 이 기사는 예시경제와 예시데이터랩이 함께 만든 기사 작성 알고리즘이 한국거래소 시세 데이터를 바탕으로 자동으로 작성했습니다. 기사에 담긴 수치는 장 마감 직후의 잠정치입니다.";
        assert_eq!(j(note), Some(Verdict::Drop));
        assert_eq!(j("시의회는 이 기사는 물론 다른 보도에 대해서도 반론을 내겠다고 밝혔다."), None);
        assert_eq!(j("<저작권자 © 예시일보, 무단 전재 및 재배포 금지>"), Some(Verdict::Drop));
        let body = "정부가 오늘 새 정책을 발표했다고 밝혔다. <저작권자 © 예시일보 무단전재 및 재배포 금지>";
        match j(body) {
            Some(Verdict::CutAt(at)) => {
                assert_eq!(body.get(..at), Some("정부가 오늘 새 정책을 발표했다고 밝혔다."))
            }
            other => panic!("expected a cut, got {other:?}"),
        }
        assert_eq!(j("정부가 오늘 새 정책을 발표했다고 밝혔다."), None);
        // A symbol makes the notice: the agency's name in a dateline is not one.
        assert_eq!(j("(서울=연합뉴스) 홍길동 기자 = 정부가 오늘 새 정책을 발표했다고 밝혔다."), None);
        assert_eq!(j("The copyright of the photo belongs to the museum, the curator said."), None);
        assert_eq!(j("Copyright © 2024 예시경제. All rights reserved."), Some(Verdict::Drop));
        assert_eq!(j("좋아요 12"), Some(Verdict::Drop));
        // A box's heading with the count of what it lists.
        assert_eq!(j("이 논문을 인용한 논문 (3)"), Some(Verdict::Box));
        assert_eq!(j("관련기사 (5)"), Some(Verdict::Box));
        assert_eq!(j("[저작권자(c) 예시방송 무단전재, 재배포 및 AI 데이터 활용 금지]"), Some(Verdict::Drop));
        let piracy = "경찰은 그가 다른 언론사의 기사를 무단 전재한 혐의로 조사를 받고 있으며, 피해 언론사들은 손해배상 청구 소송도 함께 준비하고 있다고 밝혔다. 업계는 이번 사건이 디지털 콘텐츠 저작권 보호에 대한 경각심을 높이는 계기가 될 것이라며, 재발 방지를 위한 제도 개선과 함께 플랫폼 사업자의 책임을 강화해야 한다는 목소리를 내고 있다. 정부도 관련 법 개정을 검토하기로 했다. 전문가들은 단속만으로는 한계가 있다며 이용자 인식 개선이 함께 이뤄져야 한다고 지적했다. 한 변호사는 처벌 수위가 낮아 같은 일이 되풀이된다고 말했다.";
        assert_eq!(j(piracy), None);
        // An owner's clause between the sign and the phrase is the notice's, and goes with it.
        let owned = "ⓒ Hafen Rundschau / 하펜 룬트샤우 한국어판. 이 기사의 번역문을 포함한 모든 콘텐츠의 무단 전재와 재배포를 금지합니다.";
        assert_eq!(j(owned), Some(Verdict::Drop));
        let after = format!("시의회는 다음 달 세부 계획을 확정한다고 밝혔다. {owned}");
        match j(&after) {
            Some(Verdict::CutAt(at)) => {
                assert_eq!(after.get(..at), Some("시의회는 다음 달 세부 계획을 확정한다고 밝혔다."))
            }
            other => panic!("expected a cut, got {other:?}"),
        }
    }

    #[test]
    fn a_paywall_notice_ends_the_body_a_sentence_about_one_does_not() {
        let lex = &**BUILTIN;
        let judge = |t: &str| lex.judge(t, &key(t), false, 0);
        assert_eq!(judge("이 기사의 나머지 내용은 프리미엄 회원만 볼 수 있습니다."), Some(Verdict::Tail));
        assert_eq!(judge("이 기사는 유료회원 전용입니다. 로그인해 주세요."), Some(Verdict::Tail));
        // Running text that reports on a paywall is longer than a notice.
        let report = "한 경제지는 지난달부터 주요 분석 기사를 유료 회원 전용으로 돌렸는데, 업계에서는 \
                      무료로 읽을 수 있는 기사가 줄어들수록 포털을 통한 유입도 함께 줄어들 것이라는 전망이 나온다.";
        assert_eq!(judge(report), None);
    }

    #[test]
    fn box_label_glued_to_a_linked_headline() {
        let lex = &**BUILTIN;
        let label = "함께 읽으면 좋은 콘텐츠";
        let headline = "[기획] 배양기 한 기가 들어서기까지 공장 건설 29개월의 기록";
        let text = format!("{label} {headline}");
        let k = key(&text);
        let label_chars = key(label).chars().count() as u32;
        // The headline linked: only the label is outside links.
        assert_eq!(lex.judge(&text, &k, false, label_chars), Some(Verdict::Box));
        // Nothing linked, or more than the label unlinked: a sentence that starts with the words.
        assert_eq!(lex.judge(&text, &k, false, k.chars().count() as u32), None);
        assert_eq!(lex.judge(&text, &k, false, label_chars + 3), None);
        // The whole line linked: no label.
        assert_eq!(lex.judge(&text, &k, false, 0), None);
    }
}

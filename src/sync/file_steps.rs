//! Reading a large version-2 file a part at a time, so the page is never held
//! for long: a province's file is 46 MiB, and `file::parse` reads it in one
//! piece, a main-thread task of about a second.
//!
//! The reader first finds where each record's text lies (a scan that checks
//! the file's frame strictly and copies every other member into a small
//! "skeleton"), then parses the skeleton and the records a few at a time, each
//! with the same serde types `file::parse` uses. It only ever gives the file
//! `file::parse` would give: at anything it does not expect (a version-1 file,
//! a wrong format, an unknown kind, a record that does not parse, a key with
//! an escape, nesting past the limit…) it answers `Fallback`, and the caller
//! reads the text the one-piece way, which finds the error and names it as
//! before. Version-1 backups and bad files are refused at their first
//! unexpected member; version-2 files the app writes take the steps.

use super::file::{self, SyncFile, FORMAT, VERSION};
use super::kinds::{self, KindCall, Sections, SyncKind};
use crate::json_nesting::{self, MAX_NESTING};
use crate::model::record::Record;

/// What one step came to.
#[derive(Debug, PartialEq)]
pub enum Step<'a> {
    /// More to do: call `step` again (after letting the page breathe).
    More,
    /// The frame is read and well formed: the caller checks `checksum` against
    /// `body` (the app while the records are parsed) and takes the file only if
    /// they agree.
    Scanned { body: &'a str, checksum: &'a str },
    /// The whole file, as `file::parse` reads it.
    Done(Box<SyncFile>),
    /// Not a file this reader takes: read it with `file::read_head` and `file::parse`.
    Fallback,
}

/// One record's text in the file.
#[derive(Debug, Clone, Copy)]
struct At<'a> {
    conflicts: bool,
    kind: &'a str,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Stage<'a> {
    Start,
    /// Inside the top object, `first` before its first member.
    Members { first: bool },
    /// Inside `records` or `conflicts`, before a kind's key or the end.
    Kinds { conflicts: bool, first: bool, seen: Vec<&'a str> },
    /// Inside a kind's list, before a record or the end.
    Elements { conflicts: bool, kind: &'a str, first: bool, seen: Vec<&'a str> },
    /// The frame is read; the skeleton is parsed next.
    Framed,
    /// The caller has the checksum to check; records are parsed next.
    Parsing,
    Finished,
}

/// A version-2 file read in steps; see the module's comment.
pub struct StepReader<'a> {
    text: &'a str,
    pos: usize,
    stage: Stage<'a>,
    /// Every top-level member but `records` and `conflicts`, as JSON.
    skeleton: String,
    sections_seen: [bool; 2],
    at: Vec<At<'a>>,
    next: usize,
    file: Option<SyncFile>,
}

/// The top-level members of a version-2 file (`SyncFile`'s, and the checksum).
const FIELDS: &[&str] = &["format", "version", "exported_at", "device_id", "officer", "scope", "admin_units", "forms", "aliases", "unreadable", "checksum"];

/// How many bytes the scan covers for each one serde parses into typed
/// records: the scan only counts brackets and quotes, and builds nothing. (The
/// tasks over 50 ms an import still has are listed in `docs/benchmarks.md`.)
const SCAN_PER_PARSE: usize = 8;

/// Depth of a record's object: the file, the section, the kind's list, the record.
const RECORD_DEPTH: usize = 4;

impl<'a> StepReader<'a> {
    pub fn new(text: &'a str) -> StepReader<'a> {
        StepReader { text, pos: 0, stage: Stage::Start, skeleton: String::from("{"), sections_seen: [false; 2], at: Vec::new(), next: 0, file: None }
    }

    /// Goes on for about `budget` bytes of records parsed (at least one
    /// record), or `SCAN_PER_PARSE` times that scanned.
    pub fn step(&mut self, budget: usize) -> Step<'a> {
        let out = match self.stage {
            Stage::Framed => self.frame_checked(),
            Stage::Parsing => self.parse_records(budget),
            Stage::Finished => None,
            _ => self.scan(budget.saturating_mul(SCAN_PER_PARSE)),
        };
        out.unwrap_or_else(|| {
            self.stage = Stage::Finished;
            Step::Fallback
        })
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn ws(&mut self) {
        while self.bytes().get(self.pos).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.bytes().get(self.pos) == Some(&c)).then(|| self.pos += 1)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    /// A key: its text between the quotes, which must hold no escape.
    fn key(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.pos;
        let len = self.bytes()[start..].iter().position(|&b| b == b'"' || b == b'\\')?;
        self.pos = start + len;
        self.eat(b'"')?;
        Some(&self.text[start..start + len])
    }

    /// Steps over one value, whose opening bracket (if any) is at `depth`,
    /// and returns where it started. Brackets are only counted here: serde
    /// reads every value this skips, and refuses one that does not match.
    fn skip_value(&mut self, depth: usize) -> Option<usize> {
        let start = self.pos;
        let bytes = self.bytes();
        match self.peek()? {
            b'{' | b'[' => {
                // Its own bracket is at `depth`: no deeper than `MAX_NESTING` in all.
                self.pos = json_nesting::value_end(bytes, start, (MAX_NESTING + 1).saturating_sub(depth))?;
                Some(start)
            }
            b'"' => {
                let mut escaped = false;
                for (i, &b) in bytes[start + 1..].iter().enumerate() {
                    match b {
                        _ if escaped => escaped = false,
                        b'\\' => escaped = true,
                        b'"' => {
                            self.pos = start + 1 + i + 1;
                            return Some(start);
                        }
                        _ => {}
                    }
                }
                None
            }
            _ => {
                let len = bytes[start..].iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')).unwrap_or(bytes.len() - start);
                (len > 0).then(|| {
                    self.pos = start + len;
                    start
                })
            }
        }
    }

    fn scan(&mut self, budget: usize) -> Option<Step<'a>> {
        let until = self.pos.saturating_add(budget.max(1));
        while self.pos < until {
            match std::mem::replace(&mut self.stage, Stage::Finished) {
                Stage::Start => {
                    self.ws();
                    self.eat(b'{')?;
                    self.stage = Stage::Members { first: true };
                }
                Stage::Members { first } => {
                    self.ws();
                    if self.eat(b'}').is_some() {
                        self.ws();
                        if self.pos != self.text.len() {
                            return None;
                        }
                        self.skeleton.push('}');
                        self.stage = Stage::Framed;
                        return Some(Step::More);
                    }
                    if !first {
                        self.eat(b',')?;
                        self.ws();
                    }
                    let key_start = self.pos;
                    let key = self.key()?;
                    let key_end = self.pos;
                    self.ws();
                    self.eat(b':')?;
                    self.ws();
                    let section = match key {
                        "records" => Some(0),
                        "conflicts" => Some(1),
                        _ => None,
                    };
                    // A member `SyncFile` does not have (a version-1 backup's `surveys`…), or a
                    // format or version other than this one's, is the one-piece reader's: found
                    // here, before a large member of such a file is scanned and copied.
                    if section.is_none() && !FIELDS.contains(&key) {
                        return None;
                    }
                    if let Some(section) = section {
                        if std::mem::replace(&mut self.sections_seen[section], true) {
                            return None;
                        }
                        self.eat(b'{')?;
                        self.stage = Stage::Kinds { conflicts: section == 1, first: true, seen: Vec::new() };
                    } else {
                        let value = self.skip_value(2)?;
                        let raw = &self.text[value..self.pos];
                        let written_here = match key {
                            "format" => raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) == Some(FORMAT),
                            "version" => raw == VERSION.to_string(),
                            _ => true,
                        };
                        if !written_here {
                            return None;
                        }
                        if self.skeleton.len() > 1 {
                            self.skeleton.push(',');
                        }
                        self.skeleton.push_str(&self.text[key_start..key_end]);
                        self.skeleton.push(':');
                        self.skeleton.push_str(&self.text[value..self.pos]);
                        self.stage = Stage::Members { first: false };
                    }
                }
                Stage::Kinds { conflicts, first, mut seen } => {
                    self.ws();
                    if self.eat(b'}').is_some() {
                        self.stage = Stage::Members { first: false };
                        continue;
                    }
                    if !first {
                        self.eat(b',')?;
                        self.ws();
                    }
                    let kind = self.key()?;
                    // A kind this build does not know, or one given twice, is `file::parse`'s to judge.
                    if !kinds::KINDS.contains(&kind) || seen.contains(&kind) {
                        return None;
                    }
                    seen.push(kind);
                    self.ws();
                    self.eat(b':')?;
                    self.ws();
                    self.eat(b'[')?;
                    self.stage = Stage::Elements { conflicts, kind, first: true, seen };
                }
                Stage::Elements { conflicts, kind, first, seen } => {
                    self.ws();
                    if self.eat(b']').is_some() {
                        self.stage = Stage::Kinds { conflicts, first: false, seen };
                        continue;
                    }
                    if !first {
                        self.eat(b',')?;
                        self.ws();
                    }
                    if self.peek()? != b'{' {
                        return None;
                    }
                    let start = self.skip_value(RECORD_DEPTH)?;
                    self.at.push(At { conflicts, kind, start, end: self.pos });
                    self.stage = Stage::Elements { conflicts, kind, first: false, seen };
                }
                Stage::Framed | Stage::Parsing | Stage::Finished => return None,
            }
        }
        Some(Step::More)
    }

    /// The skeleton parsed: a version-2 file of this format, whose checksum can be split off.
    fn frame_checked(&mut self) -> Option<Step<'a>> {
        let file: SyncFile = serde_json::from_str(&self.skeleton).ok()?;
        if file.format != FORMAT || file.version != VERSION {
            return None;
        }
        let (body, checksum) = file::split_checksum(self.text)?;
        self.file = Some(file);
        self.skeleton = String::new();
        self.stage = Stage::Parsing;
        Some(Step::Scanned { body, checksum })
    }

    fn parse_records(&mut self, budget: usize) -> Option<Step<'a>> {
        struct Parse<'t, 's> {
            text: &'t str,
            into: &'s mut Sections,
        }
        impl KindCall for Parse<'_, '_> {
            type Out = Option<()>;
            fn call<T: SyncKind>(self) -> Option<()> {
                let record: Record<T> = serde_json::from_str(self.text).ok()?;
                self.into.of_mut::<T>()?.push(record);
                Some(())
            }
        }
        let file = self.file.as_mut()?;
        let mut done = 0;
        while let Some(at) = self.at.get(self.next) {
            let into = if at.conflicts { &mut file.conflicts } else { &mut file.records };
            kinds::call_for_kind(at.kind, Parse { text: &self.text[at.start..at.end], into })??;
            self.next += 1;
            done += at.end - at.start;
            if done >= budget {
                return Some(Step::More);
            }
        }
        let file = self.file.take()?;
        file::check(&file).ok()?;
        self.at = Vec::new();
        self.stage = Stage::Finished;
        Some(Step::Done(Box::new(file)))
    }
}

/// Reads `text` to the end in steps of `budget` bytes, `checksum_ok(body, checksum)`
/// standing for the caller's check: the file, or `None` for `Fallback` or a bad checksum.
#[cfg(test)]
pub fn read_all(text: &str, budget: usize, checksum_ok: impl Fn(&str, &str) -> bool) -> Option<SyncFile> {
    let mut reader = StepReader::new(text);
    loop {
        match reader.step(budget) {
            Step::More => {}
            Step::Scanned { body, checksum } => {
                if !checksum_ok(body, checksum) {
                    return None;
                }
            }
            Step::Done(file) => return Some(*file),
            Step::Fallback => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::file::tests::{sample, sha256};

    fn checksum_matches(body: &str, checksum: &str) -> bool {
        file::hex(&sha256(body.as_bytes())) == checksum
    }

    #[test]
    fn an_app_written_file_is_read_in_steps_as_parse_reads_it() {
        let mut file = sample();
        file.conflicts.enterprise.push(file.records.enterprise[0].clone());
        let text = file.to_text(sha256).unwrap();
        let whole = file::parse(&text).unwrap();
        for budget in [1, 7, 100, 1 << 20] {
            assert_eq!(read_all(&text, budget, checksum_matches).as_ref(), Some(&whole), "budget {budget}");
        }
        // A budget of one byte takes a step per member and per record.
        let mut reader = StepReader::new(&text);
        let mut steps = 0;
        while !matches!(reader.step(1), Step::Done(_) | Step::Fallback) {
            steps += 1;
        }
        assert!(steps > whole.record_count(), "{steps} steps");
    }

    #[test]
    fn every_member_a_file_is_written_with_is_known_to_the_scan() {
        let mut file = sample();
        file.unreadable.push(crate::store::export::UnreadableRow { kind: "survey".into(), id: "x".into(), json: "{".into() });
        let value: serde_json::Value = serde_json::from_str(&file.to_text(sha256).unwrap()).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert!(keys.iter().all(|k| FIELDS.contains(&k.as_str()) || *k == "records" || *k == "conflicts"), "{keys:?}");
        assert_eq!(keys.len(), FIELDS.len() + 2);
    }

    #[test]
    fn white_space_between_members_is_read_too() {
        let text = file::tests::sample().to_text(sha256).unwrap();
        let spaced = text.replacen("{\"format\"", "{ \n\"format\"", 1).replacen("\"records\":{", "\"records\" : {\n ", 1).replacen("[{", "[ {", 1);
        // The checksum covers the body as written; the reader only splits it off.
        assert_eq!(read_all(&spaced, 64, |_, _| true), file::parse(&spaced).ok());
        assert!(read_all(&spaced, 64, |_, _| true).is_some());
    }

    #[test]
    fn what_it_does_not_expect_goes_to_the_one_piece_reader() {
        let text = sample().to_text(sha256).unwrap();
        let cases = [
            // version 1, a wrong format, a future version
            text.replacen("\"version\":2", "\"version\":1", 1),
            text.replacen("nscl-tracker-export", "other", 1),
            text.replacen("\"version\":2", "\"version\":3", 1),
            // an unknown kind, a kind twice, a section twice, a key with an escape
            text.replacen("\"survey\":[", "\"widget\":[", 1),
            text.replacen("\"survey\":[", "\"enterprise\":[", 1),
            text.replacen("\"conflicts\":{", "\"records\":{", 1),
            text.replacen("\"aliases\"", "\"alia\\u0073es\"", 1),
            // a record that is not an object, one of the wrong shape, a duplicate id
            text.replacen("\"survey\":[{", "\"survey\":[1,{", 1),
            text.replacen("\"kind\":\"survey\"", "\"kind\":\"enterprise\"", 1),
            text.replacen("\"id\":\"e2\"", "\"id\":\"e1\"", 1),
            // no checksum, text after the end, truncated
            text[..text.rfind(",\"checksum\"").unwrap()].to_string() + "}",
            text.clone() + "x",
            text[..text.len() / 2].to_string(),
        ];
        for (i, case) in cases.iter().enumerate() {
            assert_eq!(read_all(case, 16, |_, _| true), None, "case {i}");
        }
        // A version-1 backup is handed over at its first member of another shape, before its records are scanned.
        let v1 = r#"{"format":"nscl-tracker-export","version":1,"enterprises":[{"v":2}],"surveys":[]}"#;
        let mut reader = StepReader::new(v1);
        while reader.step(1) == Step::More {}
        assert!(reader.pos < v1.find("[{").unwrap(), "handed over at {}", reader.pos);
        let deep = text.replacen("\"aliases\":{}", &format!("\"aliases\":{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING)), 1);
        assert_eq!(read_all(&deep, 16, |_, _| true), None);
    }

    #[test]
    fn a_bad_checksum_stops_it_before_any_record_is_parsed() {
        let text = sample().to_text(sha256).unwrap();
        let mut reader = StepReader::new(&text);
        let scanned = loop {
            match reader.step(1 << 20) {
                Step::More => {}
                Step::Scanned { body, checksum } => break (body.len(), checksum.to_string()),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(scanned.0, text.rfind(",\"checksum\"").unwrap());
        assert_eq!(scanned.1, file::hex(&sha256(text[..scanned.0].as_bytes())));
        assert!(reader.file.as_ref().is_some_and(|f| f.records.is_empty()), "no record parsed yet");
    }
}

/// The reader in steps gives exactly what the one-piece reader gives, or hands over.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::sync::file::tests::{sample, sha256};
    use proptest::prelude::*;

    fn agrees(text: &str, budget: usize) -> Result<(), TestCaseError> {
        if let Some(stepped) = read_all(text, budget, |_, _| true) {
            prop_assert_eq!(Some(stepped), file::parse(text).ok());
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn a_cut_flipped_or_grown_file_is_read_as_parse_reads_it_or_handed_over(
            cut in 0usize..5000, at in 0usize..5000, byte in prop::sample::select(b"{}[],:\"\\ 0a-.eE\n".to_vec()), insert in any::<bool>(), budget in 1usize..400,
        ) {
            let text = sample().to_text(sha256).unwrap();
            let mut bytes = text.into_bytes();
            let n = bytes.len();
            if insert {
                bytes.insert(at % n, byte);
            } else {
                bytes[at % n] = byte;
            }
            bytes.truncate(cut % (n + 2));
            if let Ok(s) = std::str::from_utf8(&bytes) {
                agrees(s, budget)?;
            }
        }

        #[test]
        fn any_text_is_read_as_parse_reads_it_or_handed_over(s in crate::arbitrary_text::text(), budget in 1usize..64) {
            agrees(&s, budget)?;
            let framed = format!("{{\"format\":\"nscl-tracker-export\",\"version\":2,\"records\":{s}");
            agrees(&framed, budget)?;
        }
    }
}

//! What is wrong inside a refused file, said in the officer's language.
//!
//! The JSON parser and serde describe a fault in English ("invalid type: integer `42`,
//! expected a string at line 1 column 345"). A Vietnamese message used to carry those
//! words as they were. Here they are read into a fault this module words in either
//! language; words it does not recognise are shown as a technical detail, labelled so.

use crate::i18n::Lang;

/// Where a fault was found: the parser's line and column (1-based), when it knew them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub line: usize,
    pub column: usize,
}

/// What is wrong with one record of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordFault {
    /// Its `kind` names another kind than the section it is in.
    KindMismatch { found: String },
    NoId,
    /// An envelope format this build does not read.
    Envelope { version: u32 },
    /// An id that cannot name a record's page (`file::is_record_id`), shortened for the message.
    BadId { id: String },
    /// A change time the browser's store cannot keep (`file::MAX_STAMP_MS`).
    ImpossibleTime,
    /// Its shape, as serde described it.
    Shape(Shape),
}

/// A shape fault serde reported, read from its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    MissingField(String),
    DuplicateField(String),
    UnknownField(String),
    UnknownVariant(String),
    /// A value of one JSON type where another was needed (`expected` when it is one we name).
    WrongType { found: JsonType, expected: Option<JsonType> },
    InvalidValue,
    InvalidLength,
    /// Words this module does not recognise, kept as they were.
    Other(String),
}

/// The JSON types a fault names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Bool,
    Number,
    Text,
    Null,
    List,
    Object,
}

/// A JSON syntax fault, read from the parser's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    ExpectedValue,
    TrailingCharacters,
    KeyNotText,
    MissingSeparator,
    ControlCharacter,
    BadEscape,
    BadNumber,
    BadUnicode,
    TooDeep,
    Other(String),
}

/// A record kind as a noun inside a sentence; an unknown kind is quoted as written.
pub fn kind_noun(kind: &str, lang: Lang) -> String {
    let known = match (kind, lang) {
        ("enterprise", Lang::Vi) => "doanh nghiệp",
        ("enterprise", Lang::En) => "enterprise",
        ("survey", Lang::Vi) => "phiếu khảo sát",
        ("survey", Lang::En) => "survey",
        ("assessment", Lang::Vi) => "bản tự đánh giá",
        ("assessment", Lang::En) => "self-assessment",
        ("activity", Lang::Vi) => "hoạt động",
        ("activity", Lang::En) => "activity",
        ("indicator_target", Lang::Vi) => "mục tiêu chỉ tiêu",
        ("indicator_target", Lang::En) => "indicator target",
        _ => return format!("\u{201c}{kind}\u{201d}"),
    };
    known.to_string()
}

/// A kind as a noun in quotes, whether this build knows it or not.
fn kind_noun_quoted(kind: &str, lang: Lang) -> String {
    let noun = kind_noun(kind, lang);
    if noun.starts_with('\u{201c}') { noun } else { format!("\u{201c}{noun}\u{201d}") }
}

/// Splits a parser message into its words and the line and column it ends with
/// (`… at line 3 column 14`, serde_json's form).
pub fn split_at(message: &str) -> (&str, Option<At>) {
    let Some(cut) = message.rfind(" at line ") else { return (message, None) };
    let mut numbers = message[cut + " at line ".len()..].split(" column ");
    match (numbers.next().map(str::parse), numbers.next().map(str::parse), numbers.next()) {
        (Some(Ok(line)), Some(Ok(column)), None) => (&message[..cut], Some(At { line, column })),
        _ => (message, None),
    }
}

/// The record position `sync::kinds` puts before serde's words (`enterprise record 2: …`).
pub fn split_record(words: &str) -> (Option<(String, usize)>, &str) {
    let parsed = words.split_once(": ").and_then(|(head, rest)| {
        let (kind, n) = head.split_once(" record ")?;
        let simple = !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        simple.then_some(((kind.to_string(), n.parse().ok()?), rest))
    });
    match parsed {
        Some((place, rest)) => (Some(place), rest),
        None => (None, words),
    }
}

/// The name between the first pair of backquotes in serde's words.
fn quoted(words: &str) -> Option<String> {
    let (_, rest) = words.split_once('`')?;
    rest.split_once('`').map(|(name, _)| name.to_string())
}

fn json_type(words: &str) -> Option<JsonType> {
    let w = words.trim();
    let starts = |p: &str| w.starts_with(p);
    Some(if starts("boolean") || starts("a boolean") {
        JsonType::Bool
    } else if starts("integer") || starts("floating point") || starts("an integer") || starts("a number") || starts("i8") || starts("i16") || starts("i32") || starts("i64") || starts("u8") || starts("u16") || starts("u32") || starts("u64") || starts("f32") || starts("f64") || starts("usize") {
        JsonType::Number
    } else if starts("string") || starts("a string") || starts("a borrowed string") || starts("char") || starts("a character") {
        JsonType::Text
    } else if starts("null") || starts("unit") {
        JsonType::Null
    } else if starts("sequence") || starts("a sequence") || starts("a list") || starts("tuple") {
        JsonType::List
    } else if starts("map") || starts("a map") || starts("struct") || starts("an object") {
        JsonType::Object
    } else {
        return None;
    })
}

impl Shape {
    /// Reads serde's words (without the position).
    pub fn read(words: &str) -> Shape {
        let name = || quoted(words).unwrap_or_default();
        if words.starts_with("missing field `") {
            Shape::MissingField(name())
        } else if words.starts_with("duplicate field `") {
            Shape::DuplicateField(name())
        } else if words.starts_with("unknown field `") {
            Shape::UnknownField(name())
        } else if words.starts_with("unknown variant `") {
            Shape::UnknownVariant(name())
        } else if let Some(rest) = words.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            match json_type(found) {
                Some(found) => Shape::WrongType { found, expected: json_type(expected) },
                None => Shape::Other(words.to_string()),
            }
        } else if words.starts_with("invalid value: ") {
            Shape::InvalidValue
        } else if words.starts_with("invalid length ") {
            Shape::InvalidLength
        } else {
            Shape::Other(words.to_string())
        }
    }
}

impl Syntax {
    /// Reads the JSON parser's words (without the position).
    pub fn read(words: &str) -> Syntax {
        match words {
            "expected value" | "expected ident" => Syntax::ExpectedValue,
            "trailing characters" | "trailing comma" => Syntax::TrailingCharacters,
            "key must be a string" => Syntax::KeyNotText,
            "expected `,` or `]`" | "expected `,` or `}`" | "expected `:`" => Syntax::MissingSeparator,
            "invalid escape" => Syntax::BadEscape,
            "invalid number" | "number out of range" => Syntax::BadNumber,
            "recursion limit exceeded" | "nested too deep" => Syntax::TooDeep,
            w if w.starts_with("control character") => Syntax::ControlCharacter,
            w if w.contains("unicode code point") || w.contains("surrogate") => Syntax::BadUnicode,
            w => Syntax::Other(w.to_string()),
        }
    }
}

fn type_words(t: JsonType, lang: Lang) -> &'static str {
    match (t, lang) {
        (JsonType::Bool, Lang::Vi) => "giá trị đúng/sai",
        (JsonType::Bool, Lang::En) => "a true/false value",
        (JsonType::Number, Lang::Vi) => "một số",
        (JsonType::Number, Lang::En) => "a number",
        (JsonType::Text, Lang::Vi) => "một đoạn chữ",
        (JsonType::Text, Lang::En) => "text",
        (JsonType::Null, Lang::Vi) => "giá trị rỗng (null)",
        (JsonType::Null, Lang::En) => "an empty value (null)",
        (JsonType::List, Lang::Vi) => "một danh sách",
        (JsonType::List, Lang::En) => "a list",
        (JsonType::Object, Lang::Vi) => "một nhóm trường",
        (JsonType::Object, Lang::En) => "a group of fields",
    }
}

/// A line and column, as a sentence's last part (empty when unknown).
pub fn at_words(at: Option<At>, lang: Lang) -> String {
    match (at, lang) {
        (Some(At { line, column }), Lang::Vi) => format!(" (dòng {line}, cột {column})"),
        (Some(At { line, column }), Lang::En) => format!(" (line {line}, column {column})"),
        (None, _) => String::new(),
    }
}

impl RecordFault {
    pub fn words(&self, lang: Lang) -> String {
        use RecordFault::*;
        match (self, lang) {
            (KindMismatch { found }, Lang::Vi) => format!("có loại {}, không phải loại của phần chứa nó", kind_noun_quoted(found, lang)),
            (KindMismatch { found }, Lang::En) => format!("its kind is {}, not its section's", kind_noun_quoted(found, lang)),
            (NoId, Lang::Vi) => "không có mã bản ghi".into(),
            (NoId, Lang::En) => "it has no id".into(),
            (Envelope { version }, Lang::Vi) => format!("dùng định dạng bản ghi phiên bản {version}, ứng dụng này không đọc được"),
            (Envelope { version }, Lang::En) => format!("its envelope is version {version}, which this app does not read"),
            (BadId { id }, Lang::Vi) => format!("mã \u{201c}{id}\u{201d} không dùng được làm mã bản ghi"),
            (BadId { id }, Lang::En) => format!("its id \u{201c}{id}\u{201d} is not one a record can have"),
            (ImpossibleTime, Lang::Vi) => "có thời điểm thay đổi mà trình duyệt không lưu được".into(),
            (ImpossibleTime, Lang::En) => "it has a change time the browser cannot keep".into(),
            (Shape(shape), _) => shape.words(lang),
        }
    }
}

impl Shape {
    pub fn words(&self, lang: Lang) -> String {
        use Shape::*;
        match (self, lang) {
            (MissingField(f), Lang::Vi) => format!("thiếu trường \u{201c}{f}\u{201d}"),
            (MissingField(f), Lang::En) => format!("the field \u{201c}{f}\u{201d} is missing"),
            (DuplicateField(f), Lang::Vi) => format!("trường \u{201c}{f}\u{201d} xuất hiện hai lần"),
            (DuplicateField(f), Lang::En) => format!("the field \u{201c}{f}\u{201d} appears twice"),
            (UnknownField(f), Lang::Vi) => format!("có trường lạ \u{201c}{f}\u{201d}"),
            (UnknownField(f), Lang::En) => format!("it has an unknown field \u{201c}{f}\u{201d}"),
            (UnknownVariant(v), Lang::Vi) => format!("giá trị \u{201c}{v}\u{201d} không thuộc các giá trị cho phép"),
            (UnknownVariant(v), Lang::En) => format!("the value \u{201c}{v}\u{201d} is not one of those allowed"),
            (WrongType { found, expected: Some(expected) }, Lang::Vi) => format!("có {} ở chỗ cần {}", type_words(*found, lang), type_words(*expected, lang)),
            (WrongType { found, expected: Some(expected) }, Lang::En) => format!("it has {} where {} is needed", type_words(*found, lang), type_words(*expected, lang)),
            (WrongType { found, expected: None }, Lang::Vi) => format!("có {} ở chỗ không nhận kiểu dữ liệu đó", type_words(*found, lang)),
            (WrongType { found, expected: None }, Lang::En) => format!("it has {} where that type is not accepted", type_words(*found, lang)),
            (InvalidValue, Lang::Vi) => "có một giá trị không hợp lệ".into(),
            (InvalidValue, Lang::En) => "it has an invalid value".into(),
            (InvalidLength, Lang::Vi) => "có một danh sách sai số phần tử".into(),
            (InvalidLength, Lang::En) => "it has a list of the wrong length".into(),
            (Other(words), Lang::Vi) => format!("chi tiết kỹ thuật: {words}"),
            (Other(words), Lang::En) => format!("technical detail: {words}"),
        }
    }
}

impl Syntax {
    pub fn words(&self, lang: Lang) -> String {
        use Syntax::*;
        match (self, lang) {
            (ExpectedValue, Lang::Vi) => "thiếu một giá trị hoặc có chữ lạ".into(),
            (ExpectedValue, Lang::En) => "a value is missing, or there is stray text".into(),
            (TrailingCharacters, Lang::Vi) => "có ký tự thừa".into(),
            (TrailingCharacters, Lang::En) => "there are extra characters".into(),
            (KeyNotText, Lang::Vi) => "tên trường không nằm trong dấu ngoặc kép".into(),
            (KeyNotText, Lang::En) => "a field name is not in double quotes".into(),
            (MissingSeparator, Lang::Vi) => "thiếu dấu phẩy, dấu hai chấm hoặc dấu đóng ngoặc".into(),
            (MissingSeparator, Lang::En) => "a comma, a colon or a closing bracket is missing".into(),
            (ControlCharacter, Lang::Vi) => "có ký tự điều khiển trong một đoạn chữ".into(),
            (ControlCharacter, Lang::En) => "a text holds a control character".into(),
            (BadEscape, Lang::Vi) => "có chuỗi thoát (\\) không hợp lệ".into(),
            (BadEscape, Lang::En) => "it has an invalid escape (\\)".into(),
            (BadNumber, Lang::Vi) => "có số không hợp lệ hoặc quá lớn".into(),
            (BadNumber, Lang::En) => "a number is invalid or too large".into(),
            (BadUnicode, Lang::Vi) => "có mã Unicode không hợp lệ".into(),
            (BadUnicode, Lang::En) => "it has an invalid Unicode code".into(),
            (TooDeep, Lang::Vi) => "lồng nhau quá sâu".into(),
            (TooDeep, Lang::En) => "it is nested too deep".into(),
            (Other(words), Lang::Vi) => format!("chi tiết kỹ thuật: {words}"),
            (Other(words), Lang::En) => format!("technical detail: {words}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's own words for the faults, so a new serde wording that this module no
    /// longer recognises fails here rather than showing English to a Vietnamese officer.
    #[test]
    fn serde_words_are_read_into_faults() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            name: String,
            n: u32,
            kind: K,
            list: Vec<u8>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "snake_case")]
        enum K {
            A,
        }
        let shape = |text: &str| {
            let e = serde_json::from_str::<S>(text).unwrap_err();
            assert!(e.is_data(), "{e}");
            let message = e.to_string();
            let (words, at) = split_at(&message);
            assert!(at.is_some(), "{message}");
            Shape::read(words)
        };
        assert_eq!(shape(r#"{"n":1,"kind":"a","list":[]}"#), Shape::MissingField("name".into()));
        assert_eq!(shape(r#"{"name":"x","name":"y","n":1,"kind":"a","list":[]}"#), Shape::DuplicateField("name".into()));
        assert_eq!(shape(r#"{"name":"x","n":1,"kind":"b","list":[]}"#), Shape::UnknownVariant("b".into()));
        assert_eq!(shape(r#"{"name":42,"n":1,"kind":"a","list":[]}"#), Shape::WrongType { found: JsonType::Number, expected: Some(JsonType::Text) });
        assert_eq!(shape(r#"{"name":"x","n":"1","kind":"a","list":[]}"#), Shape::WrongType { found: JsonType::Text, expected: Some(JsonType::Number) });
        assert_eq!(shape(r#"{"name":"x","n":1,"kind":"a","list":{}}"#), Shape::WrongType { found: JsonType::Object, expected: Some(JsonType::List) });
        assert_eq!(shape(r#"{"name":null,"n":1,"kind":"a","list":[]}"#), Shape::WrongType { found: JsonType::Null, expected: Some(JsonType::Text) });
        assert_eq!(shape(r#"{"name":"x","n":-1,"kind":"a","list":[]}"#), Shape::InvalidValue);

        let syntax = |text: &str| {
            let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert!(e.is_syntax(), "{e}");
            let message = e.to_string();
            let (words, at) = split_at(&message);
            assert!(at.is_some(), "{message}");
            Syntax::read(words)
        };
        assert_eq!(syntax(r#"{"a":,}"#), Syntax::ExpectedValue);
        assert_eq!(syntax(r#"{"a":1} x"#), Syntax::TrailingCharacters);
        assert_eq!(syntax(r#"{a:1}"#), Syntax::KeyNotText);
        assert_eq!(syntax(r#"{"a":1 "b":2}"#), Syntax::MissingSeparator);
        assert_eq!(syntax("{\"a\":\"x\u{1}\"}"), Syntax::ControlCharacter);
        assert_eq!(syntax(r#"{"a":"\q"}"#), Syntax::BadEscape);
        assert_eq!(syntax(r#"{"a":1e999}"#), Syntax::BadNumber);
        assert_eq!(syntax(r#"{"a":"\ud800\u0041"}"#), Syntax::BadUnicode);
        assert_eq!(syntax(&"[".repeat(200)), Syntax::TooDeep);
    }

    #[test]
    fn positions_and_record_places_are_split_off() {
        assert_eq!(split_at("expected value at line 3 column 14"), ("expected value", Some(At { line: 3, column: 14 })));
        assert_eq!(split_at("a name at line one"), ("a name at line one", None));
        assert_eq!(split_record("enterprise record 2: missing field `name`"), (Some(("enterprise".into(), 2)), "missing field `name`"));
        assert_eq!(split_record("missing field `name`"), (None, "missing field `name`"));
        assert_eq!(split_record("my record x: y"), (None, "my record x: y"));
    }

    #[test]
    fn unknown_words_are_labelled_technical_in_both_languages() {
        let odd = Shape::read("something serde never said");
        assert_eq!(odd.words(Lang::Vi), "chi tiết kỹ thuật: something serde never said");
        assert_eq!(odd.words(Lang::En), "technical detail: something serde never said");
        assert_eq!(kind_noun("widget", Lang::Vi), "\u{201c}widget\u{201d}");
    }
}

//! The clear header of an encrypted sync file, and the few byte checks that
//! tell file kinds apart. Pure: the browser edge (`web::file_codec`) does the
//! hashing, compression and encryption.
//!
//! An encrypted file is one line of compact JSON, then the raw AES-256-GCM
//! ciphertext (its 16-byte tag at the end):
//!
//! ```text
//! {"format":"nscl-tracker-encrypted","version":1,"cipher":"AES-256-GCM","kdf":"PBKDF2-SHA256","iterations":600000,"salt":"…","iv":"…"}
//! ```
//!
//! The header holds what decryption needs and nothing about the content: no
//! province, no date, no record count, since the file travels by USB stick
//! and e-mail.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT: &str = "nscl-tracker-encrypted";
pub const VERSION: u32 = 1;
pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA256";
/// The iterations files are written with, and the fewest a file may claim:
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256. A file asking for fewer would
/// only make guessing its passphrase cheaper, so it is refused.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most a file may claim: a damaged or hostile header must not keep the
/// laptop deriving a key for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_LEN: usize = 16;
pub const IV_LEN: usize = 12;
/// The header line, newline included, fits in this many bytes; a reader
/// looks no further for it.
pub const MAX_HEADER_LEN: usize = 1024;

/// The start of every encrypted file. The header is written compact with its
/// fields in a fixed order, so this works as a magic number.
const MAGIC: &[u8] = b"{\"format\":\"nscl-tracker-encrypted\"";

/// What decryption needs to know, from the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub iterations: u32,
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
}

/// Why a header was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderError {
    /// No newline in the first `MAX_HEADER_LEN` bytes.
    NoLine,
    /// The line is not the JSON object of a header.
    NotJson,
    Format,
    Version,
    Cipher,
    Kdf,
    Iterations,
    Salt,
    Iv,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeaderError::NoLine => "no header line",
            HeaderError::NotJson => "the header is not JSON",
            HeaderError::Format => "not an NSCL Tracker encrypted file",
            HeaderError::Version => "an unknown version",
            HeaderError::Cipher => "an unknown cipher",
            HeaderError::Kdf => "an unknown key derivation",
            HeaderError::Iterations => "key derivation iterations out of range",
            HeaderError::Salt => "the salt is not 16 bytes",
            HeaderError::Iv => "the IV is not 12 bytes",
        })
    }
}

impl std::error::Error for HeaderError {}

/// The header as JSON. The field order is the order written.
#[derive(Serialize, Deserialize)]
struct Json<S> {
    format: S,
    version: u32,
    cipher: S,
    kdf: S,
    iterations: u32,
    salt: S,
    iv: S,
}

impl Header {
    /// The header line, newline included.
    pub fn to_line(&self) -> String {
        let (salt, iv) = (base64_encode(&self.salt), base64_encode(&self.iv));
        let json = Json { format: FORMAT, version: VERSION, cipher: CIPHER, kdf: KDF, iterations: self.iterations, salt: &*salt, iv: &*iv };
        // Only strings and numbers: serialising cannot fail.
        let mut line = serde_json::to_string(&json).unwrap_or_default();
        line.push('\n');
        line
    }

    /// Reads the header at the start of `bytes` (a file, or its first
    /// `MAX_HEADER_LEN` bytes); returns it and the length of its line, newline
    /// included, where the ciphertext starts.
    pub fn parse(bytes: &[u8]) -> Result<(Header, usize), HeaderError> {
        let head = &bytes[..bytes.len().min(MAX_HEADER_LEN)];
        let end = head.iter().position(|&b| b == b'\n').ok_or(HeaderError::NoLine)?;
        let json: Json<String> = serde_json::from_slice(&head[..end]).map_err(|_| HeaderError::NotJson)?;
        let check = |ok: bool, error: HeaderError| if ok { Ok(()) } else { Err(error) };
        check(json.format == FORMAT, HeaderError::Format)?;
        check(json.version == VERSION, HeaderError::Version)?;
        check(json.cipher == CIPHER, HeaderError::Cipher)?;
        check(json.kdf == KDF, HeaderError::Kdf)?;
        check((PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&json.iterations), HeaderError::Iterations)?;
        let salt = base64_decode(&json.salt).ok().and_then(|s| s.try_into().ok()).ok_or(HeaderError::Salt)?;
        let iv = base64_decode(&json.iv).ok().and_then(|s| s.try_into().ok()).ok_or(HeaderError::Iv)?;
        Ok((Header { iterations: json.iterations, salt, iv }, end + 1))
    }
}

/// Whether `bytes` start like an encrypted file (a damaged header still
/// counts: the officer is told the file is damaged, not that it is something else).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Whether `bytes` start like a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648 §4) with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The value of one base64 character.
fn sextet(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|i| i as u32)
}

/// The error of `base64_decode`: the text is not canonical base64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64Error;

/// Decodes standard base64 with padding. Only what `base64_encode` writes is
/// accepted: no whitespace, no missing padding, no stray bits in the last
/// character, so each byte string has exactly one spelling.
pub fn base64_decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return Err(Base64Error);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.chunks(4);
    let last = quads.len().saturating_sub(1);
    for (q, quad) in quads.enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && q != last) {
            return Err(Base64Error);
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | sextet(c).ok_or(Base64Error)?;
        }
        n <<= 6 * pad;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        if bytes[keep..].iter().any(|&b| b != 0) {
            return Err(Base64Error);
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header { iterations: PBKDF2_ITERATIONS, salt: *b"0123456789abcdef", iv: [0xff; 12] }
    }

    #[test]
    fn the_header_line_is_exactly_this() {
        assert_eq!(
            header().to_line(),
            "{\"format\":\"nscl-tracker-encrypted\",\"version\":1,\"cipher\":\"AES-256-GCM\",\"kdf\":\"PBKDF2-SHA256\",\
             \"iterations\":600000,\"salt\":\"MDEyMzQ1Njc4OWFiY2RlZg==\",\"iv\":\"////////////////\"}\n"
        );
    }

    #[test]
    fn a_header_reads_back_and_says_where_the_ciphertext_starts() {
        let line = header().to_line();
        let mut file = line.clone().into_bytes();
        file.extend_from_slice(&[0, 1, 2, b'\n', 0xff]);
        assert!(is_encrypted(&file));
        assert_eq!(Header::parse(&file), Ok((header(), line.len())));
    }

    /// The header line with `field` set to `value` (JSON), the rest as written.
    fn with(field: &str, value: &str) -> Vec<u8> {
        let mut json: serde_json::Value = serde_json::from_str(&header().to_line()).unwrap();
        json[field] = serde_json::from_str(value).unwrap();
        format!("{json}\nciphertext").into_bytes()
    }

    #[test]
    fn headers_outside_what_this_version_writes_are_refused() {
        use HeaderError::*;
        let refused = |file: &[u8]| Header::parse(file).err();
        assert_eq!(refused(&with("format", "\"nscl-tracker\"")), Some(Format));
        assert_eq!(refused(&with("version", "2")), Some(Version));
        assert_eq!(refused(&with("cipher", "\"AES-128-GCM\"")), Some(Cipher));
        assert_eq!(refused(&with("kdf", "\"scrypt\"")), Some(Kdf));
        assert_eq!(refused(&with("iterations", "599999")), Some(Iterations));
        assert_eq!(refused(&with("iterations", "10000001")), Some(Iterations));
        assert_eq!(refused(&with("iterations", "-1")), Some(NotJson));
        assert_eq!(refused(&with("salt", "\"AAAA\"")), Some(Salt));
        assert_eq!(refused(&with("salt", "\"MDEyMzQ1Njc4OWFiY2RlZg\"")), Some(Salt));
        assert_eq!(refused(&with("iv", "\"AAAAAAAAAAAAAAAAAAAAAA==\"")), Some(Iv));
        assert_eq!(refused(&with("iv", "7")), Some(NotJson));
        assert_eq!(refused(b"{}\n"), Some(NotJson));
        assert_eq!(refused(b""), Some(NoLine));
        assert!(Header::parse(&with("iterations", "10000000")).is_ok());
    }

    #[test]
    fn the_newline_must_come_within_the_first_kilobyte() {
        let line = header().to_line();
        let padded = |spaces: usize| format!("{}{}\n", line.trim_end(), " ".repeat(spaces)).into_bytes();
        let fits = padded(MAX_HEADER_LEN - line.len());
        assert_eq!(fits.len(), MAX_HEADER_LEN);
        assert_eq!(Header::parse(&fits), Ok((header(), MAX_HEADER_LEN)));
        assert_eq!(Header::parse(&padded(MAX_HEADER_LEN - line.len() + 1)), Err(HeaderError::NoLine));
    }

    #[test]
    fn file_kinds_by_their_first_bytes() {
        assert!(is_gzip(&[0x1f, 0x8b, 8, 0]));
        assert!(!is_gzip(&[0x1f]));
        assert!(!is_gzip(b"{\"format\""));
        assert!(!is_encrypted(b"{\"format\":\"nscl-tracker-sync\"}"));
        assert!(!is_encrypted(b" {\"format\":\"nscl-tracker-encrypted\""));
        assert!(is_encrypted(b"{\"format\":\"nscl-tracker-encrypted\",\"damaged"));
    }

    #[test]
    fn base64_matches_rfc_4648() {
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in vectors {
            assert_eq!(base64_encode(plain.as_bytes()), encoded);
            assert_eq!(base64_decode(encoded).as_deref(), Ok(plain.as_bytes()));
        }
        assert_eq!(base64_encode(&[0xfb, 0xff]), "+/8=");
        for refused in ["Zg", "Zg=", "Zh==", "Zm9=", "Z===", "Zg==Zg==", "Zm 9v", "Zm9v\n", "Zm-_", "é123"] {
            assert_eq!(base64_decode(refused), Err(Base64Error), "{refused:?}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use crate::arbitrary_text::text;
    use proptest::collection::vec;
    use proptest::prelude::*;

    fn header() -> impl Strategy<Value = Header> {
        (PBKDF2_ITERATIONS..=MAX_ITERATIONS, any::<[u8; SALT_LEN]>(), any::<[u8; IV_LEN]>())
            .prop_map(|(iterations, salt, iv)| Header { iterations, salt, iv })
    }

    /// Bytes a reader may be handed: anything, a header with damage, or the
    /// magic followed by anything.
    fn file() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            vec(any::<u8>(), 0..2000),
            (header(), vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)).prop_map(|(h, damage)| {
                let mut bytes = h.to_line().into_bytes();
                for (at, byte) in damage {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes
            }),
            vec(any::<u8>(), 0..200).prop_map(|tail| [MAGIC, &tail[..]].concat()),
        ]
    }

    proptest! {
        #[test]
        fn any_bytes_give_a_header_or_a_refusal(bytes in file()) {
            if let Ok((h, len)) = Header::parse(&bytes) {
                prop_assert!(len <= MAX_HEADER_LEN && bytes[len - 1] == b'\n');
                prop_assert!((PBKDF2_ITERATIONS..=MAX_ITERATIONS).contains(&h.iterations));
            }
            let _ = (is_encrypted(&bytes), is_gzip(&bytes));
        }

        #[test]
        fn headers_read_back(h in header(), tail in vec(any::<u8>(), 0..64)) {
            let line = h.to_line();
            prop_assert!(is_encrypted(line.as_bytes()) && line.len() <= MAX_HEADER_LEN);
            let file = [line.as_bytes(), &tail[..]].concat();
            prop_assert_eq!(Header::parse(&file), Ok((h, line.len())));
        }

        #[test]
        fn base64_round_trips(bytes in vec(any::<u8>(), 0..100)) {
            prop_assert_eq!(base64_decode(&base64_encode(&bytes)), Ok(bytes));
        }

        #[test]
        fn decoded_base64_has_one_spelling(s in prop_oneof![text(), "[A-Za-z0-9+/=]{0,24}"]) {
            if let Ok(bytes) = base64_decode(&s) {
                prop_assert_eq!(base64_encode(&bytes), s);
            }
        }
    }
}

//! What kind of file the bytes are, from their first bytes, not the file name:
//! officers rename files, and browsers report what the name says.

/// The kinds the worker tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A zip container (XLSX, and also ODS or DOCX: the XLSX reader decides).
    Zip,
    /// An OLE compound file holding an encrypted (password-protected) Office package.
    EncryptedOffice,
    /// An OLE compound file otherwise: the old binary .xls format.
    LegacyXls,
    /// Anything else is read as CSV text if it decodes as text.
    Text,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads the kind from the first bytes.
pub fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(ZIP_EMPTY_MAGIC) {
        FileKind::Zip
    } else if bytes.starts_with(OLE_MAGIC) {
        // Excel keeps a password-protected XLSX as a compound file whose streams are
        // named EncryptionInfo and EncryptedPackage (UTF-16 names in the directory).
        if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo") {
            FileKind::EncryptedOffice
        } else {
            FileKind::LegacyXls
        }
    } else {
        FileKind::Text
    }
}

fn contains_utf16(haystack: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    !pattern.is_empty()
        && haystack
            .windows(pattern.len())
            .any(|w| w == pattern.as_slice())
}

/// True when the bytes look like a binary file, not text: NUL bytes or many control
/// characters in the first few kilobytes. Such a file is refused as not a spreadsheet
/// rather than shown as a table of garbage.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_first_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), FileKind::Zip);
        assert_eq!(sniff(b"a,b\r\n1,2"), FileKind::Text);
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 32]);
        assert_eq!(sniff(&ole), FileKind::LegacyXls);
        ole.extend(
            "EncryptedPackage"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        assert_eq!(sniff(&ole), FileKind::EncryptedOffice);
    }

    #[test]
    fn binary_is_told_from_text() {
        assert!(looks_binary(b"\x00\x01\x02abc"));
        assert!(!looks_binary("Tên,Mã số thuế\r\nA,1\r\n".as_bytes()));
        assert!(!looks_binary(b""));
    }
}

//! Writes an enterprise list as an officer's spreadsheet, for the import's
//! end-to-end test and benchmark (`make synth`, `make synth-bench`):
//!
//!     cargo run -p spreadsheet --example enterprise_list -- OUT.xlsx ROWS [REGISTER.json]
//!
//! One header row (row 1), then ROWS enterprises with Vietnamese names, valid
//! tax codes of another province (so none is in the register), units of Đồng
//! Tháp, employees and revenue as number cells, some tax codes as number cells
//! too (as Excel keeps them when typed bare). With the register's rows
//! (`target/synth/province-*/enterprise.json`), 3 rows carry tax codes of
//! register enterprises (written with spaces) and 5 rows are bad in different
//! ways, when ROWS ≥ 1,000. OUT.xlsx.json says which rows are which, by
//! spreadsheet row number, for the test to check against.

use std::process::ExitCode;

use rust_xlsxwriter::{Format, Workbook};
use serde_json::{json, Value};

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

fn check_digit(nine: &[u8]) -> Option<u8> {
    let sum: u32 = nine
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match sum % 11 {
        0 => None,
        r => Some(((10 - r) % 10) as u8),
    }
}

/// The next valid tax code with the given province prefix.
fn next_code(prefix: u8, seq: &mut u32) -> String {
    loop {
        *seq += 1;
        let nine = format!("{prefix:02}{:07}", *seq);
        let digits: Vec<u8> = nine.bytes().map(|b| b - b'0').collect();
        if let Some(c) = check_digit(&digits) {
            return format!("{nine}{c}");
        }
    }
}

const UNITS: [&str; 12] = [
    "Thành phố Cao Lãnh",
    "TP. Sa Đéc",
    "Thành phố Hồng Ngự",
    "Huyện Tân Hồng",
    "Huyện Hồng Ngự",
    "Huyện Tam Nông",
    "Huyện Thanh Bình",
    "Huyện Tháp Mười",
    "Huyện Cao Lãnh",
    "Huyện Lấp Vò",
    "Huyện Lai Vung",
    "Huyện Châu Thành",
];
const KINDS: [&str; 5] = [
    "Công ty TNHH",
    "Công ty cổ phần",
    "Doanh nghiệp tư nhân",
    "Hợp tác xã",
    "Công ty TNHH MTV",
];
const TRADES: [&str; 8] = [
    "Thực phẩm",
    "Xoài",
    "Gạo",
    "Thủy sản",
    "Cơ khí",
    "Gốm sứ",
    "Hoa kiểng",
    "Dược liệu",
];
const PLACES: [&str; 8] = [
    "Sen Hồng",
    "Mỹ Xương",
    "Tân Thuận",
    "Bình Thành",
    "Phú Hựu",
    "An Nhơn",
    "Tháp Mười",
    "Lấp Vò",
];
const STREETS: [&str; 5] = [
    "Nguyễn Huệ",
    "Lê Lợi",
    "Hùng Vương",
    "Trần Hưng Đạo",
    "Nguyễn Sinh Sắc",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(rows)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: enterprise_list OUT.xlsx ROWS [REGISTER.json]");
        return ExitCode::from(2);
    };
    // Tax codes of register enterprises, for the rows that match it.
    let register_codes: Vec<String> = match args.get(2) {
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let rows: Vec<Value> = serde_json::from_str(&text).unwrap_or_default();
            rows.iter()
                .filter_map(|r| {
                    r.get("json")
                        .and_then(Value::as_str)
                        .and_then(|j| serde_json::from_str::<Value>(j).ok())
                })
                .filter(|r| r.get("deleted") != Some(&Value::Bool(true)))
                .filter_map(|r| {
                    r.pointer("/payload/tax_code")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .filter(|c| c.len() == 10)
                .take(3)
                .collect()
        }
        None => Vec::new(),
    };
    let special = rows >= 1000 && register_codes.len() == 3;
    // Data row index (0-based) → what is special about it.
    let duplicate_at = [49usize, 499, 949];
    let bad_at = [16usize, 203, 430, 665, 900];

    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    let header = [
        "STT",
        "Tên doanh nghiệp",
        "Mã số thuế",
        "Địa chỉ",
        "Huyện",
        "Số lao động",
        "Doanh thu (tỷ đồng)",
        "Email",
    ];
    let fail = |e: rust_xlsxwriter::XlsxError| {
        eprintln!("{e}");
        ExitCode::FAILURE
    };
    if let Err(e) = sheet.set_name("Danh sách") {
        return fail(e);
    }
    for (c, h) in header.iter().enumerate() {
        if let Err(e) = sheet.write_string_with_format(0, c as u16, *h, &bold) {
            return fail(e);
        }
    }
    let mut seq = 0u32;
    let mut bad_rows = Vec::new();
    let mut duplicate_rows = Vec::new();
    let mut duplicate_codes = Vec::new();
    let mut new_rows = 0usize;
    for i in 0..rows {
        let r = (i + 1) as u32;
        let row_number = i + 2;
        let name = format!(
            "{} {} {} {}",
            KINDS[i % KINDS.len()],
            TRADES[(i / 5) % TRADES.len()],
            PLACES[(i / 40) % PLACES.len()],
            i + 1
        );
        let mut code = next_code(18, &mut seq);
        let mut unit = UNITS[i % UNITS.len()].to_string();
        let mut employees = Value::from(5 + (i * 37) % 400);
        let mut email = if i % 3 == 0 {
            format!("lienhe{}@dn-dongthap.vn", i + 1)
        } else {
            String::new()
        };
        let mut name_cell = name.clone();
        let revenue = ((i * 7919) % 5000) as f64 / 100.0 + 0.25;
        if special && duplicate_at.contains(&i) {
            let k = duplicate_at.iter().position(|&d| d == i).unwrap_or(0);
            let c = &register_codes[k];
            // Spaces as people type them; the import normalises them.
            code = format!("{} {} {}", &c[..4], &c[4..7], &c[7..]);
            duplicate_rows.push(row_number);
            duplicate_codes.push(c.clone());
        } else if special && bad_at.contains(&i) {
            match bad_at.iter().position(|&b| b == i).unwrap_or(0) {
                // A wrong check digit.
                0 => {
                    let last = code.pop().and_then(|d| d.to_digit(10)).unwrap_or(0);
                    code.push(char::from_digit((last + 1) % 10, 10).unwrap_or('0'));
                }
                1 => name_cell = String::new(),
                2 => unit = "Huyện Hà Lộc".to_string(),
                3 => employees = Value::from("khoảng năm mươi"),
                _ => email = "lienhe@".to_string(),
            }
            bad_rows.push(row_number);
        } else {
            new_rows += 1;
        }
        let write =
            |sheet: &mut rust_xlsxwriter::Worksheet| -> Result<(), rust_xlsxwriter::XlsxError> {
                sheet.write_number(r, 0, (i + 1) as f64)?;
                if !name_cell.is_empty() {
                    sheet.write_string(r, 1, &name_cell)?;
                }
                // One code in ten as a number cell, as Excel keeps a code typed bare.
                match code.parse::<f64>() {
                    Ok(n) if i % 10 == 3 => sheet.write_number(r, 2, n)?,
                    _ => sheet.write_string(r, 2, &code)?,
                };
                sheet.write_string(
                    r,
                    3,
                    format!(
                        "Số {}, đường {}, {}",
                        1 + i % 200,
                        STREETS[i % STREETS.len()],
                        unit
                    ),
                )?;
                sheet.write_string(r, 4, &unit)?;
                match &employees {
                    Value::Number(n) => sheet.write_number(r, 5, n.as_f64().unwrap_or(0.0))?,
                    other => sheet.write_string(r, 5, other.as_str().unwrap_or(""))?,
                };
                sheet.write_number(r, 6, revenue)?;
                if !email.is_empty() {
                    sheet.write_string(r, 7, &email)?;
                }
                Ok(())
            };
        if let Err(e) = write(sheet) {
            return fail(e);
        }
    }
    for (c, w) in [6.0, 44.0, 16.0, 48.0, 22.0, 12.0, 18.0, 28.0]
        .iter()
        .enumerate()
    {
        let _ = sheet.set_column_width(c as u16, *w);
    }
    if let Err(e) = book.save(out) {
        return fail(e);
    }
    let facts = json!({
        "rows": rows,
        "new": new_rows,
        "bad_rows": bad_rows,
        "duplicate_rows": duplicate_rows,
        "duplicate_tax_codes": duplicate_codes,
    });
    if let Err(e) = std::fs::write(format!("{out}.json"), facts.to_string()) {
        eprintln!("{out}.json: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "{out}: {rows} rows, {} bad, {} in the register",
        bad_rows.len(),
        duplicate_rows.len()
    );
    ExitCode::SUCCESS
}

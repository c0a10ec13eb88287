//! How much a file may hold before the worker refuses it as too large, so a
//! hostile or mistaken file ends in an error message, not an out-of-memory abort.

/// Bytes of the file as picked (an enterprise list of 100,000 rows is a few MB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Rows of the table returned (spreadsheet rows, counting empty ones before the last).
pub const MAX_ROWS: usize = 200_000;
/// Columns of the table returned.
pub const MAX_COLUMNS: usize = 512;
/// Cells of the dense table returned (rows × columns).
pub const MAX_CELLS: usize = 2_000_000;
/// Characters of text in one cell (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;

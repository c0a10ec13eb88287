//! File sync, the pure part: how records from other laptops' files merge
//! into this laptop's (`merge`). The file format, validation, preview and the
//! browser edge (file picker, compression, encryption, the one-transaction
//! apply) build on this; they are not written yet.

pub mod merge;

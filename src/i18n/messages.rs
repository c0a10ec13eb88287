//! Fixed texts: `Key => "Vietnamese", "English";`.

use super::Lang;

macro_rules! messages {
    ($($key:ident => $vi:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Vi) => $vi, (Msg::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    // Spreadsheets (XLSX/CSV worker) and the enterprise list import
    SheetErrUnavailable => "Không tải được bộ đọc bảng tính. Hãy kết nối mạng rồi thử lại (sau lần đầu, ứng dụng dùng được khi không có mạng).", "The spreadsheet reader could not be loaded. Connect to the network and try again (after the first time it works offline).";
    SheetErrCrashed => "Bộ đọc bảng tính bị dừng khi đang xử lý tệp. Tệp có thể quá lớn; hãy thử lại hoặc chia nhỏ tệp.", "The spreadsheet reader stopped while working on the file. It may be too large; try again or split it.";
    SheetErrNotASpreadsheet => "Tệp này không phải bảng tính Excel (.xlsx) hoặc CSV. Hãy chọn tệp khác.", "This file is not an Excel workbook (.xlsx) or a CSV file. Choose another file.";
    SheetErrEncrypted => "Bảng tính có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu, lưu lại rồi nhập.", "The workbook is password-protected. Open it in Excel, remove the password, save it and import again.";
    SheetErrLegacyXls => "Đây là tệp Excel kiểu cũ (.xls). Hãy mở bằng Excel và lưu thành .xlsx rồi nhập.", "This is an old-format Excel file (.xls). Open it in Excel, save it as .xlsx and import again.";
    SheetErrEmpty => "Bảng tính không có dữ liệu.", "The spreadsheet holds no data.";
    SheetErrTooLarge => "Tệp quá lớn để nhập (tối đa 50 MB, 200.000 dòng).", "The file is too large to import (at most 50 MB, 200,000 rows).";
    SheetErrWriteFailed => "Không tạo được tệp Excel.", "The Excel file could not be made.";
    // Self-assessment: who uses the app, readiness, actions, the award, the department's list
    RoleQuestion => "Ai đang sử dụng ứng dụng này?", "Who is using this app?";
    RoleHelp => "Cán bộ của Sở hoặc huyện theo dõi toàn bộ chương trình. Doanh nghiệp chỉ thấy hồ sơ và kết quả tự đánh giá của mình. Có thể đổi lại trong Cài đặt.", "Department and district officers follow the whole programme. An enterprise sees only its own profile and self-assessment results. You can change this in Settings.";
    RoleOfficer => "Tôi là cán bộ quản lý", "I am a programme officer";
    RoleEnterprise => "Tôi là doanh nghiệp", "I am an enterprise";
    RoleSettingTitle => "Người sử dụng", "Who uses this app";
    LiveResultTitle => "Kết quả tạm tính", "Result so far";
    NavMyReadiness => "Tự đánh giá", "Self-assessment";
    NavProfile => "Hồ sơ doanh nghiệp", "Enterprise profile";
    MyReadinessTitle => "Mức độ sẵn sàng của doanh nghiệp", "Your enterprise's readiness";
    MyResultsTitle => "Kết quả", "Results";
    FillProfileFirst => "Trước khi tự đánh giá, hãy điền hồ sơ doanh nghiệp: tên, mã số thuế và quy mô. Sở dùng mã số thuế để nhận biết doanh nghiệp khi nhận kết quả.", "Before assessing, fill in your enterprise's profile: name, tax code and size. The department recognises you by the tax code when it receives your result.";
    FillProfile => "Điền hồ sơ doanh nghiệp", "Fill in the profile";
    EditProfile => "Sửa hồ sơ", "Edit the profile";
    ModulesTitle => "Chọn nội dung tự đánh giá", "Choose what to assess";
    ModulesHelp => "Mỗi nội dung là một hệ thống quản lý hoặc công cụ cải tiến. Bài đang làm dở được lưu tự động; có thể quay lại bất cứ lúc nào.", "Each module is a management system or an improvement tool. A draft is saved as you go; come back to it at any time.";
    StartAssessment => "Bắt đầu", "Start";
    ContinueAssessment => "Làm tiếp", "Continue";
    AssessAgain => "Đánh giá lại", "Assess again";
    ReadinessRadarTitle => "Mức độ sẵn sàng theo nội dung", "Readiness by module";
    ReadinessOverTime => "Mức độ sẵn sàng qua các lần đánh giá", "Readiness over time";
    NoAssessmentYet => "Chưa có kết quả đánh giá", "No assessment yet";
    LatestAssessment => "Lần đánh giá gần nhất", "Latest assessment";
    PreviousAssessment => "Lần trước", "The one before";
    BandReadyLine => "Ngưỡng sẵn sàng 70%", "Ready from 70%";
    BandNotReady => "Chưa sẵn sàng", "Not ready";
    BandPreparing => "Đang chuẩn bị", "Preparing";
    BandReady => "Sẵn sàng áp dụng/chứng nhận", "Ready to apply or certify";
    PercentPoints => "điểm %", "points";
    FirstAssessment => "Lần đầu", "First assessment";
    ColModule => "Nội dung", "Module";
    ColBand => "Mức", "Band";
    ColChangeSinceLast => "Thay đổi so với lần trước", "Change since last";
    ActionPlanTitle => "Kế hoạch hành động", "Action plan";
    NoActions => "Chưa có việc cần làm: hãy tự đánh giá ít nhất một nội dung.", "Nothing to do yet: assess at least one module.";
    FirstStep => "Bước đầu tiên", "First step";
    SupportThatFits => "Hỗ trợ phù hợp của chương trình", "Programme support that fits";
    WaitsFor => "Nên làm sau khi có:", "Do this after:";
    ActionOwner => "Người phụ trách", "Owner";
    ActionDue => "Hạn hoàn thành", "Due";
    ActionDone => "Đã xong", "Done";
    Overdue => "Quá hạn", "Overdue";
    ActionNotSaved => "Chưa lưu được: kết quả này vừa được sửa ở nơi khác. Hãy thử lại.", "Not saved: this result was just changed elsewhere. Try again.";
    AwardTitle => "Tự đánh giá sơ bộ Giải thưởng Chất lượng Quốc gia", "National Quality Award pre-check";
    Points => "điểm", "points";
    ColPoints => "Điểm tối đa", "Points";
    AwardCriterion => "Tiêu chí", "Criterion";
    AwardScore => "Điểm ước tính", "Estimated score";
    AwardIncomplete => "Chưa đủ thông tin: hãy chọn mức cho mọi tiêu chí và nhập số tháng hoạt động.", "Not enough to say: place every criterion and give the months of operation.";
    AwardWorkOn => "Nên tập trung cải thiện", "Work on first";
    ExportResult => "Xuất tệp kết quả gửi Sở", "Export the result file for the department";
    ExportResultHelp => "Tệp gồm hồ sơ doanh nghiệp và các lần tự đánh giá. Sở nhập tệp và ghi kết quả vào đúng doanh nghiệp theo mã số thuế.", "The file holds your profile and your self-assessments. The department imports it and files the result under your enterprise by its tax code.";
    PrintResult => "In kết quả", "Print the result";
    ReportTitle => "Kết quả tự đánh giá mức độ sẵn sàng", "Self-assessment result: readiness";
    PrintedOn => "In ngày", "Printed on";
    OfficerAssessmentsHelp => "Kết quả tự đánh giá của doanh nghiệp: nhập tệp kết quả doanh nghiệp gửi ở trang Đồng bộ.", "Enterprises' self-assessment results: import the result files enterprises send on the Sync page.";
    ImportResultFile => "Nhập tệp kết quả", "Import a result file";
    AllAssessments => "Tất cả lượt đánh giá", "All assessments";
    ShortlistTitle => "Danh sách đề xuất hỗ trợ", "Shortlist for support";
    ShortlistHelp => "Xếp theo mức sẵn sàng và nhu cầu: trước hết doanh nghiệp đang chuẩn bị (40–69%), hỗ trợ dễ giúp đạt yêu cầu nhất; tiếp theo doanh nghiệp đã sẵn sàng (cần hỗ trợ chứng nhận); sau cùng doanh nghiệp chưa sẵn sàng (cần làm nền tảng trước). Kế hoạch đặt mục tiêu hỗ trợ ít nhất 15 doanh nghiệp mỗi giai đoạn.", "Ranked by readiness and need: first enterprises preparing (40–69%), whom support most easily carries over the line; then ready ones (who need help to certify); then those not ready (who need the basics first). The plan aims to support at least 15 enterprises a term.";
    ColWeakestModule => "Nội dung yếu nhất", "Weakest module";
    ColModules => "Các nội dung đã đánh giá", "Modules assessed";
    All => "Tất cả", "All";
    Open => "Mở", "Open";
    // File sync
    SyncTitle => "Đồng bộ dữ liệu", "Sync data";
    SyncIntro => "Dữ liệu chuyển giữa các máy bằng tệp: xuất tệp rồi gửi qua USB, thư điện tử hoặc Zalo; máy nhận chọn tệp để nhập. Không có gì được ghi trước khi bạn xem trước và xác nhận.", "Records move between computers as files: export a file and send it by USB stick, e-mail or Zalo; the receiving computer imports it. Nothing is written until you have seen the preview and confirmed.";
    SyncExportTitle => "Xuất tệp", "Export a file";
    ScopeEverything => "Toàn bộ dữ liệu (bản sao lưu đầy đủ)", "Everything (a full backup)";
    ScopeSince => "Chỉ những thay đổi kể từ lần gửi trước cho người nhận này", "Only what changed since the last file to this recipient";
    Recipient => "Người nhận", "Recipient";
    RecipientHint => "Ví dụ: Sở KHCN Đồng Tháp", "For example: Đồng Tháp Department of Science and Technology";
    NeverSentBefore => "Chưa từng gửi cho người nhận này: tệp sẽ gồm mọi dữ liệu.", "Nothing was ever sent to this recipient: the file will hold everything.";
    RecordKinds => "Loại hồ sơ", "Record kinds";
    AllUnits => "Tất cả đơn vị (toàn tỉnh)", "All units (the whole province)";
    ChangedFrom => "Thay đổi từ ngày", "Changed from";
    ChangedTo => "Đến ngày", "Until";
    CompressFile => "Nén tệp (.json.gz), nhỏ hơn khoảng mười lần, vừa tệp đính kèm thư", "Compress the file (.json.gz): about ten times smaller, fits an e-mail attachment";
    Passphrase => "Mật khẩu bảo vệ tệp (không bắt buộc)", "Passphrase to protect the file (optional)";
    PassphraseRepeat => "Nhập lại mật khẩu", "Repeat the passphrase";
    PassphraseHint => "Tệp có mật khẩu được mã hóa AES-256. Hãy báo mật khẩu cho người nhận qua kênh khác (gọi điện), không gửi kèm tệp. Quên mật khẩu thì không mở được tệp.", "A file with a passphrase is encrypted (AES-256). Tell the recipient the passphrase another way (a phone call), never with the file. Without it the file cannot be opened.";
    PassphraseMismatch => "Hai lần nhập mật khẩu không khớp.", "The two passphrases differ.";
    PassphraseTooShort => "Mật khẩu cần ít nhất 8 ký tự.", "The passphrase needs at least 8 characters.";
    NoKindChosen => "Hãy chọn ít nhất một loại hồ sơ.", "Choose at least one kind of record.";
    ExportFileButton => "Xuất tệp", "Export the file";
    Exporting => "Đang tạo tệp…", "Making the file…";
    SyncImportTitle => "Nhập tệp", "Import files";
    SyncImportHelp => "Chọn một hoặc nhiều tệp (.json, .json.gz, .json.gz.enc), ví dụ tệp của mọi huyện cùng lúc. Tệp được kiểm tra và xem trước; dữ liệu chỉ được ghi khi bạn bấm Nhập.", "Choose one or more files (.json, .json.gz, .json.gz.enc), for example every district's file at once. They are checked and previewed; nothing is written until you press Import.";
    ChooseFiles => "Chọn tệp để nhập", "Choose files to import";
    ReadingFiles => "Đang đọc và kiểm tra tệp…", "Reading and checking the files…";
    OpenEncrypted => "Mở tệp bằng mật khẩu này", "Open the files with this passphrase";
    ColFile => "Tệp", "File";
    VerdictNothingNew => "Máy này đã có mọi dữ liệu trong tệp.", "This computer already holds everything in this file.";
    PreviewTitle => "Xem trước thay đổi", "Preview of the changes";
    PreviewHelp => "Bấm vào một loại hồ sơ để xem từng bản ghi và từng trường thay đổi.", "Open a kind to see each record and each field that changes.";
    ColKind => "Loại hồ sơ", "Kind";
    EffectNew => "Mới", "New";
    EffectUpdated => "Cập nhật", "Updated";
    EffectConflict => "Xung đột", "Conflicts";
    EffectDeleted => "Xóa", "Deleted";
    EffectUnchanged => "Không đổi", "Unchanged";
    PreviewNothing => "Các tệp không có gì mới với máy này, nên không có gì để nhập.", "The files hold nothing new for this computer, so there is nothing to import.";
    ApplyImport => "Nhập vào máy này", "Import into this computer";
    Importing => "Đang ghi…", "Writing…";
    ImportStale => "Dữ liệu trên máy vừa thay đổi (ở một thẻ khác?). Bản xem trước đã được làm lại: hãy xem lại rồi bấm Nhập.", "The data on this computer changed meanwhile (in another tab?). The preview has been made again: check it, then press Import.";
    UndoImport => "Hoàn tác lần nhập gần nhất", "Undo the last import";
    UndoImportTitle => "Hoàn tác lần nhập gần nhất?", "Undo the last import?";
    UndoImportBody => "Dữ liệu sẽ trở lại đúng như trước lần nhập đó. Các tệp đã nhập vẫn có thể nhập lại sau.", "The data goes back exactly as it was before that import. The files can be imported again later.";
    Undone => "Đã hoàn tác lần nhập gần nhất.", "The last import was undone.";
    UndoChanged => "Không thể hoàn tác: hồ sơ do lần nhập đó ghi đã được sửa sau đó, hoàn tác sẽ làm mất các sửa đổi ấy.", "Cannot undo: records that import wrote were edited since, and undoing would lose those edits.";
    UndoNothing => "Không có lần nhập nào để hoàn tác.", "There is no import to undo.";
    ConflictsTitle => "Xung đột cần xử lý", "Conflicts to resolve";
    ConflictsHelp => "Hai máy đã sửa cùng một hồ sơ mà không thấy bản của nhau. Bản mới hơn đang được hiển thị; bản kia được giữ ở đây, không mất. Hãy giữ một bản, hoặc chọn từng trường rồi bấm Giữ các trường đã chọn.", "Two computers edited the same record without seeing each other's version. The later one is shown; the other is kept here, not lost. Keep one version, or pick field by field and press Keep the fields picked.";
    NoConflicts => "Không có xung đột nào.", "No conflicts.";
    VersionShown => "Đang hiển thị", "Shown now";
    VersionDeleted => "bản xóa", "a deletion";
    KeepVersion => "Giữ bản này", "Keep this version";
    KeepPicked => "Giữ các trường đã chọn", "Keep the fields picked";
    ConflictResolved => "Đã xử lý xung đột. Kết quả sẽ đi theo tệp xuất lần sau.", "Conflict resolved. The result travels in the next file you export.";
    ConflictStale => "Hồ sơ vừa thay đổi; danh sách xung đột đã được đọc lại.", "The record changed meanwhile; the conflicts list was read again.";
    ColField => "Trường", "Field";
    AuditTitle => "Nhật ký xuất, nhập", "Log of exports and imports";
    AuditEmpty => "Chưa có lần xuất hay nhập nào.", "No export or import yet.";
    ColWhen => "Thời điểm", "When";
    ColAction => "Việc", "Action";
    ColWho => "Người thực hiện", "Who";
    ColChanges => "Thay đổi", "Changes";
    ActionExport => "Xuất tệp", "Export";
    ActionImport => "Nhập tệp", "Import";
    ActionUndo => "Hoàn tác nhập", "Undo of an import";
    ActionResolve => "Xử lý xung đột", "Conflict resolved";
    ConflictsInNav => "xung đột cần xử lý", "conflicts to resolve";
    EditInConflict => "Doanh nghiệp này có phiên bản khác từ máy khác đang chờ xử lý xung đột, nên chưa lưu. Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước (những gì bạn nhập vẫn còn đây).", "This enterprise has another computer's version waiting in the conflicts list, so nothing was saved. Resolve the conflict on the Sync page first (what you typed is still here).";
    DuplicatesTitle => "Có thể trùng doanh nghiệp", "Likely duplicate enterprises";
    DuplicatesHelp => "Các doanh nghiệp dưới đây có cùng mã số thuế, có lẽ được đăng ký ở hai máy. Hãy giữ một hồ sơ (có thể chọn từng trường); hồ sơ kia được gộp vào, và khảo sát, tự đánh giá, hoạt động của nó đi theo.", "These enterprises share a tax code: probably registered on two computers. Keep one record (picking fields if you like); the other is merged into it, and its surveys, self-assessments and activities follow.";
    KeepThisEnterprise => "Giữ hồ sơ này, gộp hồ sơ kia vào", "Keep this record, merge the other into it";
    EnterprisesMerged => "Đã gộp doanh nghiệp. Việc gộp sẽ đi theo tệp xuất lần sau.", "Enterprises merged. The merge travels in the next file you export.";
    ActionMerge => "Gộp doanh nghiệp", "Enterprises merged";
    // Surveys
    BackToSurveys => "← Danh sách khảo sát", "← Survey list";
    SurveysTitle => "Khảo sát, chẩn đoán doanh nghiệp", "Enterprise surveys";
    NewSurvey => "Khảo sát mới", "New survey";
    PickEnterprise => "Chọn doanh nghiệp được khảo sát", "Choose the enterprise to survey";
    SearchEnterprise => "Tìm theo tên, mã số thuế hoặc địa chỉ", "Search by name, tax code or address";
    EnterpriseNotListed => "Doanh nghiệp chưa có trong danh sách? Thêm doanh nghiệp rồi khảo sát", "Not in the register? Add the enterprise, then survey it";
    StartSurvey => "Khảo sát doanh nghiệp này", "Survey this enterprise";
    StatusDraft => "Bản nháp", "Draft";
    StatusComplete => "Hoàn thành", "Complete";
    FilterStatus => "Trạng thái", "Status";
    FilterOfficer => "Cán bộ khảo sát", "Officer";
    FilterFrom => "Từ ngày", "From";
    FilterTo => "Đến ngày", "To";
    ColEnterprise => "Doanh nghiệp", "Enterprise";
    ColSurveyDate => "Ngày khảo sát", "Survey date";
    ColStatus => "Trạng thái", "Status";
    ColProgress => "Đã trả lời", "Answered";
    ColOfficer => "Cán bộ", "Officer";
    NoSurveys => "Chưa có phiếu khảo sát nào. Mở trang một doanh nghiệp và bấm \"Khảo sát doanh nghiệp này\", hoặc bấm \"Khảo sát mới\".", "No surveys yet. Open an enterprise and press \"Survey this enterprise\", or press \"New survey\".";
    NoSurveysMatch => "Không có phiếu nào khớp bộ lọc.", "No survey matches these filters.";
    SurveysOfEnterprise => "Các lần khảo sát", "Surveys";
    NoSurveysOfEnterprise => "Doanh nghiệp này chưa được khảo sát.", "This enterprise has not been surveyed yet.";
    // Self-assessments and programme activities on an enterprise's page
    AssessmentsOfEnterprise => "Tự đánh giá của doanh nghiệp", "Self-assessments";
    NoAssessmentsOfEnterprise => "Doanh nghiệp chưa gửi bản tự đánh giá nào.", "The enterprise has not sent a self-assessment yet.";
    ColAssessmentDate => "Ngày đánh giá", "Date";
    ColQuestionnaire => "Bộ câu hỏi", "Questionnaire";
    ColReadiness => "Mức sẵn sàng", "Readiness";
    StatusSubmitted => "Đã gửi", "Sent";
    // A self-assessment open in the editor
    BackToAssessments => "← Tự đánh giá", "← Self-assessment";
    AssessmentNotFound => "Không tìm thấy bản tự đánh giá này.", "This self-assessment does not exist.";
    AssessmentFormMissing => "Thiết bị này chưa có phiên bản bộ câu hỏi mà bản tự đánh giá này dùng. Hãy cài tệp định nghĩa bộ câu hỏi trong Cài đặt; các câu trả lời vẫn được giữ nguyên.", "This device does not have the questionnaire version this self-assessment uses. Install the questionnaire's definition file in Settings; the answers are kept as they are.";
    FinishAssessment => "Hoàn thành đánh giá", "Finish the assessment";
    AssessmentFinished => "Bản tự đánh giá đã hoàn thành và được lưu.", "The self-assessment is finished and saved.";
    AssessmentReadOnly => "Bản tự đánh giá đã hoàn thành. Bấm \"Sửa bản đánh giá\" để chỉnh sửa; phiên bản đã hoàn thành được giữ trong lịch sử.", "This self-assessment is finished. Press \"Edit the assessment\" to change it; the finished version is kept in the history.";
    EditAssessment => "Sửa bản đánh giá", "Edit the assessment";
    ConflictAssessmentTitle => "Bản tự đánh giá này vừa được lưu ở nơi khác (thẻ khác hoặc tệp nhập vào).", "This self-assessment was just saved elsewhere (another tab, or an imported file).";
    AssessmentHistory => "Lịch sử bản tự đánh giá", "Self-assessment history";
    ActivitiesOfEnterprise => "Hoạt động hỗ trợ liên quan", "Support activities";
    NoActivitiesOfEnterprise => "Chưa có hoạt động hỗ trợ nào liên quan đến doanh nghiệp này.", "No support activity concerns this enterprise yet.";
    ColActivityDate => "Ngày bắt đầu", "Start";
    ColActivityType => "Loại hoạt động", "Kind";
    ColActivityTitle => "Nội dung", "What";
    ColResult => "Kết quả", "Result";
    AwardGold => "Giải Vàng", "Gold award";
    AwardWon => "Đạt Giải thưởng", "Award";
    AwardNotAwarded => "Không đạt giải", "Not awarded";
    AwardPending => "Chờ kết quả", "Awaiting the result";
    SurveyNotFound => "Không tìm thấy phiếu khảo sát này.", "This survey does not exist.";
    UnknownEnterprise => "(doanh nghiệp không còn trong danh sách)", "(enterprise no longer in the register)";
    FormMissing => "Thiết bị này chưa có phiên bản định nghĩa phiếu mà bản khảo sát này dùng. Hãy cài tệp định nghĩa phiếu trong Cài đặt; các câu trả lời vẫn được giữ nguyên.", "This device does not have the form version this survey uses. Install the form definition file in Settings; the answers are kept as they are.";
    SavingDraft => "Đang lưu nháp…", "Saving the draft…";
    MarkComplete => "Đánh dấu hoàn thành", "Mark complete";
    GoToFirstMissing => "Đến câu bắt buộc chưa trả lời", "Go to the first unanswered required question";
    SurveyCompleted => "Phiếu khảo sát đã hoàn thành và được lưu.", "The survey is complete and saved.";
    SurveyCannotComplete => "Chưa thể hoàn thành: còn câu bắt buộc chưa trả lời hoặc câu trả lời chưa hợp lệ. Bản nháp vẫn được lưu.", "Not complete yet: some required questions are unanswered or some answers break a rule. The draft is still saved.";
    EditSurvey => "Sửa phiếu", "Edit survey";
    CompleteReadOnly => "Phiếu đã hoàn thành. Bấm \"Sửa phiếu\" để chỉnh sửa; phiên bản hoàn thành được giữ trong lịch sử.", "This survey is complete. Press \"Edit survey\" to change it; the completed version is kept in the history.";
    PrevSection => "← Phần trước", "← Previous section";
    NextSection => "Phần tiếp theo →", "Next section →";
    Sections => "Các phần của phiếu", "Form sections";
    IssueRequired => "Câu này bắt buộc trả lời.", "This question is required.";
    IssueNotANumber => "Hãy nhập một số, ví dụ 1.250,5.", "Enter a number, for example 1,250.5.";
    IssueNotAWholeNumber => "Hãy nhập một số nguyên.", "Enter a whole number.";
    IssueNotADate => "Ngày không hợp lệ.", "This is not a valid date.";
    IssueUnknownChoice => "Lựa chọn này không có trong danh sách.", "This choice is not in the list.";
    AnswerYes => "Có", "Yes";
    AnswerNo => "Không", "No";
    ClearAnswer => "Xóa câu trả lời", "Clear answer";
    AddRow => "Thêm dòng", "Add a row";
    RemoveRow => "Xóa dòng này", "Remove this row";
    NoRows => "Chưa có dòng nào.", "No rows yet.";
    Ranked => "Thứ tự ưu tiên (1 là quan trọng nhất)", "Order of priority (1 is the most important)";
    NotRanked => "Chưa xếp hạng — bấm để thêm", "Not ranked — press to add";
    MoveUp => "Lên", "Up";
    MoveDown => "Xuống", "Down";
    RemoveFromRanking => "Bỏ", "Remove";
    NothingRanked => "Chưa chọn mục nào.", "Nothing ranked yet.";
    OrphansTitle => "Câu trả lời từ phiên bản phiếu cũ không còn phù hợp", "Answers from an earlier form version that no longer fit";
    OrphansHelp => "Các câu trả lời này được giữ lại, không bị xóa. Hãy nhập lại vào câu hỏi tương ứng của phiếu mới nếu cần.", "These answers are kept, not deleted. Enter them again in the matching question of the new form if they are still needed.";
    SurveyHistory => "Lịch sử phiếu", "Survey history";
    ConflictSurveyTitle => "Phiếu này vừa được lưu ở nơi khác (thẻ khác hoặc tệp nhập vào).", "This survey was just saved elsewhere (another tab, or an imported file).";
    ConflictSurveyHelp => "Bản của bạn chưa được lưu đè lên bản đó. Chọn bản muốn giữ.", "Your version has not been written over it. Choose which version to keep.";
    KeepMine => "Giữ bản của tôi", "Keep my version";
    LoadTheirs => "Dùng bản vừa lưu", "Use the saved version";
    FileUnreadable => "Không đọc được tệp này. Hãy chọn lại tệp.", "This file could not be read. Choose the file again.";
    FormsTitle => "Định nghĩa phiếu", "Form definitions";
    FormsHelp => "Phiếu khảo sát là dữ liệu: khi có phiếu năm mới, cài tệp định nghĩa (.json) tại đây. Các phiếu đã điền theo phiên bản cũ vẫn mở được.", "Survey forms are data: when next year's form arrives, install its definition file (.json) here. Surveys filled on earlier versions still open.";
    InstallForm => "Cài định nghĩa phiếu từ tệp…", "Install a form definition file…";
    FormInvalid => "Tệp định nghĩa phiếu có lỗi nên chưa được cài. Không có gì thay đổi. Chi tiết:", "The form definition file has errors, so it was not installed. Nothing changed. Details:";
    FormSourceShipped => "Có sẵn trong ứng dụng", "Built into the app";
    FormSourceInstalled => "Cài từ tệp", "Installed from a file";
    ColFormId => "Mã phiếu", "Form id";
    ColVersion => "Phiên bản", "Version";
    ColTitle => "Tên phiếu", "Title";
    ColSource => "Nguồn", "Source";
    ColQuestions => "Số câu hỏi", "Questions";
    ColPurpose => "Dùng cho", "Used for";
    PurposeSurvey => "Cán bộ khảo sát doanh nghiệp", "Officers' survey of an enterprise";
    PurposeSelfAssessment => "Doanh nghiệp tự đánh giá", "Enterprise self-assessment";
    // Shell
    AppTitle => "Theo dõi Năng suất Chất lượng", "Productivity and Quality Tracker";
    AppTitleShort => "NSCL", "NSCL";
    AppSubtitle => "Sở Khoa học và Công nghệ Đồng Tháp", "Đồng Tháp Department of Science and Technology";
    SkipToContent => "Bỏ qua đến nội dung chính", "Skip to main content";
    MainMenu => "Menu chính", "Main menu";
    NavDashboard => "Tổng quan", "Dashboard";
    NavEnterprises => "Doanh nghiệp", "Enterprises";
    NavSurveys => "Khảo sát", "Surveys";
    NavSelfAssessment => "Tự đánh giá", "Self-assessment";
    NavActivities => "Hoạt động hỗ trợ", "Support activities";
    NavSync => "Đồng bộ dữ liệu", "Sync";
    NavSettings => "Cài đặt", "Settings";
    NotBuiltYet => "Chức năng này chưa được xây dựng. Các trang Doanh nghiệp và Cài đặt đã dùng được.", "This part is not built yet. The Enterprises and Settings pages are ready to use.";
    PageNotFound => "Không tìm thấy trang này.", "This page does not exist.";
    GoHome => "Về trang tổng quan", "Go to the dashboard";
    Loading => "Đang tải dữ liệu…", "Loading data…";
    UpdateAvailable => "Đã có phiên bản mới của ứng dụng. Hãy lưu việc đang làm rồi tải lại.", "A new version of the app is available. Save your work, then reload.";
    ReloadNow => "Tải lại", "Reload";
    OfflineNotice => "Đang ngoại tuyến – dữ liệu vẫn được lưu trên máy này.", "Offline – data is still saved on this device.";
    Dismiss => "Đóng", "Dismiss";
    NotSet => "—", "—";

    // Dashboard
    DashboardIntro => "Số liệu từ dữ liệu lưu trên máy này: danh bạ doanh nghiệp, khảo sát, tự đánh giá và hoạt động hỗ trợ.", "Figures from the records on this device: the enterprise register, surveys, self-assessments and support activities.";
    StatEnterprises => "Doanh nghiệp trong danh bạ", "Enterprises in the register";
    StatWithTaxCode => "Có mã số thuế", "With a tax code";
    StatSmeShare => "Doanh nghiệp nhỏ và vừa", "Small and medium-sized";
    StatSurveys => "Lượt khảo sát", "Surveys";
    StatAssessments => "Bản tự đánh giá", "Self-assessments";
    StatActivities => "Hoạt động hỗ trợ", "Support activities";
    BySize => "Theo quy mô", "By size";
    ByUnit => "Theo đơn vị hành chính", "By administrative unit";
    NoUnit => "Chưa chọn đơn vị", "No unit chosen";

    // Enterprise list
    EnterprisesTitle => "Danh bạ doanh nghiệp", "Enterprise register";
    AddEnterprise => "Thêm doanh nghiệp", "Add enterprise";
    SearchLabel => "Tìm kiếm", "Search";
    SearchPlaceholder => "Tên, mã số thuế, địa chỉ, người liên hệ…", "Name, tax code, address, contact…";
    FilterAll => "Tất cả", "All";
    FilterUnit => "Đơn vị hành chính", "Administrative unit";
    FilterSector => "Ngành (VSIC)", "Sector (VSIC)";
    FilterSize => "Quy mô", "Size";
    FilterProduct => "Sản phẩm chủ lực", "Key product";
    ClearFilters => "Xóa bộ lọc", "Clear filters";
    SortBy => "Sắp xếp theo", "Sort by";
    SortAscending => "Tăng dần", "Ascending";
    SortDescending => "Giảm dần", "Descending";
    ColName => "Tên doanh nghiệp", "Enterprise name";
    ColTaxCode => "Mã số thuế", "Tax code";
    ColUnit => "Đơn vị hành chính", "Administrative unit";
    ColSector => "Ngành", "Sector";
    ColSize => "Quy mô", "Size";
    ColEmployees => "Lao động", "Employees";
    ColUpdated => "Cập nhật", "Updated";
    NoResults => "Không có doanh nghiệp nào phù hợp với tìm kiếm và bộ lọc.", "No enterprise matches the search and filters.";
    EmptyRegister => "Danh bạ chưa có doanh nghiệp nào. Bấm “Thêm doanh nghiệp” để bắt đầu.", "The register is empty. Press “Add enterprise” to start.";
    PrevPage => "Trang trước", "Previous page";
    NextPage => "Trang sau", "Next page";
    Pagination => "Phân trang", "Pagination";

    // Size classes
    SizeMicro => "Siêu nhỏ", "Micro";
    SizeSmall => "Nhỏ", "Small";
    SizeMedium => "Vừa", "Medium";
    SizeLarge => "Lớn", "Large";
    SizeUnknown => "Chưa xác định", "Unknown";

    // Ownership
    OwnState => "Doanh nghiệp nhà nước", "State-owned enterprise";
    OwnPrivate => "Doanh nghiệp ngoài nhà nước", "Private domestic enterprise";
    OwnForeign => "Doanh nghiệp có vốn đầu tư nước ngoài", "Foreign-invested enterprise";
    OwnCooperative => "Hợp tác xã", "Cooperative";
    OwnHousehold => "Hộ kinh doanh", "Household business";
    OwnOther => "Loại hình khác", "Other";

    // Product groups
    ProdRice => "Lúa gạo", "Rice";
    ProdMango => "Xoài", "Mango";
    ProdFlowers => "Hoa, cây kiểng", "Flowers and ornamental plants";
    ProdPangasius => "Cá tra", "Pangasius";
    ProdLotus => "Sen", "Lotus";
    ProdOcop => "Sản phẩm OCOP", "OCOP product";
    ProdOther => "Sản phẩm khác", "Other products";

    // Enterprise form
    FormNewTitle => "Thêm doanh nghiệp", "Add an enterprise";
    FormEditTitle => "Sửa thông tin doanh nghiệp", "Edit enterprise";
    SectionGeneral => "Thông tin chung", "General information";
    SectionScale => "Quy mô", "Size";
    SectionProducts => "Sản phẩm chủ lực", "Key products";
    SectionContact => "Liên hệ và ghi chú", "Contact and notes";
    FieldName => "Tên doanh nghiệp", "Enterprise name";
    FieldTaxCode => "Mã số thuế", "Tax code";
    FieldTaxCodeHint => "10 chữ số; đơn vị phụ thuộc thêm -001 đến -999.", "10 digits; a branch adds -001 to -999.";
    FieldAddress => "Địa chỉ", "Address";
    FieldUnit => "Đơn vị hành chính", "Administrative unit";
    FieldVsic => "Ngành kinh tế (VSIC cấp 1)", "Economic sector (VSIC level 1)";
    SectorVsicShort => "VSIC", "VSIC";
    FieldOwnership => "Loại hình sở hữu", "Ownership type";
    FieldEmployees => "Số lao động tham gia BHXH", "Employees with social insurance";
    FieldRevenue => "Doanh thu năm (tỷ đồng)", "Annual revenue (billion VND)";
    FieldCapital => "Tổng nguồn vốn (tỷ đồng)", "Total capital (billion VND)";
    AmountHint => "Dùng dấu phẩy cho phần thập phân, ví dụ 2,5.", "Use a comma or a point for decimals, e.g. 2.5.";
    FieldProducts => "Nhóm sản phẩm", "Product groups";
    FieldOcopStars => "Hạng sao OCOP", "OCOP star rating";
    FieldOtherProducts => "Sản phẩm khác là gì?", "Which other products?";
    FieldContactName => "Người liên hệ", "Contact person";
    FieldPhone => "Số điện thoại", "Phone";
    FieldEmail => "Email", "Email";
    FieldNotes => "Ghi chú", "Notes";
    ComputedSize => "Quy mô theo Nghị định 80/2021/NĐ-CP", "Size under Decree 80/2021/NĐ-CP";
    SizeNeedsData => "Cần ngành, số lao động và doanh thu hoặc nguồn vốn.", "Needs the sector, employees, and revenue or capital.";
    ChooseOption => "— Chọn —", "— Choose —";
    RequiredMark => "bắt buộc", "required";
    Save => "Lưu", "Save";
    Saving => "Đang lưu…", "Saving…";
    Cancel => "Hủy", "Cancel";
    Saved => "Đã lưu doanh nghiệp.", "Enterprise saved.";
    RetiredSuffix => "(đã ngừng sử dụng)", "(retired)";
    FormHasErrors => "Chưa lưu: vui lòng sửa các ô được đánh dấu.", "Not saved: please correct the highlighted fields.";
    OpenExisting => "Mở doanh nghiệp đó", "Open that enterprise";

    // Field problems
    ErrRequired => "Vui lòng nhập thông tin này.", "This field is required.";
    ErrTaxCharacters => "Mã số thuế chỉ gồm chữ số và một dấu gạch ngang trước số chi nhánh.", "A tax code has only digits, and one hyphen before a branch number.";
    ErrTaxLength => "Mã số thuế phải có 10 chữ số, hoặc 10 chữ số, dấu “-” và 3 chữ số chi nhánh.", "A tax code has 10 digits, or 10 digits, “-” and a 3-digit branch number.";
    ErrTaxBranch => "Số chi nhánh phải từ 001 đến 999.", "The branch number must be 001 to 999.";
    ErrTaxPrefix => "Mã số thuế không hợp lệ: mã tỉnh “00” không tồn tại.", "Invalid tax code: province prefix “00” does not exist.";
    ErrTaxSequence => "Mã số thuế không hợp lệ: dãy số 0000000 không được cấp.", "Invalid tax code: sequence 0000000 is never issued.";
    ErrTaxNoCheckDigit => "Mã số thuế không hợp lệ: 9 chữ số đầu không có chữ số kiểm tra hợp lệ.", "Invalid tax code: no valid check digit exists for the first nine digits.";
    ErrTaxDuplicate => "Mã số thuế này đã có trong danh bạ.", "This tax code is already in the register.";
    ErrNumber => "Vui lòng nhập một số không âm, ví dụ 2,5.", "Please enter a number of zero or more, e.g. 2.5.";
    ErrWholeNumber => "Vui lòng nhập số nguyên không âm, ví dụ 25.", "Please enter a whole number of zero or more, e.g. 25.";
    ErrTooLarge => "Số quá lớn.", "The number is too large.";
    ErrEmail => "Địa chỉ email không hợp lệ, ví dụ ten@congty.vn.", "Invalid email address, e.g. name@company.vn.";
    ErrPhone => "Số điện thoại không hợp lệ: cần 8 đến 15 chữ số.", "Invalid phone number: it needs 8 to 15 digits.";
    ErrOcopStars => "Hạng sao OCOP từ 1 đến 5.", "OCOP stars are 1 to 5.";
    ErrUnknownOption => "Giá trị này không có trong danh sách.", "This value is not in the list.";
    WarnNoTaxCode => "Chưa có mã số thuế. Vẫn lưu được, nhưng nên bổ sung để tránh trùng lặp.", "No tax code yet. You can save, but add it soon to avoid duplicates.";

    // Concurrent edits
    ConflictTitle => "Doanh nghiệp này vừa được sửa ở nơi khác.", "This enterprise was just changed elsewhere.";
    ConflictTheirChanges => "Những ô họ đã sửa:", "Fields they changed:";
    ConflictBothChanged => "Cả hai cùng sửa (đang giữ giá trị của bạn):", "Changed by both of you (your value is kept):";
    ConflictMerged => "Biểu mẫu đã gộp thay đổi của họ với của bạn; chưa có gì được lưu. Hãy kiểm tra rồi bấm Lưu.", "The form now holds their changes together with yours; nothing has been saved. Check it, then press Save.";
    ConflictTakeTheirs => "Bỏ thay đổi của tôi, dùng bản của họ", "Drop my changes, use theirs";

    // Enterprise detail
    Edit => "Sửa", "Edit";
    Delete => "Xóa", "Delete";
    ConfirmDeleteTitle => "Xóa doanh nghiệp?", "Delete this enterprise?";
    Deleted => "Đã xóa doanh nghiệp.", "Enterprise deleted.";
    DeleteChangedMeanwhile => "Doanh nghiệp vừa được sửa hoặc xóa ở nơi khác nên chưa xóa. Trang đã hiện bản mới nhất; hãy xem lại rồi xóa nếu vẫn muốn.", "This enterprise was just changed or deleted elsewhere, so it was not deleted. The page now shows the latest version; check it, then delete again if you still want to.";
    DeletedElsewhereTitle => "Doanh nghiệp này đã bị xóa ở nơi khác trong lúc bạn đang sửa.", "This enterprise was deleted elsewhere while you were editing it.";
    DeletedElsewhereHelp => "Thay đổi của bạn chưa được lưu. Bạn có thể khôi phục doanh nghiệp cùng với thay đổi của mình, hoặc bỏ thay đổi và để doanh nghiệp ở trạng thái đã xóa.", "Your changes have not been saved. You can restore the enterprise with your changes, or drop your changes and leave it deleted.";
    DeletedRestoreMine => "Khôi phục doanh nghiệp với thay đổi của tôi", "Restore it with my changes";
    DeletedDiscardMine => "Bỏ thay đổi của tôi, giữ việc xóa", "Drop my changes, keep it deleted";
    ExportFailed => "Không tạo được tệp sao lưu; chưa có gì được đánh dấu là đã xuất. Hãy thử lại; nếu vẫn lỗi, hãy báo cho bộ phận kỹ thuật.", "The backup file could not be made; nothing was marked as exported. Try again; if it fails again, tell the technical team.";
    CrashTitle => "Ứng dụng gặp lỗi và đã dừng.", "Something went wrong and the app stopped.";
    CrashHelp => "Xin lỗi vì sự cố. Dữ liệu đã lưu không bị ảnh hưởng. Bấm \"Tải lại\" để mở lại trang; những gì bạn đang gõ dở sẽ được điền lại vào biểu mẫu.", "Sorry about this. What was already saved is safe. Press \"Reload\" to open the page again; what you were typing will be put back into the form.";
    CrashYourText => "Những gì bạn đang gõ dở (đã được giữ lại):", "What you were typing (kept for you):";
    CrashReload => "Tải lại", "Reload";
    CrashRestored => "Ứng dụng đã dừng vì một lỗi. Những gì bạn gõ dở đã được điền lại vào biểu mẫu; hãy kiểm tra rồi lưu.", "The app stopped because of an error. What you were typing has been put back into the form; check it, then save.";
    CrashRestoredElsewhere => "Ứng dụng đã dừng vì một lỗi khi bạn đang gõ ở trang khác. Những gì bạn gõ dở:", "The app stopped because of an error while you were typing on another page. What you were typing:";
    FormFileTooLarge => "Tệp quá lớn để là một định nghĩa biểu mẫu (tối đa 2 MB); chưa cài gì.", "The file is too large to be a form definition (2 MB at most); nothing was installed.";
    RestoredElsewhere => "Doanh nghiệp vừa được khôi phục ở nơi khác; trang đang hiện bản mới nhất.", "This enterprise was just restored elsewhere; the page shows the latest version.";
    FormsRefused => "Phiên bản ứng dụng này kiểm tra biểu mẫu chặt hơn và không nạp được các biểu mẫu đã cài dưới đây. Các phiếu đã nhập vẫn được giữ nguyên; hãy cài tệp biểu mẫu đã sửa.", "This version of the app checks forms more strictly and could not load the installed forms below. Surveys already entered are kept as they are; install a corrected form file.";
    EditDiscarded => "Đã bỏ thay đổi của bạn; doanh nghiệp vẫn ở trạng thái đã xóa.", "Your changes were dropped; the enterprise stays deleted.";
    BackToList => "← Danh bạ doanh nghiệp", "← Enterprise register";
    RecordInfo => "Thông tin bản ghi", "Record details";
    CreatedAt => "Tạo lúc", "Created";
    UpdatedAt => "Cập nhật lúc", "Updated";
    LastDevice => "Thiết bị sửa gần nhất", "Last changed on device";
    RecordId => "Mã bản ghi", "Record id";
    EnterpriseNotFound => "Không tìm thấy doanh nghiệp này. Có thể nó đã bị xóa.", "This enterprise was not found. It may have been deleted.";
    Print => "In", "Print";

    // History
    HistoryTitle => "Lịch sử thay đổi", "Change history";
    HistoryCurrent => "Phiên bản hiện tại", "Current version";
    HistoryFirst => "Phiên bản cũ nhất còn lưu.", "Oldest version kept.";
    HistoryNoChange => "Không ô nào thay đổi.", "No field changed.";
    HistoryEmpty => "Chưa có phiên bản cũ.", "No earlier versions yet.";
    Restore => "Khôi phục phiên bản này", "Restore this version";
    Restored => "Đã khôi phục phiên bản cũ; phiên bản trước đó vẫn còn trong lịch sử.", "The earlier version is restored; the one it replaced stays in the history.";
    RestoreFailed => "Không khôi phục được: mã số thuế của phiên bản này đang thuộc doanh nghiệp khác, hoặc bản ghi vừa thay đổi ở nơi khác.", "Could not restore: this version's tax code now belongs to another enterprise, or the record was just changed elsewhere.";
    HistoryDepth => "Số phiên bản cũ giữ lại cho mỗi bản ghi", "Earlier versions kept per record";

    // Settings
    SettingsTitle => "Cài đặt", "Settings";
    Language => "Ngôn ngữ", "Language";
    LangVi => "Tiếng Việt", "Tiếng Việt";
    LangEn => "English", "English";
    UnitsTitle => "Đơn vị hành chính", "Administrative units";
    UnitsHelp => "Từ 1/7/2025 không còn cấp huyện. Thêm xã, phường mới và ngừng sử dụng đơn vị cũ; doanh nghiệp đang gắn với đơn vị đã ngừng vẫn giữ nguyên.", "Since 1/7/2025 there is no district level. Add new communes and wards and retire old units; enterprises linked to a retired unit keep it.";
    UnitNameVi => "Tên tiếng Việt", "Vietnamese name";
    UnitNameEn => "Tên tiếng Anh", "English name";
    UnitKind => "Loại đơn vị", "Kind";
    UnitKindCity => "Thành phố", "City";
    UnitKindDistrict => "Huyện", "District";
    UnitKindWard => "Phường", "Ward";
    UnitKindCommune => "Xã", "Commune";
    AddUnit => "Thêm đơn vị", "Add unit";
    Rename => "Đổi tên", "Rename";
    Retire => "Ngừng sử dụng", "Retire";
    Reactivate => "Dùng lại", "Reactivate";
    UnitStatus => "Trạng thái", "Status";
    UnitActive => "Đang dùng", "In use";
    UnitRetired => "Đã ngừng", "Retired";
    UnitRecords => "Số doanh nghiệp", "Enterprises";
    Actions => "Thao tác", "Actions";
    ErrUnitEmpty => "Vui lòng nhập tên đơn vị.", "Please enter the unit's name.";
    ErrUnitDuplicate => "Đã có đơn vị trùng tên.", "A unit with this name already exists.";
    UnitSaved => "Đã lưu danh sách đơn vị.", "Unit list saved.";
    OfficerName => "Họ tên cán bộ nhập liệu (ghi kèm mỗi thay đổi)", "Officer's name (recorded with every change)";
    LastOfficer => "Người sửa gần nhất", "Last changed by";
    DeviceTitle => "Thiết bị này", "This device";
    DeviceId => "Mã thiết bị", "Device id";
    DeviceHelp => "Mỗi bản ghi ghi lại thiết bị đã sửa nó gần nhất, để gộp dữ liệu từ nhiều máy.", "Each record notes the device that last changed it, for merging files from several laptops.";

    // Backups and the browser's storage
    StorageTitle => "Dữ liệu trên máy này", "Data on this device";
    StoragePersisted => "Trình duyệt đã cam kết giữ dữ liệu này, không tự xóa khi máy thiếu dung lượng.", "The browser has agreed to keep this data and not evict it when space runs low.";
    StorageNotPersisted => "Trình duyệt có thể tự xóa dữ liệu khi máy thiếu dung lượng. Hãy xuất bản sao lưu thường xuyên.", "The browser may evict this data when space runs low. Export backups often.";
    RequestPersistence => "Đề nghị trình duyệt giữ dữ liệu", "Ask the browser to keep the data";
    ExportBackup => "Xuất bản sao lưu", "Export a backup";
    Exported => "Đã xuất bản sao lưu. Hãy chép tệp sang USB hoặc máy khác.", "Backup exported. Copy the file to a USB stick or another computer.";
    NothingUnexported => "Mọi thay đổi đã được xuất.", "Every change has been exported.";

    // Storage
    ErrStorageQuota => "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Những gì bạn vừa nhập vẫn còn trên màn hình.", "The browser's storage is full, so nothing was saved. What you entered is still on screen.";
    ErrStorageUnavailable => "Trình duyệt không cho phép lưu dữ liệu (có thể đang ở chế độ ẩn danh). Những gì bạn vừa nhập vẫn còn trên màn hình.", "The browser does not allow storing data (private mode?). What you entered is still on screen.";
    ErrStorageNewer => "Dữ liệu trên máy này do phiên bản mới hơn của ứng dụng tạo ra. Hãy tải lại trang để cập nhật; dữ liệu sẽ không bị ghi đè.", "The data on this device was written by a newer version of the app. Reload to update; the data will not be overwritten.";
    ErrStorageCorrupt => "Dữ liệu đã lưu bị hỏng và không đọc được. Ứng dụng tạm không ghi để không mất dữ liệu.", "The stored data is damaged and cannot be read. The app will not write, so nothing is lost.";
    ErrStorageChanged => "Dữ liệu vừa được thay đổi ở một thẻ khác. Danh bạ đã được tải lại; hãy kiểm tra rồi lưu lại.", "The data was just changed in another tab. The register was reloaded; check and save again.";
    LegacyNotMoved => "Dữ liệu của phiên bản cũ chưa chuyển được sang kho mới và vẫn được giữ nguyên trên máy.", "Data from an earlier version could not be moved to the new store and is kept untouched on this device.";
    ReadOnlyMode => "Chế độ chỉ đọc", "Read-only mode";
}

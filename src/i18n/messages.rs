//! Fixed texts: `Key => "Vietnamese", "English";`.

use super::Lang;

/// Where each text ends in the string of all of them, from their lengths (`Msg::text`).
const fn text_ends<const N: usize>(lengths: [usize; N]) -> [u32; N] {
    let mut ends = [0u32; N];
    let mut total = 0;
    let mut i = 0;
    while i < N {
        total += lengths[i];
        ends[i] = total as u32;
        i += 1;
    }
    ends
}

/// A text's Vietnamese in the part of the texts it belongs to: the shell's (`shell_part`) or
/// the pages' (`page_part`); `""` in the other.
macro_rules! shell_part {
    (page $vi:literal) => { "" };
    ($vi:literal) => { $vi };
}
macro_rules! page_part {
    (page $vi:literal) => { $vi };
    ($vi:literal) => { "" };
}

/// The text at `i` of `text`, whose texts end at `ends`: always a whole text, cut where one ends
/// (`get` only spares the panic path).
pub(super) fn cut(text: &'static str, ends: &[u32], i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ends.get(i - 1).copied().unwrap_or(0) as usize };
    let end = ends.get(i).copied().unwrap_or(0) as usize;
    text.get(start..end).unwrap_or_default()
}

/// `Key => "Vietnamese", "English";` for a text the shell shows, `Key => page "…", "…";` for
/// one only pages from a chunk show (`super::page_texts`; a native test checks which is which).
macro_rules! messages {
    ($($key:ident => $($page:ident)? $vi:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Vi => self.vietnamese(),
                    // Only a page that has the English texts shows English (`english::available`);
                    // Vietnamese is what a text missing from them would fall back to.
                    Lang::En => super::english::text(self as usize).unwrap_or_else(|| self.vietnamese()),
                }
            }

            /// Whether only pages from a chunk show this text (its Vietnamese is theirs).
            pub fn on_pages_only(self) -> bool {
                const PAGE: [bool; Msg::ALL.len()] = [$(!page_part!($($page)? $vi).is_empty()),*];
                PAGE[self as usize]
            }

            fn vietnamese(self) -> &'static str {
                // Every text in one string in the order of the enum, and where each ends: not a
                // `match` of every text (25 KB of code in the first download), nor a table of
                // `&str`s (twice the bytes of the ends). The shell's texts here; the pages' are
                // "" here, and in their own string, which only code in a chunk refers to
                // (`page_texts`): the split build's first download does not hold them.
                const TEXT: &str = concat!($(shell_part!($($page)? $vi)),*);
                // A static, not a const: one copy in the module, read in place at each call.
                static ENDS: [u32; Msg::ALL.len()] = text_ends([$(shell_part!($($page)? $vi).len()),*]);
                let i = self as usize;
                let text = cut(TEXT, &ENDS, i);
                if text.is_empty() { super::page_texts::text(i) } else { text }
            }
        }

        /// The Vietnamese of the pages' texts in the order of the enum ("" for a shell text), and
        /// where each ends: read through `page_texts`, never here, so that in the split build only
        /// code in a chunk refers to them.
        pub(super) const PAGE_TEXT: &str = concat!($(page_part!($($page)? $vi)),*);
        pub(super) static PAGE_ENDS: [u32; Msg::ALL.len()] = text_ends([$(page_part!($($page)? $vi).len()),*]);

        /// The English texts in the order of the enum, where they are built in: everywhere but
        /// the split build of the app, which fetches them (`super::english`).
        #[cfg(not(nscl_split))]
        pub const ENGLISH: &[&str] = &[$($en),*];

        /// What every build's English texts fingerprint to, worked out by the compiler: the
        /// split build checks a fetched file by it without holding the texts.
        pub const ENGLISH_FINGERPRINT: u64 = super::english::fingerprint(&[$($en),*]);
    };
}

messages! {
    // A page whose code loads on first use could not be loaded (src/ui/lazy_page.rs)
    PageLoadFailed => "Không tải được trang này (có thể mạng vừa mất, hoặc ứng dụng vừa được cập nhật). Dữ liệu đã lưu và những gì đang nhập ở trang khác vẫn còn nguyên. Hãy thử lại, hoặc tải lại ứng dụng.", "This page could not be loaded (the network may have dropped, or the app was just updated). Saved data and what you are typing on other pages are kept. Try again, or reload the app.";
    PartLoadFailed => "Không tải được phần này của trang (có thể mạng vừa mất, hoặc ứng dụng vừa được cập nhật). Phần còn lại của trang vẫn dùng được. Hãy thử lại, hoặc tải lại ứng dụng.", "This part of the page could not be loaded (the network may have dropped, or the app was just updated). The rest of the page works. Try again, or reload the app.";
    PageLoadRetry => "Thử lại", "Try again";
    PageLoading => "Đang tải trang…", "Loading the page…";
    TargetErrChanged => page "Mục tiêu này vừa được sửa ở nơi khác (thẻ khác hoặc tệp nhập vào) nên chưa lưu. Hãy xem giá trị mới rồi sửa lại.", "This target was just changed elsewhere (another tab, or an imported file), so nothing was saved. Look at the new value, then edit it again.";
    // Chart figures: downloads, and the numbers for screen readers
    ChartDownloadSvg => page "Tải ảnh SVG", "Download SVG";
    ChartDownloadPng => "Tải ảnh PNG", "Download PNG";
    ChartDownloadFailed => page "Không tạo được tệp ảnh của biểu đồ. Hãy thử lại, hoặc tải ảnh SVG.", "The chart's image could not be made. Try again, or download the SVG.";
    // Indicators against targets: dashboard, records behind a number, targets in Settings
    IndTitle => page "Chỉ tiêu Kế hoạch 105/KH-UBND", "Plan 105/KH-UBND indicators";
    IndPeriod => page "Kỳ", "Period";
    IndUnit => page "Đơn vị hành chính", "Administrative unit";
    IndWholeProvince => page "Toàn tỉnh", "Whole province";
    IndNoUnit => page "Không gắn đơn vị", "No unit";
    IndIndicator => page "Chỉ tiêu", "Indicator";
    IndTarget => page "Mục tiêu", "Target";
    IndActual => page "Thực hiện", "Actual";
    IndPercent => page "% đạt", "% achieved";
    IndPace => page "Tiến độ", "Pace";
    IndHow => page "Cách tính", "How it is counted";
    IndBaseline => page "Giai đoạn 2012-2020", "2012-2020";
    IndStretch => page "phấn đấu", "stretch";
    IndRange => page "khoảng", "range";
    IndPerYearNote => page "mỗi năm giai đoạn", "a year in";
    IndUnitTargetNote => page "Mục tiêu của Kế hoạch tính cho toàn tỉnh; khi chọn một đơn vị chỉ hiện số thực hiện.", "The plan's targets are the province's; with a unit chosen only actual values show.";
    IndPaceNoTarget => page "Không có mục tiêu", "No target";
    IndPaceNotStarted => page "Chưa bắt đầu", "Not started";
    IndPaceAchieved => page "Đã đạt", "Achieved";
    IndPaceOnTrack => page "Đúng tiến độ", "On track";
    IndPaceBehind => page "Chậm tiến độ", "Behind";
    IndPaceMissed => page "Không đạt", "Missed";
    IndTrendTitle => page "Theo từng năm", "Year by year";
    IndBreakdownTitle => page "Theo đơn vị hành chính", "By administrative unit";
    IndBreakdownChartTop => page "{n} đơn vị có số cao nhất", "the {n} units with the highest counts";
    IndBreakdownNote => page "Hoạt động không ghi đơn vị được tính theo đơn vị của doanh nghiệp liên quan; một hoạt động có doanh nghiệp ở hai đơn vị được tính ở cả hai.", "An activity without a unit counts in its enterprises' units; one with enterprises in two units counts in both.";
    IndSurveyTitle => page "Khảo sát: doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến", "Surveys: enterprises applying systems and tools";
    IndSurveyNote => page "Mỗi doanh nghiệp tính theo phiếu khảo sát gần nhất trong kỳ có trả lời phần hệ thống, công cụ (kể cả phiếu chưa hoàn thành). Hệ thống: đang áp dụng hoặc đã chứng nhận; công cụ: mức 2 trở lên.", "Each enterprise counts by its latest survey in the period that answers the systems and tools (drafts included). Systems: applying or certified; tools: level 2 or above.";
    IndSurveyed => page "Doanh nghiệp được khảo sát", "Enterprises surveyed";
    IndApplying => page "Đang áp dụng", "Applying";
    IndCertified => page "Đã chứng nhận", "Certified";
    IndShare => page "Tỷ lệ", "Share";
    IndSystemOrTool => page "Hệ thống, công cụ", "System or tool";
    IndReadinessTitle => page "Tự đánh giá: phân bố mức sẵn sàng", "Self-assessment: readiness bands";
    IndReadinessNote => page "Bản tự đánh giá có điểm gần nhất của mỗi doanh nghiệp cho từng nội dung, trong kỳ.", "Each enterprise's latest scored self-assessment per module, in the period.";
    IndModule => page "Nội dung", "Module";
    IndBehindTitle => page "Bản ghi làm nên con số", "The records behind the number";
    IndBehindActivities => page "Hoạt động", "Activities";
    IndBehindEnterprises => page "Doanh nghiệp", "Enterprises";
    IndBehindUnlinked => page "Hoạt động chưa liên kết doanh nghiệp (mỗi hoạt động tính là một)", "Activities linked to no enterprise (each counts as one)";
    IndBehindCount => "Số bản ghi", "Records";
    IndBehindTotal => "Tổng", "Total";
    IndDate => page "Ngày", "Date";
    IndTitleCol => page "Tên hoạt động", "Title";
    IndKind => page "Loại", "Kind";
    IndOrganisations => page "Số tổ chức", "Organisations";
    IndPerson => page "Chuyên gia", "Expert";
    IndAssessments => page "Bản tự đánh giá", "Self-assessments";
    IndUnknown => page "Không tìm thấy chỉ tiêu này.", "No such indicator.";
    IndBack => page "Về trang tổng quan", "Back to the dashboard";
    IndLoading => page "Đang đọc hoạt động…", "Reading activities…";
    IndChartExpected => page "Kỳ vọng đến nay", "Expected by now";
    IndChartAxis => page "% so với mục tiêu", "% of target";
    IndChartEmpty => page "Chưa có số liệu.", "No figures yet.";
    IndChartCount => page "Số lượng", "Count";
    IndChartShareAxis => page "Tỷ lệ doanh nghiệp (%)", "Share of enterprises (%)";
    TargetsTitle => page "Chỉ tiêu", "Targets";
    TargetsHelp => page "Mục tiêu mặc định theo Kế hoạch 105/KH-UBND; giai đoạn 2026-2030 cao hơn 10-15 %. Sửa khi có văn bản điều chỉnh; mỗi lần sửa được lưu lại.", "Default targets from Plan 105/KH-UBND; 2026-2030 is 10-15 % higher. Change one when a decision revises it; every change is kept.";
    TargetDefault => page "Mặc định", "Default";
    TargetCurrent => page "Đang áp dụng", "In force";
    TargetEdit => page "Sửa", "Edit";
    TargetSave => page "Lưu mục tiêu", "Save target";
    TargetCancel => page "Hủy", "Cancel";
    TargetReset => page "Về mặc định", "Reset to default";
    TargetSaved => page "Đã lưu mục tiêu.", "Target saved.";
    TargetResetDone => page "Đã trả mục tiêu về mặc định.", "Target reset to default.";
    TargetErrEmpty => page "Nhập mục tiêu là một số.", "Enter the target as a number.";
    TargetErrNotNumber => page "Mục tiêu phải là một số, ví dụ 12.", "The target must be a number, such as 12.";
    TargetErrNotWhole => page "Mục tiêu phải là số nguyên: chỉ tiêu đếm lớp, người, doanh nghiệp…", "The target must be a whole number: indicators count classes, people, enterprises…";
    TargetErrNegative => page "Mục tiêu không được âm.", "The target cannot be negative.";
    TargetErrTooLarge => page "Mục tiêu quá lớn (tối đa 1.000.000).", "The target is too large (at most 1,000,000).";
    TargetErrStretchBelow => page "Mục tiêu phấn đấu phải không thấp hơn mục tiêu.", "The stretch target cannot be below the target.";
    TargetErrStore => page "Không lưu được mục tiêu; dữ liệu đã thay đổi ở nơi khác. Hãy thử lại.", "The target could not be saved; it changed elsewhere. Try again.";
    TargetHistoryTitle => page "Lịch sử thay đổi chỉ tiêu", "History of target changes";
    TargetHistoryEmpty => page "Chưa có thay đổi nào.", "No changes yet.";
    TargetFieldIndicator => "Chỉ tiêu", "Indicator";
    TargetFieldPeriod => "Kỳ", "Period";
    TargetFieldValue => "Mục tiêu", "Target";
    TargetFieldStretch => "Mục tiêu phấn đấu", "Stretch target";
    TargetFieldNote => "Căn cứ, ghi chú", "Basis, note";
    // Annual report (báo cáo sơ kết): the page, its heading fields, its tables
    NavReport => "Báo cáo", "Report";
    ReportPageTitle => page "Báo cáo sơ kết", "Annual report";
    ReportPageHelp => page "Báo cáo lập từ các hoạt động đã ghi nhận. Sửa phần đầu và phần ký trước khi in; các nội dung này được lưu trên máy này.", "The report is made from the activities recorded. Edit the heading and the signature before printing; they are kept on this device.";
    ReportPeriod => page "Kỳ báo cáo", "Period";
    ReportHeadingFields => page "Thông tin văn bản", "Document details";
    ReportParentAgency => page "Cơ quan chủ quản", "Parent agency";
    ReportAgency => page "Cơ quan ban hành", "Issuing agency";
    ReportNumber => page "Số, ký hiệu", "Number";
    ReportPlace => page "Địa danh", "Place";
    ReportDate => page "Ngày ban hành (để trống: hôm nay)", "Date (empty: today)";
    ReportSummaryLine => page "Trích yếu (để trống: mặc định theo kỳ)", "Title (empty: the period's default)";
    ReportRecipients => page "Nơi nhận (mỗi dòng một nơi)", "Recipients (one a line)";
    ReportSignerPosition => page "Chức vụ người ký (mỗi dòng một dòng in)", "Signatory's position (one printed line each)";
    ReportSignerName => page "Họ tên người ký", "Signatory's name";
    ReportResetHeading => page "Khôi phục mặc định", "Restore the defaults";
    ReportPrint => page "In báo cáo", "Print the report";
    ReportDownloadXlsx => page "Tải bảng tính Excel (XLSX)", "Download the workbook (XLSX)";
    ReportDownloadCsv => page "Tải bảng CSV", "Download the table as CSV";
    ReportCsvTable => page "Bảng xuất CSV", "Table for CSV";
    ReportCsvHelp => page "Mỗi tệp CSV là một bảng; tệp XLSX gồm tất cả các bảng, mỗi bảng một trang tính.", "Each CSV file is one table; the XLSX file holds every table, one sheet each.";
    ReportPreparing => page "Đang tạo tệp…", "Making the file…";
    ReportFileFailed => page "Không tạo được tệp bảng tính. Hãy thử lại.", "The spreadsheet could not be made. Try again.";
    ReportNationalTitle => page "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM";
    ReportMotto => page "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness";
    ReportDocType => page "BÁO CÁO", "REPORT";
    ReportRecipientsLabel => page "Nơi nhận:", "Recipients:";
    ReportIntro => page "Sở Khoa học và Công nghệ báo cáo kết quả thực hiện Kế hoạch như sau:", "The Department of Science and Technology reports on the plan as follows:";
    ReportSectionIndicators => "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "I. INDICATORS AGAINST TARGETS";
    ReportSectionCharts => page "II. BIỂU ĐỒ", "II. CHARTS";
    ReportSectionEnterprises => "III. DOANH NGHIỆP ĐƯỢC HỖ TRỢ", "III. ENTERPRISES SUPPORTED";
    ReportSectionActivities => "IV. HOẠT ĐỘNG THEO NHIỆM VỤ CỦA KẾ HOẠCH", "IV. ACTIVITIES BY PLAN ITEM";
    ReportSectionBudget => "V. KINH PHÍ THỰC HIỆN", "V. BUDGET";
    ReportSheetIndicators => "Chỉ tiêu", "Indicators";
    ReportSheetEnterprises => "Doanh nghiệp được hỗ trợ", "Enterprises supported";
    ReportSheetActivities => "Hoạt động", "Activities";
    ReportSheetBudget => "Kinh phí", "Budget";
    ReportColNo => "STT", "No.";
    ReportColIndicator => "Chỉ tiêu", "Indicator";
    ReportColTarget => "Mục tiêu", "Target";
    ReportColActual => "Thực hiện", "Actual";
    ReportColAchieved => "Tỷ lệ đạt (%)", "Achieved (%)";
    ReportColAssessment => "Đánh giá", "Assessment";
    ReportColEnterprise => "Doanh nghiệp", "Enterprise";
    ReportColUnit => "Địa bàn", "Unit";
    ReportColSupports => "Nội dung hỗ trợ", "Support received";
    ReportColSupportCount => "Số lần hỗ trợ", "Supports";
    ReportColCertified => "Được chứng nhận", "Certified";
    ReportCertifiedYes => "Đã chứng nhận", "Certified";
    ReportCertifiedNo => "Chưa chứng nhận", "Not certified";
    ReportColDate => "Thời gian", "Date";
    ReportColKind => "Loại hoạt động", "Kind";
    ReportColActivity => "Tên hoạt động", "Activity";
    ReportColParticipants => "Số người", "People";
    ReportColOrganisations => "Số tổ chức, DN", "Organisations";
    ReportColBudget => "Kinh phí (đồng)", "Budget (VND)";
    ReportColFunding => "Nguồn kinh phí", "Source";
    ReportColPlanItem => "Mục", "Item";
    ReportColContent => "Nội dung", "Content";
    ReportColFundedActivities => "Số hoạt động có kinh phí", "Activities with a budget";
    ReportColTotal => "Tổng cộng", "Total";
    ReportFundingState => "Ngân sách nhà nước", "State budget";
    ReportFundingMobilised => "Kinh phí huy động", "Mobilised";
    ReportFundingNotStated => "Không ghi nguồn", "Source not stated";
    ReportOtherPlanItem => "Hoạt động khác", "Other activities";
    ReportNoRows => "Không có số liệu trong kỳ báo cáo.", "Nothing recorded in the period.";
    ReportPaceNoTarget => "Không giao chỉ tiêu", "No target";
    ReportPaceNotStarted => "Chưa đến kỳ", "Not started";
    ReportPaceAchieved => "Đạt", "Achieved";
    ReportPaceOnTrack => "Đúng tiến độ", "On track";
    ReportPaceBehind => "Chậm tiến độ", "Behind";
    ReportPaceMissed => "Không đạt", "Missed";
    ReportColUnitOfMeasure => "Đơn vị tính", "Unit";
    ReportColStretch => "Mức phấn đấu", "Stretch";
    ReportTargetAbout => "khoảng", "about";
    ReportChartProgress => "Kết quả thực hiện so với mục tiêu", "Results against targets";
    ReportChartExpected => "Tiến độ cần đạt đến nay", "Expected by now";
    ReportChartPercentOfTarget => "% so với mục tiêu", "% of target";
    ReportChartBudget => "Kinh phí theo nhiệm vụ và nguồn", "Budget by plan item and source";
    ReportChartMillionVnd => "Triệu đồng", "Million VND";
    // Activity log: the Activities page, the activity form, its history
    NewActivity => page "Thêm hoạt động", "Add an activity";
    EditActivityTitle => page "Hoạt động", "Activity";
    NewActivityTitle => page "Thêm hoạt động mới", "New activity";
    ActivityNotFound => page "Không tìm thấy hoạt động này. Có thể nó đã bị xóa.", "This activity was not found. It may have been deleted.";
    NoActivities => page "Chưa có hoạt động nào. Hãy bấm “Thêm hoạt động” để ghi hoạt động đầu tiên.", "No activities yet. Press “Add an activity” to record the first one.";
    NoActivitiesMatch => page "Không có hoạt động nào khớp với bộ lọc.", "No activity matches the filters.";
    SearchActivities => page "Tìm theo tên hoạt động, đơn vị tổ chức, doanh nghiệp", "Search titles, organisers, enterprises";
    FilterPlanItem => page "Nhiệm vụ của kế hoạch", "Plan item";
    FilterYear => page "Năm", "Year";
    SelectedRecordsOnly => page "Đang xem các hoạt động được chọn.", "Showing the selected activities only.";
    ShowAllActivities => page "Xem tất cả", "Show all";
    ColPlanItem => page "Nhiệm vụ", "Plan item";
    ColBudget => page "Kinh phí (đồng)", "Budget (VND)";
    FieldActivityTitle => "Tên hoạt động", "Title";
    FieldStartDate => "Ngày (bắt đầu)", "Date (start)";
    FieldEndDate => "Ngày kết thúc", "End date";
    FieldPlanItem => "Thuộc nhiệm vụ của kế hoạch", "Plan item it serves";
    FieldOrganiser => "Đơn vị tổ chức, thực hiện", "Organiser";
    FieldEnterprises => "Doanh nghiệp liên quan", "Enterprises concerned";
    FieldTopics => "Nội dung (hệ thống quản lý, công cụ cải tiến)", "Topics (systems, tools)";
    FieldParticipants => "Số người tham dự", "Participants";
    FieldOrganisations => "Số tổ chức, doanh nghiệp tham gia", "Organisations taking part";
    FieldExpertsQualified => "Số chuyên gia đạt yêu cầu", "Experts qualified";
    FieldExpertName => "Họ tên chuyên gia", "Expert's name";
    FieldExpertOrganisation => "Cơ quan, đơn vị công tác", "Expert's organisation";
    FieldExpertCertificate => "Số chứng chỉ chuyên gia", "Certificate number";
    FieldCertified => "Đã được chứng nhận", "Certified";
    FieldAwardResult => "Kết quả giải thưởng", "Award result";
    FieldReference => "Số hiệu, mã hoặc tên (tiêu chuẩn, chứng chỉ, quyết định)", "Reference (code, number, decision)";
    FieldBudget => "Kinh phí (đồng)", "Budget (VND)";
    FieldBudgetHint => page "Số đồng, có hoặc không có dấu chấm, ví dụ 150.000.000", "Whole đồng, with or without thousands marks, e.g. 150,000,000";
    FieldFunding => "Nguồn kinh phí", "Funding source";
    FundingStateBudget => "Ngân sách nhà nước", "State budget";
    FundingMobilised => "Kinh phí huy động", "Mobilised funds";
    KindRetired => page "Loại hoạt động này không còn dùng cho hoạt động mới; hoạt động đã ghi vẫn được giữ, sửa được và vẫn được tính.", "This kind is no longer offered for new activities; recorded ones are kept, stay editable and still count.";
    KindUnknown => page "Loại hoạt động này do phiên bản mới hơn của ứng dụng ghi; các thông tin riêng của nó được giữ nguyên.", "This kind was recorded by a newer version of the app; its own details are kept as they are.";
    PickEnterprisesHint => page "Gõ tên hoặc mã số thuế rồi chọn doanh nghiệp trong danh bạ", "Type a name or tax code, then choose the enterprise from the register";
    RemoveLinkedEnterprise => page "Bỏ", "Remove";
    NoLinkedEnterprise => page "Chưa chọn doanh nghiệp nào.", "No enterprise chosen.";
    ActivitySaved => page "Đã lưu hoạt động.", "Activity saved.";
    ActivityDeleted => page "Đã xóa hoạt động.", "Activity deleted.";
    ConfirmDeleteActivityTitle => page "Xóa hoạt động?", "Delete this activity?";
    ActivityChangedElsewhere => page "Hoạt động này vừa được sửa ở nơi khác nên chưa lưu. Trang đã mở bản mới nhất; những gì bạn nhập vẫn còn, hãy kiểm tra rồi lưu lại.", "This activity was just changed elsewhere, so nothing was saved. The latest version is open and what you entered is kept; check it and save again.";
    ActivityDeletedElsewhere => page "Hoạt động này đã bị xóa ở nơi khác. Lưu lại sẽ khôi phục nó với nội dung bạn nhập.", "This activity was deleted elsewhere. Saving again restores it with what you entered.";
    ActivityDeleteChanged => page "Hoạt động vừa được sửa hoặc xóa ở nơi khác nên chưa xóa. Hãy xem lại rồi xóa nếu vẫn muốn.", "This activity was just changed or deleted elsewhere, so it was not deleted. Check it, then delete again if you still want to.";
    ErrActivityDate => "Ngày không hợp lệ: hãy chọn một ngày có thật.", "Not a valid date: choose a real date.";
    ErrEndBeforeStart => "Ngày kết thúc không được trước ngày bắt đầu.", "The end date cannot be before the start date.";
    ErrAmountVnd => "Vui lòng nhập số tiền nguyên (đồng), ví dụ 150.000.000.", "Please enter a whole amount in đồng, e.g. 150,000,000.";
    // Spreadsheets (XLSX/CSV worker) and the enterprise list import
    SheetErrUnavailable => "Không tải được bộ đọc bảng tính. Hãy kết nối mạng rồi thử lại (sau lần đầu, ứng dụng dùng được khi không có mạng).", "The spreadsheet reader could not be loaded. Connect to the network and try again (after the first time it works offline).";
    SheetErrCrashed => "Bộ đọc bảng tính bị dừng khi đang xử lý tệp. Tệp có thể quá lớn; hãy thử lại hoặc chia nhỏ tệp.", "The spreadsheet reader stopped while working on the file. It may be too large; try again or split it.";
    SheetErrNotASpreadsheet => "Tệp này không phải bảng tính Excel (.xlsx) hoặc CSV. Hãy chọn tệp khác.", "This file is not an Excel workbook (.xlsx) or a CSV file. Choose another file.";
    SheetErrEncrypted => "Bảng tính có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu, lưu lại rồi nhập.", "The workbook is password-protected. Open it in Excel, remove the password, save it and import again.";
    SheetErrLegacyXls => "Đây là tệp Excel kiểu cũ (.xls). Hãy mở bằng Excel và lưu thành .xlsx rồi nhập.", "This is an old-format Excel file (.xls). Open it in Excel, save it as .xlsx and import again.";
    SheetErrEmpty => "Bảng tính không có dữ liệu.", "The spreadsheet holds no data.";
    SheetErrTooLarge => "Tệp quá lớn để nhập (tối đa 50 MB, 200.000 dòng, 512 cột).", "The file is too large to import (at most 50 MB, 200,000 rows, 512 columns).";
    SheetErrWriteFailed => "Không tạo được tệp Excel.", "The Excel file could not be made.";
    ImportEnterprisesLink => page "Nhập từ Excel/CSV", "Import from Excel/CSV";
    ImportEnterprisesTitle => page "Nhập danh sách doanh nghiệp từ Excel hoặc CSV", "Import an enterprise list from Excel or CSV";
    ImportEnterprisesIntro => page "Chọn tệp .xlsx hoặc .csv. Ứng dụng đọc trang tính đầu tiên, đoán cột nào là trường nào, kiểm tra từng dòng với danh bạ rồi cho xem kết quả. Chưa có gì được ghi cho đến khi bấm xác nhận.", "Choose an .xlsx or .csv file. The app reads the first sheet, guesses which column is which field, checks every row against the register and shows the result. Nothing is written until you confirm.";
    ImportPickFile => page "Chọn tệp bảng tính", "Choose a spreadsheet file";
    ImportReading => page "Đang đọc tệp…", "Reading the file…";
    ImportMappingTitle => page "Cột trong tệp và trường trong danh bạ", "File columns and register fields";
    ImportMappingHint => page "Kiểm tra hoặc đổi trường cho từng cột. Cột để “Không nhập” sẽ bị bỏ qua. Bắt buộc có cột tên doanh nghiệp.", "Check or change the field of each column. Columns left at “Not imported” are ignored. A column for the enterprise name is required.";
    ImportNotImported => page "— Không nhập —", "— Not imported —";
    ImportHeaderRow => page "Dòng tiêu đề", "Header row";
    ImportPreviewCaption => page "Xem trước các dòng đầu", "Preview of the first rows";
    ImportNeedsName => page "Hãy chọn cột chứa tên doanh nghiệp.", "Choose the column holding the enterprise name.";
    ImportCheck => page "Kiểm tra các dòng", "Check the rows";
    ImportSummaryTitle => page "Kết quả kiểm tra", "Check result";
    ImportTabInvalid => page "Không hợp lệ", "Invalid";
    ImportTabMatches => page "Trùng với doanh nghiệp đã có", "Match an existing enterprise";
    ImportTabNew => page "Mới", "New";
    ImportColRow => page "Dòng", "Row";
    ImportColDetails => page "Chi tiết", "Details";
    ImportMatchPolicy => page "Dòng trùng mã số thuế với doanh nghiệp đã có trong danh bạ sẽ được bỏ qua, không ghi đè.", "Rows with the tax code of an enterprise already in the register are skipped, never written over.";
    ImportFillEmpty => page "Bổ sung vào các trường còn trống của doanh nghiệp đã có (không sửa trường đã có dữ liệu)", "Fill in the existing enterprise's empty fields (fields already filled are never changed)";
    ImportInvalidSkipped => page "Dòng không hợp lệ sẽ không được nhập; hãy sửa trong tệp rồi nhập lại nếu cần.", "Invalid rows are not imported; fix them in the file and import again if needed.";
    ImportNothingToWrite => page "Không có doanh nghiệp nào để thêm hoặc bổ sung.", "There is no enterprise to add or fill in.";
    ImportWriting => page "Đang ghi…", "Writing…";
    ImportListStale => page "Danh bạ vừa thay đổi (có thể ở thẻ khác) nên chưa ghi gì. Đã kiểm tra lại, hãy xem và xác nhận lại.", "The register changed meanwhile (perhaps in another tab), so nothing was written. The rows were checked again: review and confirm again.";
    ImportAnother => page "Nhập tệp khác", "Import another file";
    ImportBackToRegister => page "Về danh bạ doanh nghiệp", "Back to the register";
    ImportNoRowsHere => page "Không có dòng nào ở mục này.", "No rows here.";
    ImportChangeMapping => page "Sửa cách ghép cột", "Change the column mapping";
    // Self-assessment: who uses the app, readiness, actions, the award, the department's list
    RoleQuestion => "Ai đang sử dụng ứng dụng này?", "Who is using this app?";
    WelcomeTitle => "Chào mừng! Cho biết bạn là ai", "Welcome! Tell us who you are";
    WelcomeHelp => "Tên của bạn được ghi vào mọi hồ sơ bạn tạo hoặc sửa, để khi gộp tệp của các huyện ai cũng biết ai đã làm gì. Đơn vị là nơi các doanh nghiệp mới bạn thêm thuộc về; có thể đổi từng hồ sơ. Sửa lại được trong Cài đặt.", "Your name goes into every record you create or change, so that when the districts' files are merged everyone knows who did what. Your unit is where the enterprises you add belong (each can be changed). Both can be changed in Settings.";
    WelcomeUnit => page "Đơn vị hành chính bạn phụ trách", "The administrative unit you work in";
    WelcomeStart => page "Bắt đầu", "Start";
    WelcomeLater => page "Để sau", "Later";
    DashboardEmptyTitle => "Chưa có dữ liệu trên máy này", "No records on this device yet";
    DashboardEmptyHelp => "Bắt đầu bằng một trong các cách dưới đây. Các chỉ tiêu, biểu đồ và số liệu sẽ hiện ở đây khi đã có hồ sơ.", "Start in one of the ways below. Indicators, charts and figures appear here once there are records.";
    AddFirstEnterprise => "Thêm doanh nghiệp đầu tiên", "Add your first enterprise";
    EmptyImportList => "Nhập danh sách doanh nghiệp từ tệp Excel", "Import a list of enterprises from Excel";
    EmptyImportSync => "Nhập tệp đồng bộ từ máy khác", "Import a sync file from another laptop";
    RoleHelp => "Cán bộ của Sở hoặc huyện theo dõi toàn bộ chương trình. Doanh nghiệp chỉ thấy hồ sơ và kết quả tự đánh giá của mình. Có thể đổi lại trong Cài đặt.", "Department and district officers follow the whole programme. An enterprise sees only its own profile and self-assessment results. You can change this in Settings.";
    RoleOfficer => "Tôi là cán bộ quản lý", "I am a programme officer";
    RoleEnterprise => "Tôi là doanh nghiệp", "I am an enterprise";
    RoleSettingTitle => "Người sử dụng", "Who uses this app";
    LiveResultTitle => page "Kết quả tạm tính", "Result so far";
    NavMyReadiness => "Tự đánh giá", "Self-assessment";
    NavProfile => "Hồ sơ doanh nghiệp", "Enterprise profile";
    MyReadinessTitle => page "Mức độ sẵn sàng của doanh nghiệp", "Your enterprise's readiness";
    MyResultsTitle => page "Kết quả", "Results";
    FillProfileFirst => page "Trước khi tự đánh giá, hãy điền hồ sơ doanh nghiệp: tên, mã số thuế và quy mô. Sở dùng mã số thuế để nhận biết doanh nghiệp khi nhận kết quả.", "Before assessing, fill in your enterprise's profile: name, tax code and size. The department recognises you by the tax code when it receives your result.";
    FillProfile => page "Điền hồ sơ doanh nghiệp", "Fill in the profile";
    EditProfile => page "Sửa hồ sơ", "Edit the profile";
    ModulesTitle => page "Chọn nội dung tự đánh giá", "Choose what to assess";
    ModulesHelp => page "Mỗi nội dung là một hệ thống quản lý hoặc công cụ cải tiến. Bài đang làm dở được lưu tự động; có thể quay lại bất cứ lúc nào.", "Each module is a management system or an improvement tool. A draft is saved as you go; come back to it at any time.";
    StartAssessment => page "Bắt đầu", "Start";
    ContinueAssessment => page "Làm tiếp", "Continue";
    AssessAgain => page "Đánh giá lại", "Assess again";
    ReadinessRadarTitle => page "Mức độ sẵn sàng theo nội dung", "Readiness by module";
    ReadinessOverTime => page "Mức độ sẵn sàng qua các lần đánh giá", "Readiness over time";
    NoAssessmentYet => page "Chưa có kết quả đánh giá", "No assessment yet";
    LatestAssessment => page "Lần đánh giá gần nhất", "Latest assessment";
    PreviousAssessment => page "Lần trước", "The one before";
    BandReadyLine => page "Ngưỡng sẵn sàng 70%", "Ready from 70%";
    BandNotReady => "Chưa sẵn sàng", "Not ready";
    BandPreparing => "Đang chuẩn bị", "Preparing";
    BandReady => "Sẵn sàng áp dụng/chứng nhận", "Ready to apply or certify";
    PercentPoints => page "điểm %", "points";
    FirstAssessment => page "Lần đầu", "First assessment";
    ColModule => page "Nội dung", "Module";
    ColBand => page "Mức", "Band";
    ColChangeSinceLast => page "Thay đổi so với lần trước", "Change since last";
    ActionPlanTitle => page "Kế hoạch hành động", "Action plan";
    NoActions => page "Chưa có việc cần làm: hãy tự đánh giá ít nhất một nội dung.", "Nothing to do yet: assess at least one module.";
    FirstStep => page "Bước đầu tiên", "First step";
    SupportThatFits => page "Hỗ trợ phù hợp của chương trình", "Programme support that fits";
    WaitsFor => page "Nên làm sau khi có:", "Do this after:";
    ActionOwner => page "Người phụ trách", "Owner";
    ActionDue => page "Hạn hoàn thành", "Due";
    ActionDone => page "Đã xong", "Done";
    Overdue => page "Quá hạn", "Overdue";
    ActionNotSaved => page "Chưa lưu được: kết quả này vừa được sửa ở nơi khác. Hãy thử lại.", "Not saved: this result was just changed elsewhere. Try again.";
    AwardTitle => page "Tự đánh giá sơ bộ Giải thưởng Chất lượng Quốc gia", "National Quality Award pre-check";
    Points => "điểm", "points";
    ColPoints => page "Điểm tối đa", "Points";
    AwardCriterion => page "Tiêu chí", "Criterion";
    AwardScore => page "Điểm ước tính", "Estimated score";
    AwardIncomplete => page "Chưa đủ thông tin: hãy chọn mức cho mọi tiêu chí và nhập số tháng hoạt động.", "Not enough to say: place every criterion and give the months of operation.";
    AwardWorkOn => page "Nên tập trung cải thiện", "Work on first";
    ExportResult => page "Xuất tệp kết quả gửi Sở", "Export the result file for the department";
    ExportResultHelp => page "Tệp gồm hồ sơ doanh nghiệp và các lần tự đánh giá. Sở nhập tệp và ghi kết quả vào đúng doanh nghiệp theo mã số thuế.", "The file holds your profile and your self-assessments. The department imports it and files the result under your enterprise by its tax code.";
    PrintResult => page "In kết quả", "Print the result";
    ReportTitle => page "Kết quả tự đánh giá mức độ sẵn sàng", "Self-assessment result: readiness";
    PrintedOn => page "In ngày", "Printed on";
    OfficerAssessmentsHelp => page "Kết quả tự đánh giá của doanh nghiệp: nhập tệp kết quả doanh nghiệp gửi ở trang Đồng bộ.", "Enterprises' self-assessment results: import the result files enterprises send on the Sync page.";
    ImportResultFile => page "Nhập tệp kết quả", "Import a result file";
    AllAssessments => page "Tất cả lượt đánh giá", "All assessments";
    ShortlistTitle => page "Danh sách đề xuất hỗ trợ", "Shortlist for support";
    ShortlistHelp => page "Xếp theo mức sẵn sàng và nhu cầu: trước hết doanh nghiệp đang chuẩn bị (40–69%), hỗ trợ dễ giúp đạt yêu cầu nhất; tiếp theo doanh nghiệp đã sẵn sàng (cần hỗ trợ chứng nhận); sau cùng doanh nghiệp chưa sẵn sàng (cần làm nền tảng trước). Kế hoạch đặt mục tiêu hỗ trợ ít nhất 15 doanh nghiệp mỗi giai đoạn.", "Ranked by readiness and need: first enterprises preparing (40–69%), whom support most easily carries over the line; then ready ones (who need help to certify); then those not ready (who need the basics first). The plan aims to support at least 15 enterprises a term.";
    ColWeakestModule => page "Nội dung yếu nhất", "Weakest module";
    ColModules => page "Các nội dung đã đánh giá", "Modules assessed";
    All => "Tất cả", "All";
    Open => "Mở", "Open";
    // File sync
    SyncTitle => page "Đồng bộ dữ liệu", "Sync data";
    SyncIntro => page "Dữ liệu chuyển giữa các máy bằng tệp: xuất tệp rồi gửi qua USB, thư điện tử hoặc Zalo; máy nhận chọn tệp để nhập. Không có gì được ghi trước khi bạn xem trước và xác nhận.", "Records move between computers as files: export a file and send it by USB stick, e-mail or Zalo; the receiving computer imports it. Nothing is written until you have seen the preview and confirmed.";
    SyncExportTitle => page "Xuất tệp", "Export a file";
    ScopeEverything => page "Toàn bộ dữ liệu (bản sao lưu đầy đủ)", "Everything (a full backup)";
    ScopeSince => page "Chỉ những thay đổi kể từ lần gửi trước cho người nhận này", "Only what changed since the last file to this recipient";
    Recipient => page "Người nhận", "Recipient";
    RecipientHint => page "Ví dụ: Sở KHCN Đồng Tháp", "For example: Đồng Tháp Department of Science and Technology";
    NeverSentBefore => page "Chưa từng gửi cho người nhận này: tệp sẽ gồm mọi dữ liệu.", "Nothing was ever sent to this recipient: the file will hold everything.";
    RecordKinds => page "Loại hồ sơ", "Record kinds";
    AllUnits => page "Tất cả đơn vị (toàn tỉnh)", "All units (the whole province)";
    ChangedFrom => page "Thay đổi từ ngày", "Changed from";
    ChangedTo => page "Đến ngày", "Until";
    CompressFile => page "Nén tệp (.json.gz), nhỏ hơn khoảng mười lần, vừa tệp đính kèm thư", "Compress the file (.json.gz): about ten times smaller, fits an e-mail attachment";
    Passphrase => page "Mật khẩu bảo vệ tệp (không bắt buộc)", "Passphrase to protect the file (optional)";
    PassphraseRepeat => page "Nhập lại mật khẩu", "Repeat the passphrase";
    PassphraseHint => page "Tệp có mật khẩu được mã hóa AES-256. Hãy báo mật khẩu cho người nhận qua kênh khác (gọi điện), không gửi kèm tệp. Quên mật khẩu thì không mở được tệp.", "A file with a passphrase is encrypted (AES-256). Tell the recipient the passphrase another way (a phone call), never with the file. Without it the file cannot be opened.";
    PassphraseMismatch => page "Hai lần nhập mật khẩu không khớp.", "The two passphrases differ.";
    PassphraseTooShort => page "Mật khẩu cần ít nhất 8 ký tự.", "The passphrase needs at least 8 characters.";
    NoKindChosen => page "Hãy chọn ít nhất một loại hồ sơ.", "Choose at least one kind of record.";
    ExportFileButton => page "Xuất tệp", "Export the file";
    Exporting => page "Đang tạo tệp…", "Making the file…";
    SyncImportTitle => page "Nhập tệp", "Import files";
    SyncImportHelp => page "Chọn một hoặc nhiều tệp (.json, .json.gz, .json.gz.enc), ví dụ tệp của mọi huyện cùng lúc. Tệp được kiểm tra và xem trước; dữ liệu chỉ được ghi khi bạn bấm Nhập.", "Choose one or more files (.json, .json.gz, .json.gz.enc), for example every district's file at once. They are checked and previewed; nothing is written until you press Import.";
    ChooseFiles => page "Chọn tệp để nhập", "Choose files to import";
    ReadingFiles => page "Đang đọc và kiểm tra tệp…", "Reading and checking the files…";
    OpenEncrypted => page "Mở tệp bằng mật khẩu này", "Open the files with this passphrase";
    ColFile => page "Tệp", "File";
    VerdictNothingNew => page "Máy này đã có mọi dữ liệu trong tệp.", "This computer already holds everything in this file.";
    PreviewTitle => page "Xem trước thay đổi", "Preview of the changes";
    PreviewHelp => page "Bấm vào một loại hồ sơ để xem từng bản ghi và từng trường thay đổi.", "Open a kind to see each record and each field that changes.";
    ColKind => page "Loại hồ sơ", "Kind";
    EffectNew => page "Mới", "New";
    EffectUpdated => page "Cập nhật", "Updated";
    EffectConflict => page "Xung đột", "Conflicts";
    EffectDeleted => page "Xóa", "Deleted";
    EffectUnchanged => page "Không đổi", "Unchanged";
    PreviewNothing => page "Các tệp không có gì mới với máy này, nên không có gì để nhập.", "The files hold nothing new for this computer, so there is nothing to import.";
    ApplyImport => page "Nhập vào máy này", "Import into this computer";
    Importing => page "Đang ghi…", "Writing…";
    ImportStale => page "Dữ liệu trên máy vừa thay đổi (ở một thẻ khác?). Bản xem trước đã được làm lại: hãy xem lại rồi bấm Nhập.", "The data on this computer changed meanwhile (in another tab?). The preview has been made again: check it, then press Import.";
    UndoImport => page "Hoàn tác lần nhập gần nhất", "Undo the last import";
    UndoImportTitle => page "Hoàn tác lần nhập gần nhất?", "Undo the last import?";
    UndoImportBody => page "Dữ liệu sẽ trở lại đúng như trước lần nhập đó. Các tệp đã nhập vẫn có thể nhập lại sau.", "The data goes back exactly as it was before that import. The files can be imported again later.";
    Undone => "Đã hoàn tác lần nhập gần nhất.", "The last import was undone.";
    UndoChanged => page "Không thể hoàn tác: hồ sơ do lần nhập đó ghi đã được sửa sau đó, hoàn tác sẽ làm mất các sửa đổi ấy.", "Cannot undo: records that import wrote were edited since, and undoing would lose those edits.";
    UndoNothing => page "Không có lần nhập nào để hoàn tác.", "There is no import to undo.";
    UndoSyncedSince => page "Không thể hoàn tác: trong lúc đó đã có một thao tác đồng bộ khác (nhập, xuất hoặc hoàn tác, có thể ở một thẻ khác). Hãy xem lại dữ liệu rồi thử lại: lần nhập gần nhất có thể đã là một lần khác.", "Cannot undo: another sync action (an import, export or undo, perhaps in another tab) was made meanwhile. Check the data, then try again: the last import may now be a different one.";
    ConflictsTitle => page "Xung đột cần xử lý", "Conflicts to resolve";
    ConflictsHelp => page "Hai máy đã sửa cùng một hồ sơ mà không thấy bản của nhau. Bản mới hơn đang được hiển thị; bản kia được giữ ở đây, không mất. Hãy giữ một bản, hoặc chọn từng trường rồi bấm Giữ các trường đã chọn.", "Two computers edited the same record without seeing each other's version. The later one is shown; the other is kept here, not lost. Keep one version, or pick field by field and press Keep the fields picked.";
    NoConflicts => page "Không có xung đột nào.", "No conflicts.";
    VersionShown => page "Đang hiển thị", "Shown now";
    VersionDeleted => page "bản xóa", "a deletion";
    KeepVersion => page "Giữ bản này", "Keep this version";
    KeepPicked => page "Giữ các trường đã chọn", "Keep the fields picked";
    ConflictResolved => page "Đã xử lý xung đột. Kết quả sẽ đi theo tệp xuất lần sau.", "Conflict resolved. The result travels in the next file you export.";
    ConflictStale => page "Hồ sơ vừa thay đổi; danh sách xung đột đã được đọc lại.", "The record changed meanwhile; the conflicts list was read again.";
    ColField => page "Trường", "Field";
    AuditTitle => page "Nhật ký xuất, nhập", "Log of exports and imports";
    AuditEmpty => page "Chưa có lần xuất hay nhập nào.", "No export or import yet.";
    ColWhen => page "Thời điểm", "When";
    ColAction => page "Việc", "Action";
    ColWho => page "Người thực hiện", "Who";
    ColChanges => page "Thay đổi", "Changes";
    ActionExport => page "Xuất tệp", "Export";
    ActionImport => page "Nhập tệp", "Import";
    ActionUndo => page "Hoàn tác nhập", "Undo of an import";
    AuditTakenBack => page "Đã hoàn tác", "Undone";
    ActionResolve => page "Xử lý xung đột", "Conflict resolved";
    ConflictsInNav => "xung đột cần xử lý", "conflicts to resolve";
    RecordInConflict => "Hồ sơ này có phiên bản khác từ máy khác đang chờ xử lý xung đột, nên chưa lưu. Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước (những gì bạn nhập vẫn còn đây).", "This record has another computer's version waiting in the conflicts list, so nothing was saved. Resolve the conflict on the Sync page first (what you typed is still here).";
    EditInConflict => page "Doanh nghiệp này có phiên bản khác từ máy khác đang chờ xử lý xung đột, nên chưa lưu. Hãy xử lý xung đột ở trang Đồng bộ dữ liệu trước (những gì bạn nhập vẫn còn đây).", "This enterprise has another computer's version waiting in the conflicts list, so nothing was saved. Resolve the conflict on the Sync page first (what you typed is still here).";
    DuplicatesTitle => page "Có thể trùng doanh nghiệp", "Likely duplicate enterprises";
    DuplicatesHelp => page "Các doanh nghiệp dưới đây có cùng mã số thuế, có lẽ được đăng ký ở hai máy. Hãy giữ một hồ sơ (có thể chọn từng trường); hồ sơ kia được gộp vào, và khảo sát, tự đánh giá, hoạt động của nó đi theo.", "These enterprises share a tax code: probably registered on two computers. Keep one record (picking fields if you like); the other is merged into it, and its surveys, self-assessments and activities follow.";
    KeepThisEnterprise => page "Giữ hồ sơ này, gộp hồ sơ kia vào", "Keep this record, merge the other into it";
    EnterprisesMerged => page "Đã gộp doanh nghiệp. Việc gộp sẽ đi theo tệp xuất lần sau.", "Enterprises merged. The merge travels in the next file you export.";
    ActionMerge => page "Gộp doanh nghiệp", "Enterprises merged";
    // Surveys
    BackToSurveys => page "← Danh sách khảo sát", "← Survey list";
    SurveysTitle => page "Khảo sát, chẩn đoán doanh nghiệp", "Enterprise surveys";
    NewSurvey => page "Khảo sát mới", "New survey";
    PickEnterprise => page "Chọn doanh nghiệp được khảo sát", "Choose the enterprise to survey";
    SearchEnterprise => page "Tìm theo tên, mã số thuế hoặc địa chỉ", "Search by name, tax code or address";
    EnterpriseNotListed => page "Doanh nghiệp chưa có trong danh sách? Thêm doanh nghiệp rồi khảo sát", "Not in the register? Add the enterprise, then survey it";
    StartSurvey => page "Khảo sát doanh nghiệp này", "Survey this enterprise";
    StatusDraft => "Bản nháp", "Draft";
    StatusComplete => "Hoàn thành", "Complete";
    FilterStatus => page "Trạng thái", "Status";
    FilterOfficer => page "Cán bộ khảo sát", "Officer";
    FilterFrom => page "Từ ngày", "From";
    FilterTo => page "Đến ngày", "To";
    ColEnterprise => page "Doanh nghiệp", "Enterprise";
    ColSurveyDate => page "Ngày khảo sát", "Survey date";
    SurveyDateIsStart => page "(ngày bắt đầu phiếu)", "(day started)";
    ColStatus => page "Trạng thái", "Status";
    ColProgress => page "Đã trả lời", "Answered";
    ColOfficer => page "Cán bộ", "Officer";
    NoSurveys => page "Chưa có phiếu khảo sát nào. Mở trang một doanh nghiệp và bấm \"Khảo sát doanh nghiệp này\", hoặc bấm \"Khảo sát mới\".", "No surveys yet. Open an enterprise and press \"Survey this enterprise\", or press \"New survey\".";
    NoSurveysMatch => page "Không có phiếu nào khớp bộ lọc.", "No survey matches these filters.";
    SurveysOfEnterprise => page "Các lần khảo sát", "Surveys";
    NoSurveysOfEnterprise => page "Doanh nghiệp này chưa được khảo sát.", "This enterprise has not been surveyed yet.";
    // Self-assessments and programme activities on an enterprise's page
    AssessmentsOfEnterprise => page "Tự đánh giá của doanh nghiệp", "Self-assessments";
    NoAssessmentsOfEnterprise => page "Doanh nghiệp chưa gửi bản tự đánh giá nào.", "The enterprise has not sent a self-assessment yet.";
    NoAssessments => page "Chưa có bản tự đánh giá nào. Doanh nghiệp gửi tệp kết quả tự đánh giá; bấm “Nhập tệp kết quả” để nhận.", "No self-assessments yet. Enterprises send their result files; press “Import a result file” to take one in.";
    NoAssessmentsMatch => page "Không có bản tự đánh giá nào khớp với bộ lọc.", "No self-assessment matches the filters.";
    ColAssessmentDate => page "Ngày đánh giá", "Date";
    ColQuestionnaire => page "Bộ câu hỏi", "Questionnaire";
    ColReadiness => page "Mức sẵn sàng", "Readiness";
    // A self-assessment open in the editor
    BackToAssessments => page "← Tự đánh giá", "← Self-assessment";
    AssessmentNotFound => page "Không tìm thấy bản tự đánh giá này.", "This self-assessment does not exist.";
    AssessmentFormMissing => page "Thiết bị này chưa có phiên bản bộ câu hỏi mà bản tự đánh giá này dùng. Hãy cài tệp định nghĩa bộ câu hỏi trong Cài đặt; các câu trả lời vẫn được giữ nguyên.", "This device does not have the questionnaire version this self-assessment uses. Install the questionnaire's definition file in Settings; the answers are kept as they are.";
    FinishAssessment => page "Hoàn thành đánh giá", "Finish the assessment";
    AssessmentFinished => page "Bản tự đánh giá đã hoàn thành và được lưu.", "The self-assessment is finished and saved.";
    AssessmentReadOnly => page "Bản tự đánh giá đã hoàn thành. Bấm \"Sửa bản đánh giá\" để chỉnh sửa; phiên bản đã hoàn thành được giữ trong lịch sử.", "This self-assessment is finished. Press \"Edit the assessment\" to change it; the finished version is kept in the history.";
    EditAssessment => page "Sửa bản đánh giá", "Edit the assessment";
    ConflictAssessmentTitle => page "Bản tự đánh giá này vừa được lưu ở nơi khác (thẻ khác hoặc tệp nhập vào).", "This self-assessment was just saved elsewhere (another tab, or an imported file).";
    AssessmentHistory => page "Lịch sử bản tự đánh giá", "Self-assessment history";
    ActivitiesOfEnterprise => page "Hoạt động hỗ trợ liên quan", "Support activities";
    NoActivitiesOfEnterprise => page "Chưa có hoạt động hỗ trợ nào liên quan đến doanh nghiệp này.", "No support activity concerns this enterprise yet.";
    ColActivityDate => page "Ngày bắt đầu", "Start";
    ColActivityType => "Loại hoạt động", "Kind";
    ColActivityTitle => page "Nội dung", "What";
    ColResult => page "Kết quả", "Result";
    AwardGold => "Giải Vàng", "Gold award";
    AwardWon => "Đạt Giải thưởng", "Award";
    AwardNotAwarded => "Không đạt giải", "Not awarded";
    AwardPending => "Chờ kết quả", "Awaiting the result";
    SurveyNotFound => page "Không tìm thấy phiếu khảo sát này.", "This survey does not exist.";
    UnknownEnterprise => page "(doanh nghiệp không còn trong danh sách)", "(enterprise no longer in the register)";
    FormsUnavailable => "Chưa tải được các bộ câu hỏi và phiếu khảo sát đi kèm ứng dụng (có thể máy chưa từng mở ứng dụng khi có mạng). Hãy kết nối mạng rồi tải lại trang; dữ liệu đã lưu không bị ảnh hưởng.", "The questionnaires and survey forms that come with the app could not be loaded (this laptop may never have opened the app online). Connect to the network and reload the page; stored data is not affected.";
    ListsUnavailable => "Chưa tải được phần đọc danh sách phiếu khảo sát, phiếu tự đánh giá, hoạt động và chỉ tiêu (có thể máy mất mạng khi mở ứng dụng lần đầu), nên các trang đó và số đếm trên trang chủ chưa có. Hãy kết nối mạng rồi tải lại trang; dữ liệu đã lưu không bị ảnh hưởng.", "The code that reads the lists of surveys, self-assessments, activities and targets could not be loaded (this laptop may have gone offline during its first visit), so those pages and the home page's counts are not there yet. Connect to the network and reload the page; stored data is not affected.";
    FormMissing => page "Thiết bị này chưa có phiên bản định nghĩa phiếu mà bản khảo sát này dùng. Hãy cài tệp định nghĩa phiếu trong Cài đặt; các câu trả lời vẫn được giữ nguyên.", "This device does not have the form version this survey uses. Install the form definition file in Settings; the answers are kept as they are.";
    SavingDraft => page "Đang lưu nháp…", "Saving the draft…";
    MarkComplete => page "Đánh dấu hoàn thành", "Mark complete";
    GoToFirstMissing => page "Đến chỗ cần sửa đầu tiên", "Go to the first problem";
    SurveyCompleted => page "Phiếu khảo sát đã hoàn thành và được lưu.", "The survey is complete and saved.";
    SurveyCannotComplete => page "Chưa thể hoàn thành: còn câu bắt buộc chưa trả lời hoặc câu trả lời chưa hợp lệ. Bản nháp vẫn được lưu.", "Not complete yet: some required questions are unanswered or some answers break a rule. The draft is still saved.";
    EditSurvey => page "Sửa phiếu", "Edit survey";
    CompleteReadOnly => page "Phiếu đã hoàn thành. Bấm \"Sửa phiếu\" để chỉnh sửa; phiên bản hoàn thành được giữ trong lịch sử.", "This survey is complete. Press \"Edit survey\" to change it; the completed version is kept in the history.";
    PrevSection => page "← Phần trước", "← Previous section";
    NextSection => page "Phần tiếp theo →", "Next section →";
    Sections => "Các phần của phiếu", "Form sections";
    IssueRequired => "Câu này bắt buộc trả lời.", "This question is required.";
    IssueNotANumber => "Hãy nhập một số, ví dụ 1.250,5.", "Enter a number, for example 1,250.5.";
    IssueNotAWholeNumber => "Hãy nhập một số nguyên.", "Enter a whole number.";
    IssueNotADate => "Ngày không hợp lệ.", "This is not a valid date.";
    IssueUnknownChoice => "Lựa chọn này không có trong danh sách.", "This choice is not in the list.";
    AnswerYes => "Có", "Yes";
    AnswerNo => "Không", "No";
    ClearAnswer => page "Xóa câu trả lời", "Clear answer";
    AddRow => page "Thêm dòng", "Add a row";
    RemoveRow => page "Xóa dòng này", "Remove this row";
    NoRows => page "Chưa có dòng nào.", "No rows yet.";
    Ranked => page "Thứ tự ưu tiên (1 là quan trọng nhất)", "Order of priority (1 is the most important)";
    NotRanked => page "Chưa xếp hạng — bấm để thêm", "Not ranked — press to add";
    MoveUp => page "Lên", "Up";
    MoveDown => page "Xuống", "Down";
    RemoveFromRanking => page "Bỏ", "Remove";
    NothingRanked => page "Chưa chọn mục nào.", "Nothing ranked yet.";
    OrphansTitle => page "Câu trả lời từ phiên bản phiếu cũ không còn phù hợp", "Answers from an earlier form version that no longer fit";
    OrphansHelp => page "Các câu trả lời này được giữ lại, không bị xóa. Hãy nhập lại vào câu hỏi tương ứng của phiếu mới nếu cần.", "These answers are kept, not deleted. Enter them again in the matching question of the new form if they are still needed.";
    SurveyHistory => page "Lịch sử phiếu", "Survey history";
    ConflictSurveyTitle => page "Phiếu này vừa được lưu ở nơi khác (thẻ khác hoặc tệp nhập vào).", "This survey was just saved elsewhere (another tab, or an imported file).";
    ConflictSurveyHelp => page "Hai bên cùng sửa các câu dưới đây. Chọn giữ câu trả lời nào; các câu khác của cả hai bên đều được giữ. Chưa có gì bị ghi đè.", "Both sides changed the questions below. Choose which answers to keep; every other change of both sides is kept. Nothing has been written over.";
    KeepMine => page "Giữ câu trả lời của tôi", "Keep my answers";
    LoadTheirs => page "Dùng câu trả lời vừa lưu", "Use the saved answers";
    SurveyMergedTitle => page "Phiếu này vừa được lưu ở nơi khác.", "This survey was just saved elsewhere.";
    SurveyMergedHelp => page "Hai bên sửa các câu khác nhau nên đã gộp cả hai; không mất câu trả lời nào.", "The two sides changed different questions, so both were kept; no answer was lost.";
    FileUnreadable => page "Không đọc được tệp này. Hãy chọn lại tệp.", "This file could not be read. Choose the file again.";
    FormsTitle => page "Định nghĩa phiếu", "Form definitions";
    FormsHelp => page "Phiếu khảo sát là dữ liệu: khi có phiếu năm mới, cài tệp định nghĩa (.json) tại đây. Các phiếu đã điền theo phiên bản cũ vẫn mở được.", "Survey forms are data: when next year's form arrives, install its definition file (.json) here. Surveys filled on earlier versions still open.";
    InstallForm => page "Cài định nghĩa phiếu từ tệp…", "Install a form definition file…";
    FormInvalid => page "Tệp định nghĩa phiếu có lỗi nên chưa được cài. Không có gì thay đổi. Chi tiết:", "The form definition file has errors, so it was not installed. Nothing changed. Details:";
    FormSourceShipped => page "Có sẵn trong ứng dụng", "Built into the app";
    FormSourceInstalled => page "Cài từ tệp", "Installed from a file";
    ColFormId => page "Mã phiếu", "Form id";
    ColVersion => page "Phiên bản", "Version";
    ColTitle => page "Tên phiếu", "Title";
    ColSource => page "Nguồn", "Source";
    ColQuestions => page "Số câu hỏi", "Questions";
    ColPurpose => page "Dùng cho", "Used for";
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
    BySize => page "Theo quy mô", "By size";
    ByUnit => page "Theo đơn vị hành chính", "By administrative unit";
    NoUnit => page "Chưa chọn đơn vị", "No unit chosen";

    // Enterprise list
    EnterprisesTitle => page "Danh bạ doanh nghiệp", "Enterprise register";
    AddEnterprise => page "Thêm doanh nghiệp", "Add enterprise";
    SearchLabel => page "Tìm kiếm", "Search";
    SearchPlaceholder => page "Tên, mã số thuế, địa chỉ, liên hệ…", "Name, tax code, address, contact…";
    FilterAll => page "Tất cả", "All";
    FilterUnit => page "Đơn vị hành chính", "Administrative unit";
    FilterSector => page "Ngành (VSIC)", "Sector (VSIC)";
    FilterSize => page "Quy mô", "Size";
    FilterProduct => page "Sản phẩm chủ lực", "Key product";
    ClearFilters => page "Xóa bộ lọc", "Clear filters";
    SortBy => page "Sắp xếp theo", "Sort by";
    SortAscending => page "Tăng dần", "Ascending";
    SortDescending => page "Giảm dần", "Descending";
    ColName => "Tên doanh nghiệp", "Enterprise name";
    ColTaxCode => "Mã số thuế", "Tax code";
    ColUnit => page "Đơn vị hành chính", "Administrative unit";
    ColSector => page "Ngành", "Sector";
    ColSize => "Quy mô", "Size";
    ColEmployees => "Lao động", "Employees";
    ColUpdated => "Cập nhật", "Updated";
    NoResults => page "Không có doanh nghiệp nào phù hợp với tìm kiếm và bộ lọc.", "No enterprise matches the search and filters.";
    EmptyRegister => page "Danh bạ chưa có doanh nghiệp nào. Bấm “Thêm doanh nghiệp” để bắt đầu.", "The register is empty. Press “Add enterprise” to start.";
    PrevPage => page "Trang trước", "Previous page";
    NextPage => page "Trang sau", "Next page";
    Pagination => page "Phân trang", "Pagination";

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
    FormNewTitle => page "Thêm doanh nghiệp", "Add an enterprise";
    FormEditTitle => page "Sửa thông tin doanh nghiệp", "Edit enterprise";
    SectionGeneral => page "Thông tin chung", "General information";
    SectionScale => page "Quy mô", "Size";
    SectionProducts => page "Sản phẩm chủ lực", "Key products";
    SectionContact => page "Liên hệ và ghi chú", "Contact and notes";
    FieldName => "Tên doanh nghiệp", "Enterprise name";
    FieldTaxCode => "Mã số thuế", "Tax code";
    FieldTaxCodeHint => page "10 chữ số; đơn vị phụ thuộc thêm -001 đến -999.", "10 digits; a branch adds -001 to -999.";
    FieldAddress => "Địa chỉ", "Address";
    FieldUnit => "Đơn vị hành chính", "Administrative unit";
    FieldVsic => "Ngành kinh tế (VSIC cấp 1)", "Economic sector (VSIC level 1)";
    SectorVsicShort => "VSIC", "VSIC";
    FieldOwnership => "Loại hình sở hữu", "Ownership type";
    FieldEmployees => "Số lao động tham gia BHXH", "Employees with social insurance";
    FieldRevenue => "Doanh thu năm (tỷ đồng)", "Annual revenue (billion VND)";
    FieldCapital => "Tổng nguồn vốn (tỷ đồng)", "Total capital (billion VND)";
    AmountHint => page "Dùng dấu phẩy cho phần thập phân, ví dụ 2,5.", "Use a comma or a point for decimals, e.g. 2.5.";
    FieldProducts => "Sản phẩm chủ lực", "Key products";
    FieldOcopStars => "Hạng sao OCOP", "OCOP star rating";
    FieldOtherProducts => "Sản phẩm khác là gì?", "Which other products?";
    FieldContactName => "Người liên hệ", "Contact person";
    FieldPhone => "Số điện thoại", "Phone";
    FieldEmail => "Email", "Email";
    FieldNotes => "Ghi chú", "Notes";
    ComputedSize => page "Quy mô theo Nghị định 80/2021/NĐ-CP", "Size under Decree 80/2021/NĐ-CP";
    SizeNeedsData => page "Cần ngành, số lao động và doanh thu hoặc nguồn vốn.", "Needs the sector, employees, and revenue or capital.";
    ChooseOption => page "— Chọn —", "— Choose —";
    RequiredMark => page "bắt buộc", "required";
    Save => page "Lưu", "Save";
    Saving => "Đang lưu…", "Saving…";
    Cancel => page "Hủy", "Cancel";
    Saved => "Đã lưu doanh nghiệp.", "Enterprise saved.";
    NotSavedAfterLeaving => "Thay đổi bạn bấm lưu trước khi rời trang chưa được lưu.", "The change you saved just before leaving the page was not saved.";
    LeftDeletedElsewhere => "Bản ghi vừa bị xóa ở nơi khác (thẻ khác hoặc tệp nhập vào).", "The record was just deleted elsewhere (another tab, or an imported file).";
    NotDeletedAfterLeaving => "Bản ghi bạn bấm xóa trước khi rời trang chưa bị xóa.", "The record you chose to delete just before leaving the page was not deleted.";
    LeftChangedElsewhere => "Bản ghi vừa được sửa ở nơi khác, hoặc đang chờ xử lý xung đột.", "The record was just changed elsewhere, or waits in the conflicts list.";
    LeftStorageFull => "Bộ nhớ của trình duyệt đã đầy.", "The browser's storage is full.";
    LeftStorageFailed => "Trình duyệt không ghi được dữ liệu.", "The browser could not write the data.";
    RetiredSuffix => "(đã ngừng sử dụng)", "(retired)";
    FormHasErrors => page "Chưa lưu: vui lòng sửa các ô được đánh dấu.", "Not saved: please correct the highlighted fields.";
    OpenExisting => page "Mở doanh nghiệp đó", "Open that enterprise";

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
    ErrTaxCheckDigit => "Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp với 9 chữ số đầu. Hãy đối chiếu với giấy chứng nhận đăng ký doanh nghiệp.", "Wrong tax code: the check digit (10th digit) does not match the first nine. Check it against the business registration certificate.";
    ErrNumberGrouping => "Dấu phân cách không đúng chỗ: nhóm hàng nghìn phải đủ 3 chữ số (ví dụ 1.234.567 hoặc 2,5). Hãy kiểm tra lại số này.", "Misplaced separators: thousands groups have exactly 3 digits (e.g. 1,234,567 or 2.5). Check this number.";
    AmountUnit => page "tỷ đồng", "billion VND";
    ErrWholeNumber => "Vui lòng nhập số nguyên không âm, ví dụ 25.", "Please enter a whole number of zero or more, e.g. 25.";
    ErrTooLarge => "Số quá lớn.", "The number is too large.";
    ErrEmail => "Địa chỉ email không hợp lệ, ví dụ ten@congty.vn.", "Invalid email address, e.g. name@company.vn.";
    ErrPhone => "Số điện thoại không hợp lệ: di động có 10 chữ số (0913 456 789), cố định có 11 chữ số (0277 3851 234); dấu cách và dấu chấm được chấp nhận.", "Invalid phone number: a mobile has 10 digits (0913 456 789), a landline 11 (0277 3851 234); spaces and dots are fine.";
    ErrOcopStars => "Hạng sao OCOP từ 1 đến 5.", "OCOP stars are 1 to 5.";
    ErrUnknownOption => "Giá trị này không có trong danh sách.", "This value is not in the list.";
    WarnNoTaxCode => page "Chưa có mã số thuế. Vẫn lưu được, nhưng nên bổ sung để tránh trùng lặp.", "No tax code yet. You can save, but add it soon to avoid duplicates.";

    // Concurrent edits
    ConflictTitle => page "Doanh nghiệp này vừa được sửa ở nơi khác.", "This enterprise was just changed elsewhere.";
    ConflictTheirChanges => page "Những ô họ đã sửa:", "Fields they changed:";
    ConflictBothChanged => page "Cả hai cùng sửa (đang giữ giá trị của bạn):", "Changed by both of you (your value is kept):";
    ConflictMerged => page "Biểu mẫu đã gộp thay đổi của họ với của bạn; chưa có gì được lưu. Hãy kiểm tra rồi bấm Lưu.", "The form now holds their changes together with yours; nothing has been saved. Check it, then press Save.";
    ConflictTakeTheirs => page "Bỏ thay đổi của tôi, dùng bản của họ", "Drop my changes, use theirs";

    // Enterprise detail
    Edit => "Sửa", "Edit";
    Delete => "Xóa", "Delete";
    ConfirmDeleteTitle => page "Xóa doanh nghiệp?", "Delete this enterprise?";
    Deleted => "Đã xóa doanh nghiệp. Có thể khôi phục trong mục “Đã xóa gần đây”.", "Enterprise deleted. It can be restored from “Recently deleted”.";
    KindEnterprise => page "Doanh nghiệp", "Enterprise";
    KindSurvey => page "Phiếu khảo sát", "Field survey";
    KindAssessment => page "Tự đánh giá", "Self-assessment";
    KindActivity => page "Hoạt động", "Activity";
    RecentlyDeletedTitle => page "Đã xóa gần đây", "Recently deleted";
    RecentlyDeletedLink => page "Đã xóa gần đây", "Recently deleted";
    RecentlyDeletedHelp => page "Hồ sơ đã xóa trên máy này hoặc trong tệp đã nhập, mới nhất trước. Khôi phục đưa hồ sơ trở lại như lúc bị xóa; việc khôi phục được gửi đi trong tệp đồng bộ kế tiếp.", "Records deleted on this laptop or in an imported file, newest first. Restoring brings a record back as it was when deleted; the restore travels in the next sync file.";
    NothingDeleted => page "Chưa có hồ sơ nào bị xóa.", "Nothing has been deleted.";
    ColRecord => page "Hồ sơ", "Record";
    ColDeletedAt => page "Xóa lúc", "Deleted at";
    ColDeletedBy => page "Người xóa", "Deleted by";
    RestoreDeleted => page "Khôi phục", "Restore";
    RestoredDeleted => page "Đã khôi phục hồ sơ.", "The record is restored.";
    DeletedMark => page "(đã xóa)", "(deleted)";
    RestoreTaxCodeTaken => page "Không khôi phục được: một doanh nghiệp khác trong danh bạ đang dùng mã số thuế này. Hãy gộp hoặc sửa doanh nghiệp đó trước.", "Not restored: another enterprise in the register now has this tax code. Merge or correct that enterprise first.";
    DeleteFilled => page "Xóa phiếu", "Delete";
    PrintForm => page "In cả phiếu", "Print the whole form";
    FilledDeletedElsewhere => page "Phiếu này vừa bị xóa ở nơi khác (thẻ khác hoặc tệp nhập vào).", "This form was just deleted elsewhere (another tab, or an imported file).";
    FilledDeletedElsewhereHelp => page "Câu trả lời bạn vừa nhập chưa được lưu. Giữ phiếu thì phiếu được khôi phục cùng các câu trả lời này; bỏ thì phiếu vẫn bị xóa.", "The answers you just typed are not saved. Keeping the form restores it with them; leaving it keeps it deleted.";
    FilledKeepDeleted => page "Giữ phiếu cùng câu trả lời của tôi", "Keep the form with my answers";
    FilledAcceptDeletion => page "Bỏ, để phiếu bị xóa", "Leave it deleted";
    FilledChangedMeanwhile => page "Phiếu đang được lưu hoặc vừa thay đổi ở nơi khác nên chưa xóa. Hãy thử lại sau giây lát.", "The form is being saved or just changed elsewhere, so it was not deleted. Try again in a moment.";
    RestoreChangedMeanwhile => page "Hồ sơ vừa thay đổi ở nơi khác nên chưa khôi phục. Danh sách đã được cập nhật.", "The record just changed elsewhere, so it was not restored. The list is up to date.";
    NoSurveyForm => page "Máy này chưa có phiếu khảo sát. Hãy cài định nghĩa phiếu trong Cài đặt.", "This device has no field survey form. Install its definition in Settings.";
    ConflictFormsDiffer => "Bản kia ở phiên bản phiếu khác: chọn bản muốn giữ, trang sẽ mở lại.", "The other version is on another form version: choose which to keep and the page opens again.";
    ConfirmDeleteFilledTitle => page "Xóa phiếu này?", "Delete this form?";
    ConfirmDeleteFilledBody => page "Phiếu sẽ được chuyển vào mục “Đã xóa gần đây” và có thể khôi phục ở đó.", "It moves to “Recently deleted”, where it can be restored.";
    FilledDeleted => page "Đã xóa phiếu. Có thể khôi phục trong mục “Đã xóa gần đây”.", "Deleted. It can be restored from “Recently deleted”.";
    LinkedCounting => page "Đang đếm các hồ sơ gắn với doanh nghiệp này…", "Counting the records linked to this enterprise…";
    LinkedKeep => page "Giữ các phiếu: chúng không còn gắn với doanh nghiệp nhưng vẫn tìm được trong danh sách phiếu", "Keep them: they are no longer linked to an enterprise but stay findable in the lists";
    LinkedDelete => page "Xóa cả các phiếu khảo sát và tự đánh giá của doanh nghiệp (hoạt động được giữ vì có thể gồm doanh nghiệp khác)", "Delete its surveys and self-assessments too (activities stay, as they may include other enterprises)";
    LinkedDeleteFailed => page "Doanh nghiệp đã xóa, nhưng một số phiếu thay đổi trong lúc xóa nên được giữ lại. Hãy xem lại danh sách phiếu.", "The enterprise is deleted, but some of its forms changed meanwhile and were kept. Check the lists.";
    DeleteChangedMeanwhile => page "Doanh nghiệp vừa được sửa hoặc xóa ở nơi khác nên chưa xóa. Trang đã hiện bản mới nhất; hãy xem lại rồi xóa nếu vẫn muốn.", "This enterprise was just changed or deleted elsewhere, so it was not deleted. The page now shows the latest version; check it, then delete again if you still want to.";
    DeletedElsewhereTitle => page "Doanh nghiệp này đã bị xóa ở nơi khác trong lúc bạn đang sửa.", "This enterprise was deleted elsewhere while you were editing it.";
    DeletedElsewhereHelp => page "Thay đổi của bạn chưa được lưu. Bạn có thể khôi phục doanh nghiệp cùng với thay đổi của mình, hoặc bỏ thay đổi và để doanh nghiệp ở trạng thái đã xóa.", "Your changes have not been saved. You can restore the enterprise with your changes, or drop your changes and leave it deleted.";
    DeletedRestoreMine => page "Khôi phục doanh nghiệp với thay đổi của tôi", "Restore it with my changes";
    DeletedDiscardMine => page "Bỏ thay đổi của tôi, giữ việc xóa", "Drop my changes, keep it deleted";
    ExportFailed => "Không tạo được tệp sao lưu; chưa có gì được đánh dấu là đã xuất. Hãy thử lại; nếu vẫn lỗi, hãy báo cho bộ phận kỹ thuật.", "The backup file could not be made; nothing was marked as exported. Try again; if it fails again, tell the technical team.";
    CrashTitle => "Ứng dụng gặp lỗi và đã dừng.", "Something went wrong and the app stopped.";
    CrashHelp => "Xin lỗi vì sự cố. Dữ liệu đã lưu không bị ảnh hưởng. Bấm \"Tải lại\" để mở lại trang; những gì bạn đang gõ dở sẽ được điền lại vào biểu mẫu.", "Sorry about this. What was already saved is safe. Press \"Reload\" to open the page again; what you were typing will be put back into the form.";
    CrashYourText => "Những gì bạn đang gõ dở (đã được giữ lại):", "What you were typing (kept for you):";
    CrashReload => "Tải lại", "Reload";
    CrashRestored => "Ứng dụng đã dừng vì một lỗi. Những gì bạn gõ dở đã được điền lại vào biểu mẫu; hãy kiểm tra rồi lưu.", "The app stopped because of an error. What you were typing has been put back into the form; check it, then save.";
    CrashRestoredElsewhere => "Ứng dụng đã dừng vì một lỗi khi bạn đang gõ ở trang khác. Những gì bạn gõ dở:", "The app stopped because of an error while you were typing on another page. What you were typing:";
    NotSavedKept => "Một thay đổi bạn bấm lưu trước khi rời trang chưa được lưu. Những gì bạn đã nhập được giữ ở đây, và sẽ được điền lại khi bạn mở lại biểu mẫu:", "A change you saved just before leaving the page was not saved. What you entered is kept here, and will be put back when you open the form again:";
    LeftUnsavedKept => "Bạn đã rời biểu mẫu khi chưa lưu. Những gì bạn đã nhập được giữ ở đây, và sẽ được điền lại khi bạn mở lại biểu mẫu:", "You left a form without saving. What you entered is kept here, and will be put back when you open the form again:";
    NotSavedRestored => "Những gì bạn đã nhập trước khi rời trang đã được điền lại vào biểu mẫu; hãy kiểm tra rồi lưu.", "What you entered before leaving the page has been put back into the form; check it, then save.";
    ChangedElsewhereKept => "Bản ghi đã được sửa ở nơi khác nên thay đổi bạn bấm lưu trước khi rời trang chưa được lưu. Dưới đây là những gì bạn đã nhập; hãy đối chiếu với bản mới rồi nhập lại phần cần giữ.", "The record was changed elsewhere, so the change you saved just before leaving the page was not saved. Below is what you entered; compare it with the new version and enter again what should stay.";
    RestoredInPart => "Một phần những gì bạn đã nhập đã được điền lại vào biểu mẫu; những ô không còn trên biểu mẫu thì hãy nhập lại theo danh sách dưới đây, rồi lưu.", "Part of what you entered has been put back into the form; enter the rest again from the list below, then save.";
    ReopenForm => "Mở lại biểu mẫu", "Open the form again";
    DeletedElsewhereKept => "Bản ghi đã bị xóa ở nơi khác nên thay đổi bạn bấm lưu trước khi rời trang chưa được lưu. Dưới đây là những gì bạn đã nhập; nếu cần giữ, hãy khôi phục bản ghi trong mục “Đã xóa gần đây” rồi nhập lại.", "The record was deleted elsewhere, so the change you saved just before leaving the page was not saved. Below is what you entered; to keep it, restore the record from “Recently deleted” and enter it again.";
    OpenRecentlyDeleted => "Mở mục “Đã xóa gần đây”", "Open “Recently deleted”";
    OpenRecordNow => "Mở bản mới của bản ghi", "Open the record's new version";
    FormFileTooLarge => page "Tệp quá lớn để là một định nghĩa biểu mẫu (tối đa 2 MB); chưa cài gì.", "The file is too large to be a form definition (2 MB at most); nothing was installed.";
    RestoredElsewhere => page "Doanh nghiệp vừa được khôi phục ở nơi khác; trang đang hiện bản mới nhất.", "This enterprise was just restored elsewhere; the page shows the latest version.";
    FormsRefused => page "Phiên bản ứng dụng này kiểm tra biểu mẫu chặt hơn và không nạp được các biểu mẫu đã cài dưới đây. Các phiếu đã nhập vẫn được giữ nguyên; hãy cài tệp biểu mẫu đã sửa.", "This version of the app checks forms more strictly and could not load the installed forms below. Surveys already entered are kept as they are; install a corrected form file.";
    EditDiscarded => page "Đã bỏ thay đổi của bạn; doanh nghiệp vẫn ở trạng thái đã xóa.", "Your changes were dropped; the enterprise stays deleted.";
    BackToList => page "← Danh bạ doanh nghiệp", "← Enterprise register";
    RecordInfo => page "Thông tin bản ghi", "Record details";
    CreatedAt => page "Tạo lúc", "Created";
    UpdatedAt => page "Cập nhật lúc", "Updated";
    LastDevice => page "Thiết bị sửa gần nhất", "Last changed on device";
    RecordId => page "Mã bản ghi", "Record id";
    EnterpriseNotFound => page "Không tìm thấy doanh nghiệp này. Có thể nó đã bị xóa.", "This enterprise was not found. It may have been deleted.";
    Print => page "In", "Print";

    // History
    HistoryTitle => page "Lịch sử thay đổi", "Change history";
    HistoryCurrent => page "Phiên bản hiện tại", "Current version";
    HistoryFirst => page "Phiên bản cũ nhất còn lưu.", "Oldest version kept.";
    HistoryNoChange => page "Không ô nào thay đổi.", "No field changed.";
    HistoryEmpty => page "Chưa có phiên bản cũ.", "No earlier versions yet.";
    Restore => "Khôi phục phiên bản này", "Restore this version";
    Restored => page "Đã khôi phục phiên bản cũ; phiên bản trước đó vẫn còn trong lịch sử.", "The earlier version is restored; the one it replaced stays in the history.";
    RestoreFailed => page "Không khôi phục được: mã số thuế của phiên bản này đang thuộc doanh nghiệp khác, hoặc bản ghi vừa thay đổi ở nơi khác.", "Could not restore: this version's tax code now belongs to another enterprise, or the record was just changed elsewhere.";
    HistoryDepth => page "Số phiên bản cũ giữ lại cho mỗi bản ghi", "Earlier versions kept per record";

    // Settings
    SettingsTitle => page "Cài đặt", "Settings";
    Language => "Ngôn ngữ", "Language";
    LangVi => "Tiếng Việt", "Tiếng Việt";
    LangEn => "English", "English";
    UnitsTitle => page "Đơn vị hành chính", "Administrative units";
    UnitsHelp => page "Từ 1/7/2025 không còn cấp huyện. Thêm xã, phường mới và ngừng sử dụng đơn vị cũ; doanh nghiệp đang gắn với đơn vị đã ngừng vẫn giữ nguyên.", "Since 1/7/2025 there is no district level. Add new communes and wards and retire old units; enterprises linked to a retired unit keep it.";
    UnitNameVi => page "Tên tiếng Việt", "Vietnamese name";
    UnitNameEn => page "Tên tiếng Anh", "English name";
    UnitKind => page "Loại đơn vị", "Kind";
    UnitKindCity => "Thành phố", "City";
    UnitKindDistrict => "Huyện", "District";
    UnitKindWard => "Phường", "Ward";
    UnitKindCommune => "Xã", "Commune";
    AddUnit => page "Thêm đơn vị", "Add unit";
    Rename => page "Đổi tên", "Rename";
    Retire => page "Ngừng sử dụng", "Retire";
    Reactivate => page "Dùng lại", "Reactivate";
    UnitStatus => page "Trạng thái", "Status";
    UnitActive => page "Đang dùng", "In use";
    UnitRetired => page "Đã ngừng", "Retired";
    UnitRecords => page "Số doanh nghiệp", "Enterprises";
    Actions => page "Thao tác", "Actions";
    ErrUnitEmpty => page "Vui lòng nhập tên đơn vị.", "Please enter the unit's name.";
    ErrUnitDuplicate => page "Đã có đơn vị trùng tên.", "A unit with this name already exists.";
    UnitSaved => page "Đã lưu danh sách đơn vị.", "Unit list saved.";
    OfficerName => page "Họ tên cán bộ nhập liệu (ghi kèm mỗi thay đổi)", "Officer's name (recorded with every change)";
    LastOfficer => page "Người sửa gần nhất", "Last changed by";
    DeviceTitle => page "Thiết bị này", "This device";
    DeviceId => "Mã thiết bị", "Device id";
    DeviceHelp => page "Mỗi bản ghi ghi lại thiết bị đã sửa nó gần nhất, để gộp dữ liệu từ nhiều máy.", "Each record notes the device that last changed it, for merging files from several laptops.";

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
    ErrUpgradeFull => "Bộ nhớ của trình duyệt đã đầy nên chưa cập nhật được dữ liệu trên máy cho phiên bản mới này của ứng dụng. Dữ liệu vẫn còn nguyên như trước. Hãy giải phóng dung lượng ổ đĩa rồi tải lại trang.", "The browser's storage is full, so the data on this device could not be updated for this new version of the app. The data is all still there, as it was. Free some disk space, then reload the page.";
    ErrUpgradeFailed => "Chưa cập nhật được dữ liệu trên máy cho phiên bản mới này của ứng dụng. Dữ liệu vẫn còn nguyên như trước. Hãy tải lại trang; nếu vẫn lỗi, hãy báo cho người phụ trách.", "The data on this device could not be updated for this new version of the app. The data is all still there, as it was. Reload the page; if this happens again, tell your coordinator.";
    ErrStorageCorrupt => "Dữ liệu đã lưu bị hỏng và không đọc được. Ứng dụng tạm không ghi để không mất dữ liệu.", "The stored data is damaged and cannot be read. The app will not write, so nothing is lost.";
    ErrStorageChanged => "Dữ liệu vừa được thay đổi ở một thẻ khác. Danh bạ đã được tải lại; hãy kiểm tra rồi lưu lại.", "The data was just changed in another tab. The register was reloaded; check and save again.";
    ErrRegisterCodeNotLoaded => "Chưa tải được phần mã đọc danh bạ doanh nghiệp (có thể máy đang không có mạng, hoặc ứng dụng vừa được cập nhật), nên chưa hiện được các doanh nghiệp đã lưu và ứng dụng tạm không ghi. Hãy kết nối mạng rồi tải lại trang; dữ liệu đã lưu không bị ảnh hưởng.", "The code that reads the enterprise register could not be loaded (this laptop may be offline, or the app was just updated), so the stored enterprises cannot be shown yet and the app will not write meanwhile. Connect to the network and reload the page; the stored data is not affected.";
    EnterpriseChangeUnread => "Một thẻ khác vừa lưu thay đổi trong sổ doanh nghiệp, nhưng thẻ này chưa tải được phần mã để đọc nó (có thể máy đang không có mạng), nên chưa hiện thay đổi đó. Hãy kết nối mạng rồi tải lại trang; dữ liệu đã lưu không bị ảnh hưởng.", "Another tab saved a change to the enterprise register, but this tab could not load the code that reads it (this laptop may be offline), so the change is not shown here yet. Connect to the network and reload the page; the stored data is not affected.";
    LegacyCodeNotLoaded => "Chưa tải được phần mã chuyển dữ liệu (có thể máy đang không có mạng). Hãy kết nối mạng rồi tải lại trang.", "The code that moves it could not be loaded (this laptop may be offline). Connect to the network and reload the page.";
    OlderRecordsUnread => "Chưa tải được phần mã đọc các doanh nghiệp lưu theo định dạng của phiên bản cũ (có thể máy đang không có mạng), nên danh bạ chưa có các doanh nghiệp đó. Hãy kết nối mạng rồi tải lại trang; dữ liệu đã lưu không bị ảnh hưởng.", "The code that reads enterprises stored in an earlier version's format could not be loaded (this laptop may be offline), so the register does not show them yet. Connect to the network and reload the page; the stored data is not affected.";
    LegacyNotMoved => "Dữ liệu của phiên bản cũ chưa chuyển được sang kho mới và vẫn được giữ nguyên trên máy.", "Data from an earlier version could not be moved to the new store and is kept untouched on this device.";
    ReadOnlyMode => "Chế độ chỉ đọc", "Read-only mode";
    // The English texts are fetched before the page first shows English (src/i18n/english.rs):
    // without them only the Vietnamese text can be shown, so it carries the English too.
    EnglishOtherBuild => "Bản tiếng Anh nhận được thuộc một phiên bản khác của ứng dụng (ứng dụng vừa được cập nhật). Hãy tải lại trang; đến lúc đó ứng dụng vẫn hiện tiếng Việt. The English texts received belong to another version of the app (it was just updated): reload the page; until then the app stays in Vietnamese.", "The English texts received belong to another version of the app (it was just updated): reload the page; until then the app stays in Vietnamese.";
    EnglishUnavailable => "Không tải được bản tiếng Anh của ứng dụng (có thể máy đang không có mạng và chưa từng mở ứng dụng khi có mạng); ứng dụng vẫn hiện tiếng Việt. The English texts could not be loaded (this computer may be offline and never have opened the app online); the app stays in Vietnamese.", "The English texts could not be loaded (this computer may be offline and never have opened the app online); the app stays in Vietnamese.";
}

"""Vietnamese word and phrase lists for the synthetic district-news corpus.

Real Vietnamese (NFC, with diacritics) in the register of a district portal, so that
Markdown rendering, slugs, search tokenising and page sizes behave as on the real archive.
Placeholders in braces are filled by generate.py: {phuong}, {street}, {person},
{man}, {woman}, {role}, {org}, {topic}, {campaign}, {event}, {term}; dates {year}, {date},
{deadline}, {month}; numbers {n} (a count), {k} (small), {q} (quarter), {pct} (at most 100),
{over} (about 100), {growth} (a growth rate with a decimal comma).
"""

PHUONG = (
    "Bạch Đằng",
    "Bách Khoa",
    "Bạch Mai",
    "Bùi Thị Xuân",
    "Cầu Dền",
    "Đống Mác",
    "Đồng Nhân",
    "Đồng Tâm",
    "Lê Đại Hành",
    "Minh Khai",
    "Ngô Thì Nhậm",
    "Nguyễn Du",
    "Phạm Đình Hổ",
    "Phố Huế",
    "Quỳnh Lôi",
    "Quỳnh Mai",
    "Thanh Lương",
    "Thanh Nhàn",
    "Trương Định",
    "Vĩnh Tuy",
)

STREETS = (
    "Phố Huế",
    "Bạch Mai",
    "Minh Khai",
    "Trần Khát Chân",
    "Lò Đúc",
    "Đại Cồ Việt",
    "Giải Phóng",
    "Kim Ngưu",
    "Lạc Trung",
    "Nguyễn Khoái",
    "Thanh Nhàn",
    "Trương Định",
    "Hàn Thuyên",
    "Lê Văn Hưu",
    "Tuệ Tĩnh",
    "Hồng Mai",
    "Tạ Quang Bửu",
    "Lê Thanh Nghị",
    "Bà Triệu",
    "Tô Hiến Thành",
    "Thái Phiên",
    "Hương Viên",
    "Yết Kiêu",
    "Nguyễn Công Trứ",
)

SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Đinh",
    "Lương",
    "Tạ",
)
MALE_MIDDLE_NAMES = ("Văn", "Đức", "Minh", "Quang", "Hữu", "Đại", "Xuân")
FEMALE_MIDDLE_NAMES = ("Thị", "Thu", "Ngọc", "Thanh", "Lan")
MALE_GIVEN_NAMES = (
    "An",
    "Bình",
    "Chiến",
    "Dũng",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
)
FEMALE_GIVEN_NAMES = (
    "Duyên",
    "Giang",
    "Hà",
    "Hằng",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Phương",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Yến",
)

ROLES = (
    "Bí thư Quận ủy",
    "Phó Bí thư Thường trực Quận ủy",
    "Chủ tịch HĐND quận",
    "Chủ tịch UBND quận",
    "Phó Chủ tịch UBND quận",
    "Trưởng ban Tổ chức Quận ủy",
    "Trưởng ban Tuyên giáo Quận ủy",
    "Chủ tịch Ủy ban MTTQ quận",
    "Trưởng phòng Giáo dục và Đào tạo",
    "Trưởng phòng Y tế",
    "Trưởng phòng Tài nguyên và Môi trường",
    "Chỉ huy trưởng Ban Chỉ huy quân sự quận",
    "Trưởng Công an quận",
    "Bí thư Đảng ủy phường",
    "Chủ tịch UBND phường",
    "Giám đốc Trung tâm Văn hóa - Thông tin và Thể thao quận",
)

ORGS = (
    "Quận ủy Hai Bà Trưng",
    "UBND quận Hai Bà Trưng",
    "HĐND quận Hai Bà Trưng",
    "Ủy ban MTTQ Việt Nam quận",
    "Quận đoàn Hai Bà Trưng",
    "Hội Liên hiệp Phụ nữ quận",
    "Hội Cựu chiến binh quận",
    "Liên đoàn Lao động quận",
    "Phòng Giáo dục và Đào tạo quận",
    "Phòng Văn hóa và Thông tin quận",
    "Phòng Lao động - Thương binh và Xã hội quận",
    "Trung tâm Y tế quận",
    "Công an quận",
    "Ban Chỉ huy quân sự quận",
    "Đội Quản lý trật tự xây dựng đô thị quận",
)

TOPICS = (
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng chống dịch bệnh",
    "an toàn giao thông",
    "phòng cháy chữa cháy",
    "trật tự đô thị",
    "vệ sinh an toàn thực phẩm",
    "thu ngân sách nhà nước",
    "giải phóng mặt bằng",
    "cải tạo chung cư cũ",
    "xây dựng nếp sống văn minh đô thị",
    "công tác dân vận",
    "công tác cán bộ",
    "quy hoạch cán bộ",
    "tiếp công dân",
    "giải quyết khiếu nại, tố cáo",
    "bảo vệ môi trường",
    "chăm sóc người có công",
    "giảm nghèo bền vững",
    "phổ cập giáo dục",
    "tuyển sinh đầu cấp",
    "tiêm chủng mở rộng",
    "phòng chống sốt xuất huyết",
    "xây dựng Đảng",
    "phòng chống tham nhũng, lãng phí",
    "quản lý đất đai",
    "phát triển kinh tế - xã hội",
    "bảo đảm an ninh trật tự",
)

CAMPAIGNS = (
    "Tháng hành động vì an toàn thực phẩm",
    "Ngày Chủ nhật xanh",
    "Tết trồng cây",
    "Tháng thanh niên",
    "Chiến dịch Mùa hè xanh",
    "Ngày hội Toàn dân bảo vệ an ninh Tổ quốc",
    "Tuần lễ Quốc gia phòng chống thiên tai",
    "Tháng cao điểm phòng chống ma túy",
    "Ngày hội hiến máu tình nguyện",
    "Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
    "Cuộc vận động Người Việt Nam ưu tiên dùng hàng Việt Nam",
    "Phong trào thi đua Dân vận khéo",
)

EVENTS = (
    "Hội nghị sơ kết 6 tháng đầu năm",
    "Hội nghị tổng kết công tác năm",
    "Lễ khai giảng năm học mới",
    "Lễ giao nhận quân",
    "Lễ kỷ niệm Ngày Thương binh - Liệt sĩ 27/7",
    "Lễ hội đền Hai Bà Trưng",
    "Đại hội Đảng bộ phường",
    "Hội nghị tiếp xúc cử tri",
    "Kỳ họp thường lệ HĐND quận",
    "Diễn tập phòng thủ khu vực",
    "Hội thao quốc phòng",
    "Giải chạy báo Hà Nội mới",
    "Ngày hội Đại đoàn kết toàn dân tộc",
    "Hội nghị đối thoại với doanh nghiệp",
    "Lễ ra mắt mô hình Tuyến phố văn minh",
    "Hội nghị học tập, quán triệt Nghị quyết",
)

TERMS = ("2010 - 2015", "2015 - 2020", "2016 - 2021", "2020 - 2025", "2021 - 2026")

# Category -> title templates. Category names follow the old district portal.
TITLES = {
    "Tin tức - Sự kiện": (
        "{org} tổ chức {event} năm {year}",
        "Đồng chí {person} - {role} dự {event} tại phường {phuong}",
        "Quận Hai Bà Trưng triển khai {topic} tại {k} phường",
        "Phường {phuong} tổ chức {event} gắn với {topic}",
        "{event} của {org}: nhiều kết quả nổi bật về {topic}",
    ),
    "Chính trị": (
        "{org} quán triệt và triển khai Nghị quyết về {topic}",
        "Hội nghị Ban Chấp hành Đảng bộ quận lần thứ {k}, nhiệm kỳ {term}",
        "Phường {phuong} rà soát, bổ sung {topic} nhiệm kỳ {term}",
        "Đại hội Đảng bộ phường {phuong} lần thứ {k}, nhiệm kỳ {term} thành công tốt đẹp",
        "Quận Hai Bà Trưng công bố quyết định về {topic} tại phường {phuong}",
    ),
    "Kinh tế": (
        "Quận Hai Bà Trưng thu ngân sách đạt {over}% kế hoạch năm {year}",
        "Phường {phuong} đẩy mạnh {topic}, hỗ trợ hộ kinh doanh trên phố {street}",
        "{org} gặp gỡ, đối thoại với {n} doanh nghiệp trên địa bàn",
        "Chợ {street} được cải tạo sau {month} tháng thi công",
        "Kinh tế quận tăng trưởng {growth}% trong {month} tháng đầu năm {year}",
    ),
    "Văn hóa - Xã hội": (
        "Phường {phuong} ra mắt mô hình tuyến phố văn minh trên phố {street}",
        "{campaign} năm {year} tại quận Hai Bà Trưng",
        "Quận Hai Bà Trưng trao {n} suất quà cho người có công phường {phuong}",
        "Khai mạc {event} năm {year} tại phường {phuong}",
        "{org} phát động {campaign} năm {year}",
    ),
    "Giáo dục": (
        "Quận Hai Bà Trưng có {n} trường đạt chuẩn quốc gia năm học {year}",
        "Phòng Giáo dục và Đào tạo quận hướng dẫn {topic} năm {year}",
        "Trường THCS phường {phuong} tổ chức lễ tri ân và trưởng thành khóa {k}",
        "Học sinh quận Hai Bà Trưng đạt {n} giải trong kỳ thi học sinh giỏi thành phố",
        "Lễ khai giảng năm học {year} tại các trường phường {phuong}",
    ),
    "Y tế": (
        "Trạm Y tế phường {phuong} triển khai {topic} đợt {k} năm {year}",
        "Quận Hai Bà Trưng ra quân {campaign} năm {year}",
        "Trung tâm Y tế quận kiểm tra {topic} tại {n} cơ sở trên phố {street}",
        "Phường {phuong} diệt bọ gậy, phòng chống sốt xuất huyết đợt {k}",
        "Hơn {n} người dân phường {phuong} được khám sức khỏe miễn phí",
    ),
    "Quốc phòng - An ninh": (
        "{n} thanh niên quận Hai Bà Trưng lên đường nhập ngũ năm {year}",
        "Công an phường {phuong} ra mắt mô hình {topic} trên phố {street}",
        "Ban Chỉ huy quân sự quận tổ chức {event} năm {year}",
        "Diễn tập chữa cháy và cứu nạn cứu hộ tại chung cư phố {street}",
        "Quận Hai Bà Trưng tổng kết {campaign} năm {year}",
    ),
    "Cải cách hành chính": (
        "Bộ phận một cửa phường {phuong} tiếp nhận {n} hồ sơ dịch vụ công trực tuyến",
        "UBND quận Hai Bà Trưng kiểm tra {topic} tại phường {phuong}",
        "Quận Hai Bà Trưng đứng thứ {k} thành phố về chỉ số {topic} năm {year}",
        "Phường {phuong} số hóa {n} hồ sơ hộ tịch phục vụ người dân",
    ),
    "Đô thị - Môi trường": (
        "Phường {phuong} ra quân lập lại trật tự vỉa hè phố {street}",
        "Quận Hai Bà Trưng cải tạo {n} tuyến ngõ trên địa bàn phường {phuong}",
        "{org} kiểm tra công tác {topic} tại công trình trên phố {street}",
        "Tổng vệ sinh môi trường, hưởng ứng {campaign} tại phường {phuong}",
        "Trồng mới {n} cây xanh trên các tuyến phố {street} và {street}",
    ),
    "Thông báo": (
        "Thông báo lịch tiếp công dân của lãnh đạo UBND quận tháng {month} năm {year}",
        "Thông báo tuyển dụng viên chức giáo dục quận Hai Bà Trưng năm {year}",
        "Thông báo về việc tạm dừng đỗ xe trên phố {street} từ ngày {date}",
        "Thông báo kết quả lựa chọn đơn vị thực hiện {topic} tại phường {phuong}",
    ),
    "Gương người tốt việc tốt": (
        "Cựu chiến binh {man} và {k} năm gắn bó với {topic} ở phường {phuong}",
        "Tổ dân phố số {k} phường {phuong}: điểm sáng về {topic}",
        "Nữ cán bộ {woman} tận tụy với {topic}",
        "Gương sáng học tập và làm theo Bác ở phường {phuong}",
    ),
}

CATEGORY_TAGS = {
    "Tin tức - Sự kiện": ("hội nghị", "lãnh đạo quận", "kỷ niệm", "thi đua khen thưởng"),
    "Chính trị": ("xây dựng Đảng", "cán bộ", "quy hoạch", "đại hội", "nghị quyết", "bầu cử"),
    "Kinh tế": ("thu ngân sách", "thuế", "doanh nghiệp", "chợ", "hộ kinh doanh", "du lịch"),
    "Văn hóa - Xã hội": (
        "văn hóa",
        "lễ hội",
        "người có công",
        "an sinh xã hội",
        "hộ nghèo",
        "người cao tuổi",
        "thể thao",
        "di tích",
    ),
    "Giáo dục": ("giáo dục", "khai giảng", "tuyển sinh", "học sinh giỏi", "trường chuẩn quốc gia"),
    "Y tế": ("y tế", "tiêm chủng", "sốt xuất huyết", "COVID-19", "an toàn thực phẩm", "hiến máu"),
    "Quốc phòng - An ninh": (
        "quân sự",
        "tuyển quân",
        "công an",
        "phòng cháy chữa cháy",
        "phòng chống ma túy",
        "an ninh trật tự",
    ),
    "Cải cách hành chính": (
        "cải cách hành chính",
        "một cửa",
        "dịch vụ công trực tuyến",
        "chuyển đổi số",
        "hộ tịch",
    ),
    "Đô thị - Môi trường": (
        "trật tự đô thị",
        "vệ sinh môi trường",
        "cây xanh",
        "chung cư cũ",
        "giải phóng mặt bằng",
        "xây dựng",
        "đất đai",
    ),
    "Thông báo": ("thông báo", "tuyển dụng", "tiếp công dân", "lịch công tác"),
    "Gương người tốt việc tốt": ("gương điển hình", "học tập và làm theo Bác", "cựu chiến binh"),
}

# Tags that any article may carry, next to the ones of its category.
COMMON_TAGS = (
    "phường Bạch Mai",
    "phường Thanh Nhàn",
    "phường Minh Khai",
    "phường Vĩnh Tuy",
    "phường Lê Đại Hành",
    "thanh niên",
    "phụ nữ",
    "Mặt trận Tổ quốc",
    "cựu chiến binh",
    "trẻ em",
    "Tết Nguyên đán",
    "an toàn giao thông",
    "dân vận",
    "khiếu nại tố cáo",
)

AUTHORS = (
    "Phòng Văn hóa và Thông tin",
    "Trung tâm Văn hóa - Thông tin và Thể thao",
    "Ban Biên tập Cổng thông tin",
)

HEADINGS = (
    "Kết quả nổi bật",
    "Những tồn tại, hạn chế",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Ý kiến chỉ đạo của lãnh đạo quận",
    "Phát biểu tại hội nghị",
    "Kế hoạch triển khai",
    "Một số chỉ tiêu chính",
    "Đánh giá của cơ quan chức năng",
    "Ý kiến của người dân",
    "Công tác tuyên truyền",
    "Kiến nghị, đề xuất",
    "Phân công thực hiện",
)

OPENINGS = (
    "Sáng ngày {date}, {org} tổ chức {event}.",
    "Chiều ngày {date}, tại trụ sở UBND phường {phuong}, {org} đã tổ chức {event}.",
    "Thực hiện kế hoạch năm {year}, {org} đã triển khai đồng bộ nhiều giải pháp về {topic}.",
    "Ngày {date}, đồng chí {person} - {role} đã chủ trì buổi làm việc về {topic}.",
    "Hưởng ứng {campaign}, ngày {date}, phường {phuong} đã ra quân đồng loạt trên phố {street}.",
)

SENTENCES = (
    "Tham dự có đồng chí {person} - {role}; đại diện lãnh đạo các phòng, ban, "
    "đơn vị của quận và {k} phường.",
    "Theo báo cáo, trong năm {year}, phường {phuong} đã hoàn thành {pct}% chỉ tiêu về {topic}.",
    "Đồng chí {person} - {role} đánh giá cao sự chủ động của cấp ủy, chính quyền phường {phuong}.",
    "Bên cạnh những kết quả đạt được, công tác {topic} vẫn còn một số hạn chế cần khắc phục.",
    "Hội nghị đã dành nhiều thời gian thảo luận, làm rõ nguyên nhân của những tồn tại về {topic}.",
    "Các đại biểu thống nhất đề xuất tăng cường phối hợp giữa {org} và các phường.",
    "Lực lượng chức năng đã kiểm tra {n} trường hợp, nhắc nhở và lập biên bản xử lý vi phạm.",
    "Trên phố {street}, tình trạng lấn chiếm vỉa hè đã được chấn chỉnh rõ rệt.",
    "Nhiều hộ dân trên phố {street} đã tự giác tháo dỡ mái che, mái vẩy vi phạm.",
    "Đến nay, {pct}% hồ sơ được giải quyết đúng và trước hạn, không có hồ sơ quá hạn.",
    "Đồng chí {person} đề nghị các đơn vị tiếp tục quán triệt sâu sắc tinh thần Nghị quyết "
    "đến từng cán bộ, đảng viên và nhân dân.",
    "Công tác tuyên truyền được thực hiện thường xuyên qua hệ thống loa truyền thanh, "
    "pa-nô, áp phích và mạng xã hội.",
    "Ủy ban MTTQ phường {phuong} đã vận động được {n} triệu đồng ủng hộ Quỹ Vì người nghèo.",
    "Thay mặt lãnh đạo quận, đồng chí {person} trao tặng Giấy khen cho {n} tập thể "
    "và cá nhân có thành tích xuất sắc.",
    "Trong thời gian tới, quận tiếp tục đẩy mạnh {topic}, gắn với thực hiện {campaign}.",
    "Các tổ dân phố đã chủ động rà soát, lập danh sách {n} hộ gia đình cần hỗ trợ.",
    "Kết quả kiểm tra cho thấy {pct}% cơ sở chấp hành tốt các quy định về {topic}.",
    "Người dân phấn khởi, đồng tình ủng hộ chủ trương của quận về {topic}.",
    "Ban tổ chức đã trao {n} suất quà, mỗi suất trị giá 500.000 đồng, cho các gia đình "
    "có hoàn cảnh khó khăn.",
    "Đây là hoạt động thiết thực, góp phần xây dựng quận Hai Bà Trưng ngày càng "
    "văn minh, hiện đại.",
    "Phát biểu tại buổi lễ, đồng chí {person} nhấn mạnh ý nghĩa của {campaign}.",
    "Đến hết quý {q}, kết quả thu ngân sách trên địa bàn đạt {over}% dự toán.",
    "Đồng chí {role} yêu cầu các phòng chuyên môn khẩn trương hoàn thiện hồ sơ "
    "trước ngày {deadline}.",
    "Công trình có tổng mức đầu tư khoảng {n} tỷ đồng, dự kiến hoàn thành trong năm {year}.",
    "Hội nghị cũng đã biểu quyết thông qua chương trình công tác toàn khóa nhiệm kỳ {term}.",
    "Nhiều ý kiến tâm huyết, trách nhiệm được các đại biểu gửi tới hội nghị.",
    "Lãnh đạo UBND phường {phuong} đã trực tiếp tiếp nhận, giải đáp kiến nghị của cử tri.",
    "Qua đó, nâng cao nhận thức của người dân về {topic} và trách nhiệm của mỗi gia đình.",
)

BULLETS = (
    "Tiếp tục thực hiện hiệu quả {topic} trên địa bàn phường {phuong}.",
    "Đẩy mạnh {topic}, phấn đấu hoàn thành {pct}% chỉ tiêu trong năm {year}.",
    "Tăng cường kiểm tra, giám sát việc thực hiện {topic} tại các tổ dân phố.",
    "Phối hợp với {org} tổ chức {event}.",
    "Xử lý dứt điểm các vi phạm về trật tự đô thị trên phố {street}.",
    "Rà soát, bổ sung danh sách {n} hộ gia đình thuộc diện hỗ trợ.",
    "Biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.",
    "Báo cáo kết quả về UBND quận trước ngày {deadline}.",
)

LINK_TEXTS = (
    "Cổng dịch vụ công quốc gia",
    "Cổng thông tin điện tử thành phố Hà Nội",
    "toàn văn Nghị quyết",
    "kế hoạch chi tiết",
    "danh sách các điểm tiếp nhận",
)
LINK_URLS = (
    "https://dichvucong.gov.vn/",
    "https://hanoi.gov.vn/",
    "https://haibatrung.hanoi.gov.vn/van-ban/",
    "https://haibatrung.hanoi.gov.vn/thong-bao/",
)

TABLE_COLUMNS = ("Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)")
TABLE_ROWS = (
    "Thu ngân sách (tỷ đồng)",
    "Hồ sơ một cửa",
    "Hộ gia đình văn hóa",
    "Tổ dân phố văn hóa",
    "Người được tiêm chủng",
    "Cây xanh trồng mới",
    "Vụ vi phạm được xử lý",
)

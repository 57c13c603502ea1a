/**
 * Quy định 37-QĐ/TW (25/10/2021) "về những điều đảng viên không được làm": 19 articles, as a versioned
 * checklist for section A.I.1 of the individual forms. The texts are paraphrases (the official wording
 * could not be read); each item's provenance is on its numbering. Load reviewed wording before production.
 */
import type { Provenance } from '@kiemdiem/rules';

export interface ChecklistItem {
  article: number;
  vi: string;
  en: string;
  provenance: Provenance;
}

export interface Checklist {
  id: string;
  basis: { document: string; signedOn: string; replaces: string };
  items: ChecklistItem[];
}

const V: Provenance = 'verified';
const S: Provenance = 'single-source';
const U: Provenance = 'unverified';

export const QD37_2021: Checklist = {
  id: 'qd-37-2021',
  basis: { document: '37-QĐ/TW', signedOn: '2021-10-25', replaces: '47-QĐ/TW (01/11/2011)' },
  items: [
    { article: 1, vi: 'Nói, viết, làm trái hoặc không thực hiện Cương lĩnh, Điều lệ Đảng, nghị quyết, chỉ thị, quy định, quyết định, kết luận của Đảng; làm những việc mà pháp luật không cho phép', en: 'Speaking, writing or acting against, or not carrying out, the Party platform, statute and decisions; doing what the law forbids', provenance: V },
    { article: 2, vi: 'Không chấp hành nguyên tắc tổ chức và hoạt động của Đảng; tự ứng cử hoặc nhận đề cử khi chưa được tổ chức đảng có thẩm quyền cho phép', en: 'Not following the Party’s organisational principles; self-nominating or accepting nomination without permission', provenance: V },
    { article: 3, vi: 'Phản bác, phủ nhận, xuyên tạc chủ nghĩa Mác - Lê-nin, tư tưởng Hồ Chí Minh; không nêu gương; chủ nghĩa cá nhân, cơ hội, vụ lợi, "tư duy nhiệm kỳ", đoàn kết, dân chủ hình thức; quan liêu, xa dân', en: 'Refuting or distorting Marxism-Leninism and Hồ Chí Minh thought; failing to set an example; individualism, opportunism; bureaucracy', provenance: V },
    { article: 4, vi: 'Làm lộ, làm mất, tiết lộ bí mật của Đảng, Nhà nước; lưu giữ, tán phát tài liệu có nội dung trái quan điểm, đường lối của Đảng, pháp luật của Nhà nước', en: 'Leaking or losing Party and State secrets; storing or spreading material against Party lines or the law', provenance: V },
    { article: 5, vi: 'Viết, cung cấp, đăng tải thông tin sai sự thật, xuyên tạc, vu khống trên báo chí, xuất bản phẩm, mạng xã hội', en: 'Writing, supplying or posting false, distorting or defamatory content in the press or on social networks', provenance: S },
    { article: 6, vi: 'Tổ chức, tham gia hoạt động bè phái, cục bộ, gây mất đoàn kết nội bộ', en: 'Organising or joining factional or localist activity that causes internal disunity', provenance: U },
    { article: 7, vi: 'Tổ chức, tham gia, tài trợ hội, nhóm, tổ chức trái pháp luật; tụ tập đông người trái pháp luật', en: 'Organising, joining or funding unlawful associations or gatherings', provenance: U },
    { article: 8, vi: 'Tố cáo bịa đặt; viết đơn nặc danh, mạo danh; kích động, xúi giục khiếu nại, tố cáo đông người', en: 'Fabricated denunciations; anonymous or false-name petitions; stirring up mass complaints', provenance: U },
    { article: 9, vi: 'Kê khai lý lịch, tài sản, thu nhập không trung thực; sử dụng văn bằng, chứng chỉ giả, bất hợp pháp; có quốc tịch nước ngoài, chuyển tiền, tài sản ra nước ngoài trái quy định', en: 'Dishonest personal-history or asset declarations; fake diplomas; foreign nationality or moving assets abroad against the rules', provenance: V },
    { article: 10, vi: 'Vi phạm đạo đức công vụ, đạo đức nghề nghiệp, quy tắc ứng xử; lợi dụng chức vụ, quyền hạn để can thiệp, tác động', en: 'Breaching civil-service or professional ethics; abusing position to interfere', provenance: U },
    { article: 11, vi: '"Chạy chức, chạy quyền", "chạy" các hình thức khác; can thiệp vào công tác tuyển dụng, bổ nhiệm cho mình hoặc người khác', en: 'Buying posts or power; interfering in recruitment or appointment', provenance: U },
    { article: 12, vi: 'Cản trở, can thiệp vào hoạt động kiểm tra, giám sát, thanh tra, kiểm toán, điều tra, truy tố, xét xử, thi hành án', en: 'Obstructing inspection, supervision, audit, investigation, prosecution, trial or enforcement', provenance: U },
    { article: 13, vi: 'Tặng, nhận quà để tác động đến quyết định của cán bộ, công chức', en: 'Giving or receiving gifts to influence officials’ decisions', provenance: U },
    { article: 14, vi: 'Tham ô; đưa, nhận, môi giới hối lộ; tổ chức, tham gia, tiếp tay cho hoạt động rửa tiền, cho vay trái pháp luật', en: 'Embezzlement; bribery; money laundering or illegal lending', provenance: V },
    { article: 15, vi: 'Không thực hành tiết kiệm, để xảy ra thất thoát, lãng phí; lợi dụng chức vụ để được tài trợ đi tham quan, học tập, chữa bệnh', en: 'Failing to economise, letting losses or waste happen; sponsored travel or care through one’s position', provenance: U },
    { article: 16, vi: 'Kinh doanh những ngành nghề pháp luật không cho phép; vi phạm trong quản lý doanh nghiệp, đất đai, nhà ở và các vi phạm kinh tế khác', en: 'Prohibited business; breaches in enterprise management, land and housing', provenance: U },
    { article: 17, vi: 'Vi phạm pháp luật về hôn nhân và gia đình; bạo lực gia đình', en: 'Breaching marriage and family law; domestic violence', provenance: U },
    { article: 18, vi: 'Tham gia đánh bạc dưới mọi hình thức; sử dụng ma túy; lạm dụng rượu, bia; tổ chức việc cưới, việc tang, lễ mừng thọ, sinh nhật… phô trương, lãng phí', en: 'Gambling; drug use; alcohol abuse; lavish weddings, funerals and celebrations', provenance: U },
    { article: 19, vi: 'Mê tín, dị đoan; tham gia, ủng hộ tôn giáo trái pháp luật; lợi dụng tín ngưỡng, tôn giáo để trục lợi', en: 'Superstition; joining or supporting illegal religions; exploiting belief for gain', provenance: V },
  ],
};

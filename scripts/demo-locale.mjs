// The demo's own wording, Vietnamese (default) and English; the provenance words themselves come from @kiemdiem/rules.
export const DEMO_MESSAGES = {
  vi: {
    wrote: (file) => `Đã ghi ${file}`,
    legendTitle: 'Chú giải độ tin cậy (trong ngoặc vuông sau mỗi trích dẫn):',
    legend: {
      verified: 'thấy ở hai nguồn độc lập, hoặc ở một nguồn sao lại văn bản chính thức',
      'single-source': 'một nguồn thứ cấp trích hoặc diễn giải điều khoản',
      legacy: 'kế thừa từ quy định hoặc hướng dẫn trước, chưa xác nhận cho quy định này',
      unverified: 'suy luận, theo thực tiễn địa phương, hoặc chưa rõ nguồn: là mặc định, đơn vị có thể đổi',
    },
    badLang: (value) => `--lang phải là vi hoặc en, không phải "${value}"`,
  },
  en: {
    wrote: (file) => `Wrote ${file}`,
    legendTitle: 'Provenance legend (in square brackets after each citation):',
    legend: {
      verified: 'seen in two independent sources, or in a source reproducing the official text',
      'single-source': 'one secondary source quoting or paraphrasing the clause',
      legacy: 'carried over from an earlier regulation or guidance, not confirmed for this one',
      unverified: 'inferred, from local practice, or unknown: a default a unit can change',
    },
    badLang: (value) => `--lang must be vi or en, not "${value}"`,
  },
};

// Synthetic content in Statusbook's own format, for the benchmark and the engine tests:
// one protocol with N codes, curated pairs, and a complete translation for every locale.
// Usage: node scripts/synthetic.mjs <dir> <N> [locales=en,vi,ja]
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

const repo = new URL('..', import.meta.url).pathname;
const CLASSES = [
  { id: '1xx', range: [100, 199], final: false, outcome: 'information', name: 'Progress' },
  { id: '2xx', range: [200, 299], final: true, outcome: 'success', name: 'Success' },
  { id: '3xx', range: [300, 399], final: true, outcome: 'redirect', name: 'Redirection' },
  { id: '4xx', range: [400, 499], final: true, outcome: 'failure', name: 'Request Failure' },
  { id: '5xx', range: [500, 599], final: true, outcome: 'failure', name: 'Server Failure' },
];
const SENDERS = ['uas', 'proxy', 'registrar', 'redirect-server'];
const RETRY = ['not-needed', 'never', 'after-delay', 'with-changes', 'elsewhere'];
const HEADERS = ['Retry-After', 'Contact', 'Allow', 'Require', 'Unsupported', 'Warning', 'Min-Expires'];
const METHODS = ['INVITE', 'REGISTER', 'SUBSCRIBE', 'OPTIONS', 'MESSAGE', 'BYE'];
const WORDS = {
  en: (n) => ({
    summary: `Code ${n} reports a situation that the synthetic benchmark protocol defines for its own tests.`,
    description: `A server answers with ${n} when the request reached it but one of the conditions the \`SYN\` protocol attaches to ${n} holds. The response names the condition in its body, and elements on the path pass it back unchanged. Clients treat ${n} like the other codes of its class unless a header field says otherwise.`,
    whenYouSeeIt: `You see ${n} when a test client sends a request that the synthetic server was configured to refuse or delay, for example a second \`INVITE\` within the same second. Proxies forward it without looking at the body.`,
    howToFix: `Read the condition named in the body of ${n}, change the request so that it no longer applies, and send it again. If the condition is a time limit, wait as long as \`Retry-After\` says before trying again.`,
  }),
  vi: (n) => ({
    summary: `Mã ${n} báo một tình huống mà giao thức tổng hợp dùng cho đo hiệu năng định nghĩa cho các bài kiểm thử của nó.`,
    description: `Máy chủ trả lời ${n} khi yêu cầu đã tới nhưng một trong các điều kiện mà giao thức \`SYN\` gắn với ${n} đang đúng. Phản hồi nêu điều kiện đó trong phần thân, và các phần tử trên đường đi chuyển lại nguyên vẹn. Máy khách xử lý ${n} như các mã khác cùng lớp, trừ khi một trường header nói khác.`,
    whenYouSeeIt: `Bạn gặp ${n} khi một máy khách kiểm thử gửi yêu cầu mà máy chủ tổng hợp được cấu hình để từ chối hoặc trì hoãn, chẳng hạn một \`INVITE\` thứ hai trong cùng một giây. Proxy chuyển tiếp nó mà không đọc phần thân.`,
    howToFix: `Đọc điều kiện được nêu trong phần thân của ${n}, sửa yêu cầu để điều kiện không còn đúng, rồi gửi lại. Nếu điều kiện là giới hạn thời gian, hãy chờ đúng khoảng \`Retry-After\` cho biết trước khi thử lại.`,
  }),
  ja: (n) => ({
    summary: `コード ${n} は、合成ベンチマーク用プロトコルがテストのために定義した状況を知らせます。`,
    description: `サーバーは、リクエストが届いたものの \`SYN\` プロトコルが ${n} に結び付けた条件のいずれかが成り立つとき、${n} で応答します。レスポンスはその条件をボディで示し、経路上の要素はそのまま送り返します。ヘッダーフィールドで別の指示がない限り、クライアントは ${n} を同じクラスの他のコードと同様に扱います。`,
    whenYouSeeIt: `テスト用クライアントが、合成サーバーが拒否または遅延するよう設定されたリクエストを送ったときに ${n} が返ります。たとえば同じ秒のうちに 2 つ目の \`INVITE\` を送った場合です。プロキシはボディを見ずに転送します。`,
    howToFix: `${n} のボディに書かれた条件を読み、その条件に当てはまらないようにリクエストを変えて送り直してください。条件が時間制限であれば、\`Retry-After\` が示す時間だけ待ってから再試行してください。`,
  }),
};
const GLOSS = { vi: (n) => `Tình huống tổng hợp ${n}`, ja: (n) => `合成状況 ${n}` };
const hash = (text) => createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 8);

/** Writes a project (content/, locales/, templates/) with N codes into `dir`; returns the codes. */
export function writeSynthetic(dir, n, locales = ['en', 'vi', 'ja']) {
  rmSync(dir, { recursive: true, force: true });
  const base = join(dir, 'content', 'syn');
  mkdirSync(join(base, 'codes'), { recursive: true });
  cpSync(join(repo, 'templates'), join(dir, 'templates'), { recursive: true });
  const perClass = Math.ceil(n / CLASSES.length);
  const codes = [];
  for (let i = 0; i < n; i++) {
    const cls = CLASSES[i % CLASSES.length];
    codes.push(cls.range[0] + Math.floor(i / CLASSES.length));
  }
  codes.sort((a, b) => a - b);
  if (perClass > 99) throw new Error('at most 495 codes');
  writeFileSync(
    join(base, 'protocol.yaml'),
    stringify({
      id: 'syn',
      name: 'SYN',
      title: 'Synthetic Benchmark Protocol',
      description: 'A made-up protocol whose codes exist only to measure how Statusbook scales.',
      registry: { name: 'Synthetic Codes', url: 'https://example.org/synthetic' },
      references: [{ rfc: 9999, section: '1' }],
      exchange: 'request',
      facts: [
        { id: 'senders', kind: 'parties', of: 'senders' },
        { id: 'retry', kind: 'retry' },
        { id: 'headers', kind: 'tokens' },
        { id: 'methods', kind: 'tokens', of: 'methods', empty: 'any' },
      ],
      vocabularies: { senders: SENDERS, methods: METHODS },
      classes: CLASSES.map((c) => ({ ...c, description: `Codes of class ${c.id} in the synthetic protocol.` })),
    }),
  );
  const text = {};
  for (const [i, code] of codes.entries()) {
    const cls = CLASSES.find((c) => code >= c.range[0] && code <= c.range[1]);
    text[code] = WORDS.en(code);
    writeFileSync(
      join(base, 'codes', `${code}.yaml`),
      stringify({
        code,
        reason: `Synthetic Condition ${code}`,
        status: i % 17 === 3 ? 'deprecated' : 'current',
        references: [{ rfc: 9999, section: `${Math.floor(code / 100)}.${code % 100}` }],
        senders: [SENDERS[i % SENDERS.length], ...(i % 3 === 0 ? [SENDERS[(i + 1) % SENDERS.length]] : [])],
        retry: cls.final ? RETRY[1 + (i % 4)] : 'not-needed',
        headers: HEADERS.filter((_, h) => (i + h) % 3 === 0),
        methods: i % 4 === 0 ? [METHODS[i % METHODS.length]] : [],
        ...text[code],
      }),
    );
  }
  const pairs = [];
  for (let i = 0; i + 1 < codes.length; i += 4) {
    pairs.push({
      codes: [codes[i], codes[i + 1]],
      difference: `${codes[i]} and ${codes[i + 1]} look alike, but only the second one asks the client to change its request.`,
      whenToUse: `Send ${codes[i]} when the condition is temporary and ${codes[i + 1]} when the request itself is at fault. A client that receives ${codes[i + 1]} must not simply repeat the request.`,
      scenario: `A test client sends two \`REGISTER\` requests in a row; the first is refused with ${codes[i]}, the second with ${codes[i + 1]}.`,
    });
  }
  writeFileSync(join(base, 'pairs.yaml'), stringify(pairs));
  for (const locale of locales) {
    mkdirSync(join(dir, 'locales', locale), { recursive: true });
    cpSync(join(repo, 'locales', locale, 'ui.json'), join(dir, 'locales', locale, 'ui.json'));
    if (locale === 'en') continue;
    const out = join(dir, 'locales', locale, 'content', 'syn');
    mkdirSync(join(out, 'codes'), { recursive: true });
    const field = (translated, english) => ({ text: translated, source: hash(english) });
    const protoText = {
      vi: { d: 'Một giao thức bịa ra, có các mã chỉ dùng để đo khả năng mở rộng của Statusbook.', n: (c) => `Nhóm ${c.id}`, cd: (c) => `Các mã thuộc lớp ${c.id} trong giao thức tổng hợp.` },
      ja: { d: 'Statusbook の拡張性を測るためだけに作られた架空のプロトコルです。', n: (c) => `グループ ${c.id}`, cd: (c) => `合成プロトコルのクラス ${c.id} のコードです。` },
    }[locale];
    writeFileSync(
      join(out, 'protocol.yaml'),
      stringify({
        description: field(protoText.d, 'A made-up protocol whose codes exist only to measure how Statusbook scales.'),
        classes: Object.fromEntries(CLASSES.map((c) => [c.id, { name: field(protoText.n(c), c.name), description: field(protoText.cd(c), `Codes of class ${c.id} in the synthetic protocol.`) }])),
      }, { lineWidth: 0 }),
    );
    const pairText = {
      vi: { difference: (a, b) => `${a} và ${b} trông giống nhau, nhưng chỉ mã thứ hai yêu cầu máy khách sửa yêu cầu.`, whenToUse: (a, b) => `Gửi ${a} khi điều kiện là tạm thời và ${b} khi chính yêu cầu có lỗi. Máy khách nhận ${b} không được lặp lại y nguyên yêu cầu.`, scenario: (a, b) => `Một máy khách kiểm thử gửi liên tiếp hai yêu cầu \`REGISTER\`; yêu cầu đầu bị từ chối với ${a}, yêu cầu sau với ${b}.` },
      ja: { difference: (a, b) => `${a} と ${b} は似ていますが、クライアントにリクエストの変更を求めるのは後者だけです。`, whenToUse: (a, b) => `条件が一時的なときは ${a} を、リクエスト自体に問題があるときは ${b} を送ります。${b} を受け取ったクライアントは同じリクエストを繰り返してはいけません。`, scenario: (a, b) => `テスト用クライアントが \`REGISTER\` を続けて 2 回送ると、1 回目は ${a}、2 回目は ${b} で拒否されます。` },
    }[locale];
    writeFileSync(
      join(out, 'pairs.yaml'),
      stringify(Object.fromEntries(pairs.map((p) => {
        const [a, b] = p.codes;
        return [`${a}-vs-${b}`, Object.fromEntries(['difference', 'whenToUse', 'scenario'].map((k) => [k, field(pairText[k](a, b), p[k])]))];
      })), { lineWidth: 0 }),
    );
    for (const code of codes) {
      const t = WORDS[locale](code);
      const entry = { reason: field(GLOSS[locale](code), `Synthetic Condition ${code}`) };
      for (const key of Object.keys(t)) entry[key] = field(t[key], text[code][key]);
      writeFileSync(join(out, 'codes', `${code}.yaml`), stringify(entry, { lineWidth: 0 }));
    }
  }
  return codes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n, locales] = process.argv.slice(2);
  const codes = writeSynthetic(dir, Number(n), locales ? locales.split(',') : undefined);
  console.log(`wrote ${codes.length} codes to ${dir}`);
}
